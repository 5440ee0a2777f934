/**
 * The source-text use cases below HTTP, on both engines, as a server action or route calls them (`execute`): who
 * may run them, and bad input handed over whole (a 50 MB file already in memory) — a clear error, nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, domainFailure, openSeededDb, type TestDb, testEngines } from '@/db/test-utils';
import type { Actor } from '../session';
import { execute } from '../use-case';
import { fetchTextUseCase, pasteTextUseCase, uploadTextUseCase } from './source-text';

const MB = 1024 * 1024;

describe.each(testEngines())('source-text use cases on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  let sourceId: number;
  beforeAll(async () => {
    const seeded = await openSeededDb(engine);
    t = seeded.t;
    curator = { ...seeded.curator, email: 'curator@example.org', name: 'Curator', via: 'session', scope: 'write' };
    const [src] = await t.query<{ id: number }>(
      `insert into sources (doi, title, metadata_origin) values ('10.5555/use.case', 'Use case', 'manual') returning id`,
    );
    sourceId = src!.id;
  });
  afterAll(() => t?.dispose());

  const nothingStored = async () => {
    expect(await countOf(t, `select count(*)::int as n from source_texts where source_id = $1`, [sourceId])).toBe(0);
    const events = `select count(*)::int as n from audit_events where action = 'source.snapshot' and entity_id = $1`;
    expect(await countOf(t, events, [sourceId])).toBe(0);
  };

  it.each([
    ['pdf', /^The PDF is 50(\.0)? MB; the app accepts PDFs up to 20(\.0)? MB\.$/],
    ['jats', /^The XML file is larger than 10 MB/],
  ] as const)('refuses 50 MB handed to upload as %s with too_large, storing nothing', async (kind, message) => {
    const bytes = new Uint8Array(50 * MB).fill(0x25);
    bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
    const before = process.memoryUsage.rss();
    const e = await domainFailure(
      execute(uploadTextUseCase, curator, { sourceId, kind, filename: 'big', bytes }, t.db),
    );
    const mb = (process.memoryUsage.rss() - before) / MB;
    expect(e.code).toBe('too_large:source_text');
    expect(e.fields?.file).toMatch(message);
    console.info(`use case: 50 MB ${kind} (${engine}): RSS growth ${mb.toFixed(1)} MB`);
    expect(mb).toBeLessThan(200);
    await nothingStored();
  });

  it('refuses a signed-out caller (401) and a read-only token (403) on every operation, storing nothing', async () => {
    const readOnly: Actor = { ...curator, via: 'token', scope: 'read' };
    const bytes = new TextEncoder().encode('<article/>');
    const calls = [
      (who: Actor | null) => execute(pasteTextUseCase, who, { sourceId, text: 'Some words.' }, t.db),
      (who: Actor | null) => execute(uploadTextUseCase, who, { sourceId, kind: 'jats', bytes }, t.db),
      (who: Actor | null) => execute(fetchTextUseCase, who, { sourceId, service: 'crossref' }, t.db),
    ];
    for (const call of calls) {
      expect((await domainFailure(call(null))).code).toBe('unauthorized:session');
      expect((await domainFailure(call(readOnly))).code).toBe('forbidden:token');
    }
    await nothingStored();
  });

  it('names the field of bad input and refuses an unknown source as not found', async () => {
    const noKind = await domainFailure(
      execute(uploadTextUseCase, curator, { sourceId, kind: 'docx', bytes: new Uint8Array(1) }, t.db),
    );
    expect(noKind.fields).toEqual({ kind: 'Upload a PDF or a JATS XML file.' });
    const noId = await domainFailure(execute(pasteTextUseCase, curator, { sourceId: 'x', text: 'Words.' }, t.db));
    expect(noId.fields).toEqual({ sourceId: 'Expected a source id.' });
    const missing = await domainFailure(execute(pasteTextUseCase, curator, { sourceId: 987654, text: 'Words.' }, t.db));
    expect(missing.code).toBe('not_found:source');
    await nothingStored();
  });
});
