import { describe, expect, it } from 'vitest';
import { actionMatch, auditQueryString, dateRange, decodeCursor, encodeCursor, parseAuditQuery } from './filters';

describe('parseAuditQuery', () => {
  it('accepts no filters', () => {
    expect(parseAuditQuery({})).toEqual({ ok: true, filters: {}, cursor: null });
  });

  it('normalizes the actor email and drops blank fields (as a GET form sends them)', () => {
    const q = parseAuditQuery(new URLSearchParams('actor=+Admin@Example.ORG+&action=&from=2026-01-01&to='));
    expect(q).toEqual({ ok: true, filters: { actor: 'admin@example.org', from: '2026-01-01' }, cursor: null });
  });

  it.each(['settings.update', 'finding.', 'finding.*', 'finding', 'user.role_change'])(
    'accepts the action %s',
    (action) => {
      expect(parseAuditQuery({ action })).toMatchObject({ ok: true, filters: { action } });
    },
  );

  it.each([
    ['from', 'notadate', 'Use a date like 2026-01-31.'],
    ['from', '2026-02-30', 'Use a date like 2026-01-31.'],
    ['to', '2026-1-5', 'Use a date like 2026-01-31.'],
    ['actor', 'admin', 'Enter a valid email address, like name@example.org.'],
    ['action', "x'; drop table users; --", 'An action looks like finding.submit, or a prefix like finding.'],
    ['action', '%', 'An action looks like finding.submit, or a prefix like finding.'],
  ])('refuses %s=%s with a message on that filter', (key, value, message) => {
    const q = parseAuditQuery({ [key]: value });
    expect(q).toEqual({ ok: false, errors: { [key]: message }, raw: { [key]: value } });
  });

  it('refuses an end date before the start date', () => {
    const q = parseAuditQuery({ from: '2026-03-02', to: '2026-03-01' });
    expect(q.ok).toBe(false);
    expect(!q.ok && q.errors).toEqual({ to: 'The end date is before the start date.' });
  });

  it('refuses a garbage cursor but keeps the filters for the form', () => {
    for (const before of ['garbage', 'bm90IGEgY3Vyc29y', encodeCursor({ at: '2026-01-01T00:00:00Z', id: 1 }), '!!']) {
      const q = parseAuditQuery({ action: 'finding.', before });
      expect(q.ok).toBe(false);
      expect(!q.ok && Object.keys(q.errors)).toEqual(['before']);
      expect(!q.ok && q.raw).toEqual({ action: 'finding.' });
    }
  });

  it('takes the first of repeated parameters', () => {
    expect(parseAuditQuery({ action: ['user.create', 'x'] })).toMatchObject({
      ok: true,
      filters: { action: 'user.create' },
    });
  });
});

describe('cursors', () => {
  it('round-trips through an opaque base64url token', () => {
    const c = { at: '2026-01-31T23:59:59.123456Z', id: 4711 };
    const token = encodeCursor(c);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token).not.toContain('4711');
    expect(decodeCursor(token)).toEqual(c);
  });

  it.each([
    ['an id of zero', { at: '2026-01-31T23:59:59.123456Z', id: 0 }],
    ['an impossible day', { at: '2026-02-31T00:00:00.000000Z', id: 3 }],
  ])('refuses %s', (_what, c) => {
    expect(decodeCursor(encodeCursor(c))).toBeNull();
  });
});

describe('helpers', () => {
  it('tells exact actions from prefixes', () => {
    expect(actionMatch('finding.submit')).toEqual({ kind: 'exact', value: 'finding.submit' });
    expect(actionMatch('finding.')).toEqual({ kind: 'prefix', value: 'finding.' });
    expect(actionMatch('finding*')).toEqual({ kind: 'prefix', value: 'finding' });
  });

  it('makes inclusive UTC dates a half-open range', () => {
    expect(dateRange({ from: '2026-01-31', to: '2026-01-31' })).toEqual({
      start: new Date('2026-01-31T00:00:00.000Z'),
      end: new Date('2026-02-01T00:00:00.000Z'),
    });
    expect(dateRange({})).toEqual({ start: undefined, end: undefined });
  });

  it('builds query strings that keep the filters', () => {
    expect(auditQueryString({})).toBe('');
    const c = { at: '2026-01-31T23:59:59.123456Z', id: 9 };
    const qs = auditQueryString({ actor: 'a@b.org', action: 'finding.' }, c);
    expect(parseAuditQuery(new URLSearchParams(qs.slice(1)))).toEqual({
      ok: true,
      filters: { actor: 'a@b.org', action: 'finding.' },
      cursor: c,
    });
  });
});
