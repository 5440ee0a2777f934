import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@/db/test-utils';
import { makeTextPdf } from '@/lib/sourcetext/pdf-test-kit';
import { type ErrorJson, lazyBody, openTextRouteKit, rssGrowthMb, type TextRouteKit } from '../text-route-test-kit';
import { POST } from './route';

const MB = 1024 * 1024;
const jats = readFileSync(new URL('../../../../../../lib/sourcetext/fixtures/muscle-ev-article.xml', import.meta.url));
const XXE =
  '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><article><body>&x;</body></article>';
const LOL = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
const BOMB = `<?xml version="1.0"?><!DOCTYPE article [<!ENTITY l0 "lol">${LOL}]><article><body><p>&l9;</p></body></article>`;

// The first PDF pays for loading pdfjs.
const SLOW = 60_000;

describe.each(testEngines())('POST /api/sources/{id}/text/upload on %s', (engine) => {
  let k: TextRouteKit;
  beforeAll(async () => {
    k = await openTextRouteKit(engine, '10.5555/upload.route');
  });
  afterAll(() => k?.dispose());

  const upload = (
    qs: string,
    body: BodyInit | Uint8Array,
    opts: { token?: string | null; id?: string; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...opts.headers };
    const token = opts.token === undefined ? k.writeToken : opts.token;
    if (token) headers.authorization = `Bearer ${token}`;
    const init = { method: 'POST', body: body as BodyInit, headers, duplex: 'half' } as RequestInit;
    const req = new Request(`http://localhost/api/sources/x/text/upload?${qs}`, init);
    return POST(req, { params: Promise.resolve({ id: opts.id ?? String(k.sourceId) }) });
  };
  const refused = async (res: Response, status: number) => {
    const body = (await res.json()) as ErrorJson;
    expect(res.status, JSON.stringify(body)).toBe(status);
    expect(await k.stored()).toEqual({ rows: 0, events: 0 });
    return body;
  };

  it('refuses a 50 MB PDF declared by Content-Length with 413 before reading it, storing nothing', async () => {
    const progress = { pulled: 0 };
    const { value: res, mb } = await rssGrowthMb(() =>
      upload('kind=pdf&name=big.pdf', lazyBody(50 * MB, progress), {
        headers: { 'content-length': String(50 * MB) },
      }),
    );
    const body = await refused(res, 413);
    expect(body.error).toBe('too_large');
    expect(body.message).toBe('The file is larger than 20 MB, the limit for a PDF; nothing was stored.');
    expect(body.fields).toEqual({ file: body.message });
    expect(progress.pulled).toBeLessThanOrEqual(1 * MB);
    console.info(`upload 50 MB with Content-Length (${engine}): RSS growth ${mb.toFixed(1)} MB`);
    expect(mb).toBeLessThan(200);
  });

  it('refuses a 50 MB PDF streamed without Content-Length with 413, cutting it off at the cap', async () => {
    const progress = { pulled: 0 };
    const { value: res, mb } = await rssGrowthMb(() => upload('kind=pdf&name=big.pdf', lazyBody(50 * MB, progress)));
    const body = await refused(res, 413);
    expect(body.message).toMatch(/larger than 20 MB.*nothing was stored/);
    expect(progress.pulled).toBeGreaterThan(20 * MB);
    expect(progress.pulled).toBeLessThan(22 * MB);
    console.info(`upload 50 MB streamed (${engine}): RSS growth ${mb.toFixed(1)} MB`);
    expect(mb).toBeLessThan(200);
  });

  it('refuses a text file sent as a PDF with 400 saying it is not a PDF', async () => {
    const body = await refused(await upload('kind=pdf&name=paper.pdf', 'Just some words, not a PDF at all.'), 400);
    expect(body.error).toBe('invalid');
    expect(body.fields).toEqual({ file: 'This file is not a PDF.' });
  });

  it.each([
    ['an external entity (XXE)', XXE],
    ['an entity-expansion bomb', BOMB],
  ])('refuses JATS with %s with 400, never reading the entity', async (_what, xml) => {
    const { value: res, mb } = await rssGrowthMb(() => upload('kind=jats&name=a.xml', xml));
    const body = await refused(res, 400);
    expect(body.message).toMatch(/declares its own entities.*refuses for safety/);
    expect(JSON.stringify(body)).not.toContain('root:');
    console.info(`upload JATS with ${_what} (${engine}): RSS growth ${mb.toFixed(1)} MB`);
    expect(mb).toBeLessThan(200);
  });

  it('refuses an XML file over 10 MB and an unknown kind', async () => {
    const big = await refused(await upload('kind=jats', lazyBody(11 * MB)), 413);
    expect(big.message).toMatch(/larger than 10 MB, the limit for an XML file/);
    const kind = await refused(await upload('kind=docx', 'x'), 400);
    expect(kind.fields).toEqual({ kind: 'Upload a PDF or a JATS XML file.' });
  });

  it(
    'stores a valid PDF and a valid JATS article as one snapshot each, with sections; the same file twice is one row',
    async () => {
      const pdf = await makeTextPdf([
        ['Muscle EVs reach fat', '', 'Abstract', 'Running releases miR-133a in vesicles.', '', '1. Introduction'],
        ['Working muscle talks to fat.', '', 'References', '1. Doe J. 2019.'],
      ]);
      const first = await upload('kind=pdf&name=paper.pdf', pdf);
      const out = (await first.json()) as { snapshotId: number; created: boolean; doi: string };
      expect(first.status, JSON.stringify(out)).toBe(201);
      expect(out).toMatchObject({ created: true, doi: '10.5555/upload.route' });
      const again = await upload('kind=pdf&name=same.pdf', pdf);
      expect(again.status).toBe(201);
      expect(await again.json()).toMatchObject({ snapshotId: out.snapshotId, created: false });

      const j = await upload('kind=jats&name=article.xml', jats);
      const jOut = (await j.json()) as { snapshotId: number; created: boolean };
      expect(j.status, JSON.stringify(jOut)).toBe(201);
      expect(jOut.created).toBe(true);

      const rows = await k.t.query<{
        id: number;
        origin: string;
        open_access: boolean;
        sections: unknown[];
        detail: unknown;
      }>(`select id, origin, open_access, sections, detail from source_texts where source_id = $1 order by id`, [
        k.sourceId,
      ]);
      expect(rows.map((r) => [r.id, r.origin, r.open_access])).toEqual([
        [out.snapshotId, 'pdf_upload', false],
        [jOut.snapshotId, 'jats_upload', false],
      ]);
      expect(rows[0]!.detail).toEqual({ filename: 'paper.pdf', bytes: pdf.byteLength });
      expect(rows[0]!.sections).toContainEqual(expect.objectContaining({ kind: 'abstract', title: 'Abstract' }));
      expect(rows[1]!.sections).toContainEqual(expect.objectContaining({ kind: 'methods' }));
      expect(await k.stored()).toEqual({ rows: 2, events: 2 });
    },
    SLOW,
  );

  it('answers a read-only token 403, a bad token 401 and an unknown source 404, storing nothing', async () => {
    const pdf = await makeTextPdf([['Words.']]);
    const before = await k.stored();
    const ro = await upload('kind=pdf', pdf, { token: k.readToken });
    expect(ro.status).toBe(403);
    expect(await ro.json()).toMatchObject({ error: 'forbidden', message: expect.stringMatching(/read-only/) });
    const bad = await upload('kind=pdf', pdf, { token: 'evx_not-a-real-token' });
    expect(bad.status).toBe(401);
    const missing = await upload('kind=pdf', pdf, { id: '987654' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found', message: 'No such source.' });
    expect(await k.stored()).toEqual(before);
  });
});
