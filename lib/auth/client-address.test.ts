import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress, normalizeAddress } from './client-address';

describe('clientAddress', () => {
  it('with no proxy, reads the one entry Next filled in from the socket', () => {
    expect(clientAddress('203.0.113.7', 0)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', 0)).toBe('127.0.0.1');
    expect(clientAddress('::1', 0)).toBe('::1');
  });

  it('with N trusted hops, takes the N-th entry from the right, never what the client wrote on the left', () => {
    // One proxy appended the address it saw; the client forged the rest.
    expect(clientAddress('10.9.9.9, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientAddress('1.1.1.1, 2.2.2.2, 3.3.3.3, 203.0.113.7', 1)).toBe('203.0.113.7');
    // Two proxies: a CDN appended the client, the load balancer appended the CDN.
    expect(clientAddress('6.6.6.6, 203.0.113.7, 198.51.100.2', 2)).toBe('203.0.113.7');
    expect(clientAddress('203.0.113.7,198.51.100.2', 2)).toBe('203.0.113.7');
    // Several header lines count as one list, in order.
    expect(clientAddress(['6.6.6.6, 203.0.113.7', '198.51.100.2'], 2)).toBe('203.0.113.7');
  });

  it('a forged leftmost entry never changes the answer (the old code took the first entry)', () => {
    fc.assert(
      fc.property(fc.array(fc.ipV4(), { minLength: 0, maxLength: 5 }), (forged) => {
        expect(clientAddress([...forged, '203.0.113.7'].join(', '), 1)).toBe('203.0.113.7');
      }),
    );
  });

  it('answers null when the trusted position holds no address', () => {
    expect(clientAddress(null, 0)).toBeNull();
    expect(clientAddress(undefined, 1)).toBeNull();
    expect(clientAddress('', 0)).toBeNull();
    expect(clientAddress('203.0.113.7', 2)).toBeNull();
    expect(clientAddress('203.0.113.7, unknown', 1)).toBeNull();
    expect(clientAddress('203.0.113.7, ', 1)).toBeNull();
    expect(clientAddress('evil.example', 0)).toBeNull();
  });
});

describe('normalizeAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['64:ff9b::1.2.3.4', '64:ff9b::102:304'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it.each(['', 'unknown', '_hidden', '256.1.1.1', '1.2.3', 'evil.example', '1.2.3.4.5', '::g', '[::1'])(
    'refuses %j',
    (raw) => {
      expect(normalizeAddress(raw)).toBeNull();
    },
  );
});

describe('addressKey', () => {
  it('counts IPv4 addresses singly and IPv6 addresses by /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey(null)).toBe('unknown');
    expect(addressKey('not an address')).toBe('unknown');
  });

  it('every address of one /64 shares the key', () => {
    const hextet = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    fc.assert(
      fc.property(fc.ipV6(), fc.array(hextet, { minLength: 4, maxLength: 4 }), (ip, interfaceId) => {
        const key = addressKey(ip);
        expect(key).toMatch(/^([0-9a-f]{1,4}:){4}:\/64$/);
        expect(addressKey(`${key.slice(0, -5)}:${interfaceId.join(':')}`)).toBe(key);
      }),
    );
  });
});
