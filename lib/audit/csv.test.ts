import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS, auditCsvStream, neutralizeCell, toAuditCsvRecord } from './csv';
import type { AuditEventRow } from './types';

const makeEvent = (over: Partial<AuditEventRow> = {}): AuditEventRow => ({
  id: 1,
  at: new Date('2026-01-31T12:00:00.000Z'),
  actorId: 4,
  actorEmail: 'admin@example.org',
  actorName: 'Ada Admin',
  action: 'settings.update',
  entity: 'settings',
  entityId: null,
  findingPublicId: null,
  detail: { before: { approvalsRequired: 1 }, after: { approvalsRequired: 2 } },
  ...over,
});

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

async function* from<T>(items: T[]) {
  yield* items;
}

describe('neutralizeCell', () => {
  it.each(['=HYPERLINK("http://evil")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with a quote', (v) => {
    expect(neutralizeCell(v)).toBe(`'${v}`);
  });

  it.each(['settings.update', '{"a":1}', '', "it's", ' =x'])('leaves %j alone', (v) => {
    expect(neutralizeCell(v)).toBe(v);
  });
});

describe('toAuditCsvRecord', () => {
  it('maps an event to the documented columns', () => {
    expect(toAuditCsvRecord(makeEvent())).toEqual({
      id: '1',
      at: '2026-01-31T12:00:00.000Z',
      actor_email: 'admin@example.org',
      actor_name: 'Ada Admin',
      action: 'settings.update',
      entity: 'settings',
      entity_id: '',
      detail: '{"before":{"approvalsRequired":1},"after":{"approvalsRequired":2}}',
    });
  });

  it('names a missing actor "system"', () => {
    expect(toAuditCsvRecord(makeEvent({ actorId: null, actorEmail: null, actorName: null }))).toMatchObject({
      actor_email: '',
      actor_name: 'system',
    });
  });

  it('neutralizes formula-like action, name and entity cells', () => {
    const r = toAuditCsvRecord(makeEvent({ action: '=cmd|calc', actorName: '@Ada', entityId: '-5' }));
    expect(r.action).toBe("'=cmd|calc");
    expect(r.actor_name).toBe("'@Ada");
    expect(r.entity_id).toBe("'-5");
  });
});

describe('auditCsvStream', () => {
  it('writes RFC 4180 CSV with a header, quoting, and neutralized cells', async () => {
    const rows = [
      makeEvent({ id: 2, detail: { note: 'comma, "quote"\nnewline' } }),
      makeEvent({ id: 1, action: '=1+1', actorName: 'Zoë Ünicode' }),
    ];
    const out = await text(auditCsvStream(from(rows)));
    expect(out.split('\r\n')[0]).toBe(AUDIT_CSV_COLUMNS.join(','));
    expect(out.endsWith('\r\n')).toBe(true);
    const parsed = parse(out, { columns: true }) as Record<string, string>[];
    expect(parsed.map((r) => r.id)).toEqual(['2', '1']);
    expect(JSON.parse(parsed[0]!.detail!)).toEqual({ note: 'comma, "quote"\nnewline' });
    expect(parsed[1]!.action).toBe("'=1+1");
    expect(parsed[1]!.actor_name).toBe('Zoë Ünicode');
  });

  it('writes only the header when nothing matches', async () => {
    expect(await text(auditCsvStream(from([])))).toBe(`${AUDIT_CSV_COLUMNS.join(',')}\r\n`);
  });

  it('pulls events lazily and stops pulling when the reader cancels', async () => {
    let produced = 0;
    let finished = false;
    async function* many() {
      try {
        for (let i = 1; i <= 1_000_000; i++) {
          produced++;
          yield makeEvent({ id: i });
        }
      } finally {
        finished = true;
      }
    }
    const reader = auditCsvStream(many()).getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 20));
    expect(produced).toBeLessThan(10_000);
    expect(finished).toBe(true);
  });

  it('errors the stream when the source fails', async () => {
    async function* failing() {
      yield makeEvent();
      throw new Error('database went away');
    }
    await expect(text(auditCsvStream(failing()))).rejects.toThrow();
  });
});
