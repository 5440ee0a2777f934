import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { APIRequestContext } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { EXPORT_COLUMN_NAMES } from '../lib/export/columns';
import type { ExportJsonRecord } from '../lib/export/record';
import { DEMO, expect, signInAs, test } from './fixtures';

const BONE = 'UBERON:0001474';
const MOUSE = 'NCBITaxon:10090';
// Findings other specs edit or pin by id; this one leaves them alone.
const USED_ELSEWHERE = new Set(['EVX-000001', 'EVX-000002', 'EVX-000012', 'EVX-000020']);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const csvRecords = (b: Buffer | string) => parse(b, { columns: true, bom: true }) as Record<string, string>[];
const csvHeader = (b: Buffer | string) => (parse(b, { bom: true, to_line: 1 }) as string[][])[0];

/** A finding's content for the curation API, from its export record (the importer's round trip). */
function makeContentFrom(r: ExportJsonRecord, result: string) {
  return {
    targetOrgan: r.target_organ_id,
    origin: r.origin_id,
    direction: r.direction,
    species: r.species_id,
    evSource: r.ev_source,
    cargo: r.ev_cargo.map((name, i) => ({ name, type: r.ev_cargo_types[i] })),
    recipientCell: r.recipient_cell,
    modelDisease: r.model_disease,
    result,
    studyType: r.study_type || null,
    effectDirection: r.effect_direction || null,
    mechanism: r.mechanism,
    evType: r.ev_type || null,
    separationMethods: r.separation_methods,
    particleAnalysis: r.particle_analysis,
    emMethods: r.em_methods,
    markersPositive: r.markers_positive,
    markersNegative: r.markers_negative,
    evidenceQuote: r.evidence_quote,
    evidenceLocation: r.evidence_location,
    curatorNote: r.curator_note,
  };
}

async function workflow(request: APIRequestContext, id: string) {
  const r = await request.get(`/api/findings/${id}/workflow`);
  expect(r.status()).toBe(200);
  return (await r.json()) as { lockVersion: number; revisionNo: number };
}

test.describe('export', () => {
  test('the CSV link of a filtered view downloads exactly the table’s findings with the documented columns', async ({
    page,
  }) => {
    await page.goto(`/findings?organ=${BONE}&species=${MOUSE}`);
    const rows = page.getByTestId('finding-row');
    await expect(rows.first()).toBeVisible();
    const ids = await rows.locator('[data-col="publicId"]').allTextContents();
    expect(ids.length).toBeGreaterThan(0);

    const link = page.getByTestId('export-csv');
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/v1\/export\?format=csv&/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^evx-findings-\d{4}-\d{2}-\d{2}\.csv$/);
    const downloaded = await readFile((await download.path())!);

    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers()['content-disposition']).toMatch(
      /^attachment; filename="evx-findings-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const body = await res.body();
    expect(body.equals(downloaded)).toBe(true);
    expect(csvHeader(body)).toEqual(EXPORT_COLUMN_NAMES);
    const records = csvRecords(body);
    expect(new Set(records.map((r) => r.finding_id))).toEqual(new Set(ids));
    for (const r of records) expect([r.target_organ, r.species]).toEqual(['Bone', 'Mouse']);

    // The same rows as JSON and NDJSON; a BOM on request.
    const json = (await (
      await page.request.get(href.replace('format=csv', 'format=json'))
    ).json()) as ExportJsonRecord[];
    expect(json.map((r) => r.finding_id)).toEqual(records.map((r) => r.finding_id));
    expect(Array.isArray(json[0]!.ev_cargo)).toBe(true);
    const ndjson = await (await page.request.get(href.replace('format=csv', 'format=ndjson'))).text();
    expect(ndjson.trimEnd().split('\n')).toHaveLength(records.length);
    const withBom = await (await page.request.get(`${href}&bom=1`)).body();
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test('bad parameters get a 400 with the field named', async ({ request }) => {
    const r = await request.get('/api/v1/export?format=xlsx&organ=UBERON:nope');
    expect(r.status()).toBe(400);
    const body = await r.json();
    expect(body.error).toBe('invalid');
    expect(Object.keys(body.fields).sort()).toEqual(['format', 'organ']);
    expect((await request.get('/api/v1/export?status=submitted')).status()).toBe(400);
    // A well-formed id the vocabularies do not hold, and a species id in the organ filter: named, not an empty file.
    const unknown = await request.get('/api/v1/export?format=csv&organ=UBERON:9999999&species=NCBITaxon:10090');
    expect(unknown.status()).toBe(400);
    expect(Object.keys((await unknown.json()).fields)).toEqual(['organ']);
    const wrongKind = await request.get('/api/v1/export?format=csv&organ=NCBITaxon:10090');
    expect(wrongKind.status()).toBe(400);
  });

  test('with public read off, anonymous callers get 401 from the export and the release API; signed-in users still download', async ({
    browser,
    request,
  }) => {
    const admin = await signInAs(browser, DEMO.admin);
    const setPublicRead = async (on: boolean) =>
      expect((await admin.page.request.post('/api/admin/settings', { data: { publicRead: on } })).status()).toBe(200);
    await setPublicRead(false);
    try {
      for (const url of [
        '/api/v1/export?format=csv',
        '/api/v1/export?format=json',
        '/api/v1/releases',
        '/api/v1/releases/2026.11.0/findings.csv',
      ]) {
        const r = await request.get(url);
        expect(r.status(), url).toBe(401);
        expect((await r.json()).error).toBe('unauthorized');
      }
      const signedIn = await admin.page.request.get('/api/v1/export?format=ndjson');
      expect(signedIn.status()).toBe(200);
      expect((await signedIn.text()).trimEnd().split('\n').length).toBeGreaterThanOrEqual(33);
    } finally {
      await setPublicRead(true);
      await admin.context.close();
    }
  });
});

test.describe('releases', () => {
  test('an admin cuts a release; its CSV stays byte-identical after a finding changes, while the live export moves on', async ({
    browser,
    page,
  }) => {
    await page.goto('/releases');
    await expect(page.getByRole('heading', { level: 1, name: 'Releases' })).toBeVisible();
    if (((await (await page.request.get('/api/v1/releases')).json()) as { data: unknown[] }).data.length === 0)
      await expect(page.getByTestId('releases-empty')).toHaveText('No releases yet.');
    await expect(page.getByRole('form', { name: 'Cut a release' })).toHaveCount(0);

    const admin = await signInAs(browser, DEMO.admin);
    const curator = await signInAs(browser, DEMO.curator);
    const reviewer = await signInAs(browser, DEMO.reviewer);
    try {
      await admin.page.goto('/releases');
      const form = admin.page.getByRole('form', { name: 'Cut a release' });
      const tag = await form.getByLabel('Tag').inputValue();
      expect(tag).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
      await form.getByLabel('Notes (optional)').fill('End-to-end test release.');
      await form.getByRole('button', { name: 'Cut release' }).click();
      await expect(form.getByRole('status')).toContainText(`Release ${tag} cut`);

      const item = admin.page.locator(`[data-testid="release"][data-tag="${tag}"]`);
      await expect(item).toBeVisible();
      const shown = (await item.getByTestId('release-sha256').textContent())!.trim();
      expect(shown).toMatch(/^[0-9a-f]{64}$/);
      await expect(item.getByTestId('release-citation')).toHaveText(
        new RegExp(
          `^EV Crosstalk Curator contributors \\(\\d{4}\\)\\. EV Crosstalk Curator dataset, release ${tag.replaceAll('.', '\\.')} \\[Data set\\]\\. https?://.+/releases/${tag.replaceAll('.', '\\.')}\\. SHA-256 ${shown}\\.$`,
        ),
      );
      const csvHref = (await item.getByTestId('release-download-csv').getAttribute('href'))!;
      const first = await page.request.get(csvHref);
      expect(first.status()).toBe(200);
      expect(first.headers()['etag']).toBe(`"${shown}"`);
      expect(first.headers()['content-disposition']).toBe(`attachment; filename="evx-crosstalk-${tag}-findings.csv"`);
      const a = await first.body();
      expect(sha256(a)).toBe(shown);
      expect(csvHeader(a)).toEqual(EXPORT_COLUMN_NAMES);
      expect((await page.request.get(csvHref, { headers: { 'if-none-match': `"${shown}"` } })).status()).toBe(304);
      const pkg = await (await page.request.get(`/api/v1/releases/${tag}/datapackage.json`)).json();
      expect(pkg.resources[0].hash).toBe(`sha256:${shown}`);

      // The tag cannot be reused.
      await form.getByLabel('Tag').fill(tag);
      await form.getByRole('button', { name: 'Cut release' }).click();
      await expect(admin.page.locator('#release-tag-error')).toContainText('already exists');

      // A curator edits one of the released findings through the JSON API; a reviewer approves the edit.
      const released = (await (
        await page.request.get(`/api/v1/releases/${tag}/findings.json`)
      ).json()) as ExportJsonRecord[];
      const target = released
        .filter((r) => r.target_organ_id === BONE && r.species_id === MOUSE && !USED_ELSEWHERE.has(r.finding_id))
        .at(-1)!;
      const newResult = `${target.result} (re-checked ${Date.now()})`;
      const before = await workflow(curator.page.request, target.finding_id);
      const saved = await curator.page.request.patch(`/api/findings/${target.finding_id}`, {
        data: {
          lockVersion: before.lockVersion,
          content: makeContentFrom(target, newResult),
          changeSummary: 'Re-check the result against the source',
        },
      });
      expect(saved.status()).toBe(200);
      const submitted = await curator.page.request.post(`/api/findings/${target.finding_id}/submit`, {
        data: { lockVersion: (await saved.json()).lockVersion },
      });
      expect(submitted.status()).toBe(200);
      const state = await workflow(reviewer.page.request, target.finding_id);
      expect(state.revisionNo).toBe(target.revision + 1);
      const approved = await reviewer.page.request.post(`/api/findings/${target.finding_id}/decisions`, {
        data: { decision: 'approve', revisionNo: state.revisionNo, lockVersion: state.lockVersion },
      });
      expect(approved.status()).toBe(201);

      // The release is what it was, byte for byte; the live export has the new revision.
      const again = await (await page.request.get(csvHref)).body();
      expect(again.equals(a)).toBe(true);
      expect(sha256(again)).toBe(shown);
      expect(csvRecords(again).find((r) => r.finding_id === target.finding_id)!.result).toBe(target.result);
      const live = csvRecords(
        await (await page.request.get(`/api/v1/export?format=csv&organ=${BONE}&species=${MOUSE}`)).body(),
      );
      expect(live.find((r) => r.finding_id === target.finding_id)).toMatchObject({
        result: newResult,
        revision: String(target.revision + 1),
        approved_by: 'Robin Reviewer',
      });

      // The public list and the release's own page show it to everyone.
      await page.goto('/releases');
      await expect(page.locator(`[data-testid="release"][data-tag="${tag}"]`).getByTestId('release-sha256')).toHaveText(
        shown,
      );
      await page.getByRole('link', { name: `Release ${tag}` }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Release ${tag}`);
      await expect(page.getByText('End-to-end test release.')).toBeVisible();
      const list = (await (await page.request.get('/api/v1/releases')).json()) as {
        data: { tag: string; checksum: string }[];
      };
      expect(list.data.find((r) => r.tag === tag)?.checksum).toBe(shown);
    } finally {
      for (const c of [admin, curator, reviewer]) await c.context.close();
    }
  });

  test('only an admin sees the cut-a-release form; unknown release files are 404', async ({ browser }) => {
    const curator = await signInAs(browser, DEMO.curator);
    await curator.page.goto('/releases');
    await expect(curator.page.getByRole('heading', { level: 1, name: 'Releases' })).toBeVisible();
    await expect(curator.page.getByRole('form', { name: 'Cut a release' })).toHaveCount(0);
    expect((await curator.page.request.get('/api/v1/releases/2099.1.0/findings.csv')).status()).toBe(404);
    expect((await curator.page.request.get('/api/v1/releases/not-a-tag/findings.csv')).status()).toBe(404);
    await curator.context.close();
  });
});
