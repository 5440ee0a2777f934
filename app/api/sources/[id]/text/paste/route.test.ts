import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@/db/test-utils';
import { type ErrorJson, openTextRouteKit, rssGrowthMb, type TextRouteKit } from '../text-route-test-kit';
import { POST } from './route';

const PAPER = [
  'Muscle vesicles reach fat',
  '',
  'Abstract',
  'Running raised plasma EV numbers and enriched them in miR-133a.',
  '',
  'Methods',
  'EVs were isolated by size-exclusion chromatography.',
].join('\n');

describe.each(testEngines())('POST /api/sources/{id}/text/paste on %s', (engine) => {
  let k: TextRouteKit;
  beforeAll(async () => {
    k = await openTextRouteKit(engine, '10.5555/paste.route');
  });
  afterAll(() => k?.dispose());

  const paste = (body: unknown, opts: { token?: string; id?: string } = {}) =>
    POST(
      new Request('http://localhost/api/sources/x/text/paste', {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.token ?? k.writeToken}`, 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
      { params: Promise.resolve({ id: opts.id ?? String(k.sourceId) }) },
    );
  const refused = async (res: Response, status: number) => {
    const body = (await res.json()) as ErrorJson;
    expect(res.status, JSON.stringify(body)).toBe(status);
    expect(await k.stored()).toEqual({ rows: 0, events: 0 });
    return body;
  };

  it.each([
    ['NUL', 'Abstract\nEVs carry\u0000 miR-133a.', 'a control character (U+0000, NUL) at line 2, column 10'],
    ['ESC', 'Title\n\nAbstract\n\u001b[31mred', 'a control character (U+001B, ESC) at line 4, column 1'],
    ['DEL', 'Text with a\u007f DEL', 'a control character (U+007F, DEL) at line 1, column 12'],
    ['a C1 control', 'Line one\r\nline \u0085two', 'a control character (U+0085) at line 2, column 6'],
    ['a form feed', 'Page one\f page two', 'a control character (U+000C, form feed) at line 1, column 9'],
  ])('refuses text with %s with 400 naming its line and column, storing nothing', async (_what, text, said) => {
    const { value: res, mb } = await rssGrowthMb(() => paste({ text }));
    const body = await refused(res, 400);
    expect(body.error).toBe('invalid');
    expect(body.fields?.text).toBe(
      `The text contains ${said}. Remove it (or copy the text again from the paper) and paste once more.`,
    );
    expect(mb).toBeLessThan(200);
  });

  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t\r\n '],
  ])('refuses %s text with 400', async (_what, text) => {
    const body = await refused(await paste({ text }), 400);
    expect(body.fields).toEqual({ text: 'The text is empty; paste the paper’s text.' });
  });

  it('refuses a missing text, a body that is not JSON and one over the cap, each with 400/413', async () => {
    expect((await refused(await paste({}), 400)).fields).toEqual({ text: 'Paste the text of the paper.' });
    expect((await refused(await paste('{"text": "unterminated'), 400)).message).toMatch(/not valid JSON/);
    const huge = JSON.stringify({ text: 'x'.repeat(8_000_001) });
    const { value: res, mb } = await rssGrowthMb(() => paste(huge));
    expect((await refused(res, 413)).error).toBe('too_large');
    console.info(`paste 8 MB over the cap (${engine}): RSS growth ${mb.toFixed(1)} MB`);
    expect(mb).toBeLessThan(200);
  });

  it('stores pasted text once with its sections; the same text again is created: false and still one row', async () => {
    const first = await paste({ text: PAPER });
    const out = (await first.json()) as { snapshotId: number; created: boolean; doi: string };
    expect(first.status, JSON.stringify(out)).toBe(201);
    expect(out).toMatchObject({ created: true, doi: '10.5555/paste.route' });
    // CRLF and surrounding whitespace do not make it a different text.
    const again = await paste({ text: `\n${PAPER.replace(/\n/g, '\r\n')}  ` });
    expect(again.status).toBe(201);
    expect(await again.json()).toMatchObject({ snapshotId: out.snapshotId, created: false });
    const [row] = await k.t.query<{ origin: string; open_access: boolean; text: string; sections: { kind: string }[] }>(
      `select origin, open_access, text, sections from source_texts where id = $1`,
      [out.snapshotId],
    );
    expect(row).toMatchObject({ origin: 'paste', open_access: false, text: PAPER });
    expect(row!.sections.map((s) => s.kind)).toEqual(['body', 'abstract', 'methods']);
    expect(await k.stored()).toEqual({ rows: 1, events: 1 });
  });

  it('answers a read-only token 403, a bad token 401 and an unknown source 404, storing nothing new', async () => {
    const before = await k.stored();
    const ro = await paste({ text: 'Other words.' }, { token: k.readToken });
    expect(ro.status).toBe(403);
    expect(await ro.json()).toMatchObject({ error: 'forbidden', message: expect.stringMatching(/read-only/) });
    expect((await paste({ text: 'Other words.' }, { token: 'evx_not-a-real-token' })).status).toBe(401);
    const missing = await paste({ text: 'Other words.' }, { id: '987654' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found', message: 'No such source.' });
    expect(await k.stored()).toEqual(before);
  });
});
