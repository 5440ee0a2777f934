import AxeBuilder from '@axe-core/playwright';
import { compileErrors, validate } from '@readme/openapi-parser';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { DEMO, expect, signInAs, test } from './fixtures';

type Doc = {
  paths: Record<string, unknown>;
  components: { schemas: Record<string, { required: string[]; properties: Record<string, unknown> }> };
};

const sorted = (xs: Iterable<string>) => [...xs].sort();
const requiredOf = (doc: Doc, name: string) => sorted(doc.components.schemas[name]!.required);

async function openapi(request: APIRequestContext): Promise<Doc> {
  const r = await request.get('/api/v1/openapi.json');
  expect(r.status()).toBe(200);
  return (await r.json()) as Doc;
}

async function expectJsonError(r: APIResponse, status: number, error: string) {
  expect(r.status(), await r.text()).toBe(status);
  expect(r.headers()['content-type']).toContain('application/json');
  const body = await r.json();
  expect(body).toMatchObject({ error, message: expect.any(String) });
  return body as { error: string; message: string; fields?: Record<string, string> };
}

test.describe('read API /api/v1', () => {
  test('openapi.json is a valid OpenAPI 3.1 document', async ({ request }) => {
    const doc = await openapi(request);
    const v = await validate(doc as never);
    expect(v.valid ? '' : compileErrors(v)).toBe('');
  });

  test('every documented path answers with its documented shape', async ({ request }) => {
    const doc = await openapi(request);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/findings',
        '/api/v1/findings/{id}',
        '/api/v1/sources/{doi}',
        '/api/v1/export',
        '/api/v1/releases',
      ]),
    );

    const list = await request.get('/api/v1/findings?organ=UBERON:0001134&limit=50');
    expect(list.status()).toBe(200);
    const page = await list.json();
    expect(sorted(Object.keys(page))).toEqual(requiredOf(doc, 'FindingList'));
    expect(page.count).toEqual({ n: page.data.length, exact: true });
    expect(page.next_cursor).toBeNull();
    for (const row of page.data) {
      expect(sorted(Object.keys(row))).toEqual(requiredOf(doc, 'FindingSummary'));
      expect(row).toMatchObject({
        target_organ: 'Skeletal muscle',
        target_organ_id: 'UBERON:0001134',
        status: 'approved',
      });
    }
    const all = await (await request.get('/api/v1/findings?limit=200')).json();
    expect(all.count.n).toBeGreaterThanOrEqual(33);

    const id = page.data[0].finding_id as string;
    const item = await request.get(`/api/v1/findings/${id}`);
    expect(item.status()).toBe(200);
    const finding = await item.json();
    // Anonymous: every documented field but the signed-in history.
    expect(sorted(Object.keys(finding))).toEqual(requiredOf(doc, 'FindingDetail'));
    expect(finding).toMatchObject({
      finding_id: id,
      approved: true,
      approved_by: 'Import (system)',
      source: { doi: expect.stringMatching(/^10\./) },
    });
    expect(Array.isArray(finding.cargo)).toBe(true);

    for (const path of [
      finding.source.doi,
      `doi:${finding.source.doi}`,
      encodeURIComponent(finding.source.doi),
      `https://doi.org/${finding.source.doi.toUpperCase()}`,
    ]) {
      const src = await request.get(`/api/v1/sources/${path}`);
      expect(src.status(), path).toBe(200);
      const body = await src.json();
      expect(sorted(Object.keys(body))).toEqual(requiredOf(doc, 'Source'));
      expect(body.finding_ids).toContain(id);
    }

    await expectJsonError(await request.get('/api/v1/findings/EVX-999999'), 404, 'not_found');
    await expectJsonError(await request.get('/api/v1/findings/not-an-id'), 404, 'not_found');
    await expectJsonError(await request.get('/api/v1/sources/10.9999/not.recorded'), 404, 'not_found');
    expect(
      (await expectJsonError(await request.get('/api/v1/sources/not-a-doi'), 400, 'invalid')).fields,
    ).toHaveProperty('doi');

    const csv = await request.get('/api/v1/export?format=csv&organ=UBERON:0001134');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^finding_id,revision,target_organ,/);
    const json = await request.get('/api/v1/export?format=json&organ=UBERON:0001134');
    const records = (await json.json()) as Record<string, unknown>[];
    expect(records).toHaveLength(page.count.n);
    expect(sorted(Object.keys(records[0]!))).toEqual(requiredOf(doc, 'ExportRecord'));

    const releases = await request.get('/api/v1/releases');
    expect(releases.status()).toBe(200);
    expect(Array.isArray((await releases.json()).data)).toBe(true);
    await expectJsonError(await request.get('/api/v1/releases/1999.1.0/findings.csv'), 404, 'not_found');
  });

  test('bad parameters are 400 with JSON naming the parameter, never 500', async ({ request }) => {
    const cases: [string, string][] = [
      ['organ=UBERON:9999999', 'organ'],
      ['organ=Liver', 'organ'],
      ['limit=-1', 'limit'],
      ['limit=abc', 'limit'],
      [`q=${'x'.repeat(10_000)}`, 'q'],
      ['cursor=!!!', 'cursor'],
      ['cursor=abc', 'cursor'],
      [`cursor=${Buffer.from('["x", -1]').toString('base64url')}`, 'cursor'],
      ['yearFrom=2020&yearTo=2010', 'yearTo'],
      ['sort=relevance', 'sort'],
      ['status=bogus', 'status'],
    ];
    for (const [qs, field] of cases) {
      const body = await expectJsonError(await request.get(`/api/v1/findings?${qs}`), 400, 'invalid');
      expect(body.fields, qs.slice(0, 40)).toHaveProperty(field);
    }
  });

  test('anonymous callers never see drafts; their authors do', async ({ browser, request }) => {
    const curator = await signInAs(browser, DEMO.curator);
    const reviewer = await signInAs(browser, DEMO.reviewer);
    try {
      const created = await curator.page.request.post('/api/findings', {
        data: {
          doi: '10.3389/fendo.2021.697204',
          content: {
            targetOrgan: 'UBERON:0002107',
            direction: 'muscle_to_organ',
            species: 'NCBITaxon:10090',
            recipientCell: `Draft hepatocytes ${Date.now()}`,
          },
        },
      });
      expect(created.status()).toBe(201);
      const { publicId } = (await created.json()) as { publicId: string };

      const mine = await curator.page.request.get('/api/v1/findings?status=draft&limit=200');
      expect(mine.status()).toBe(200);
      expect(((await mine.json()).data as { finding_id: string }[]).map((d) => d.finding_id)).toContain(publicId);
      const own = await curator.page.request.get(`/api/v1/findings/${publicId}`);
      expect(own.status()).toBe(200);
      expect(await own.json()).toMatchObject({
        finding_id: publicId,
        status: 'draft',
        approved: false,
        history: [{ revision: 1, state: 'draft' }],
      });

      const anonList = await expectJsonError(await request.get('/api/v1/findings?status=draft'), 401, 'unauthorized');
      expect(anonList.fields).toHaveProperty('status');
      await expectJsonError(await request.get(`/api/v1/findings/${publicId}`), 404, 'not_found');
      const publicIds = (
        (await (await request.get('/api/v1/findings?limit=200')).json()).data as { finding_id: string }[]
      ).map((d) => d.finding_id);
      expect(publicIds).not.toContain(publicId);
      // Someone else's draft is no one else's business, signed in or not.
      await expectJsonError(await reviewer.page.request.get(`/api/v1/findings/${publicId}`), 404, 'not_found');
    } finally {
      await curator.context.close();
      await reviewer.context.close();
    }
  });

  test('with public read off, anonymous callers get 401', async ({ browser, request }) => {
    const admin = await signInAs(browser, DEMO.admin);
    try {
      expect((await admin.page.request.post('/api/admin/settings', { data: { publicRead: false } })).status()).toBe(
        200,
      );
      await expectJsonError(await request.get('/api/v1/findings'), 401, 'unauthorized');
      await expectJsonError(await request.get('/api/v1/findings/EVX-000001'), 401, 'unauthorized');
      await expectJsonError(await request.get('/api/v1/sources/10.1007/s00125-014-3337-2'), 401, 'unauthorized');
      expect((await admin.page.request.get('/api/v1/findings')).status()).toBe(200);
      expect((await request.get('/api/v1/openapi.json')).status()).toBe(200);
    } finally {
      await admin.page.request.post('/api/admin/settings', { data: { publicRead: true } });
      await admin.context.close();
    }
  });
});

test.describe('bulk import', () => {
  const header =
    'target_organ,species,ev_source,ev_cargo,ev_cargo_types,recipient_cell,model_disease,result,direction,doi';
  const csv = (stamp: number, secondOrgan: string) =>
    [
      header,
      `Liver,Mouse,Quadriceps muscle,miR-122-5p,miRNA,Hepatocytes ${stamp}-a,HIIT,Imported result ${stamp} one,muscle_to_organ,10.3389/fendo.2021.697204`,
      `${secondOrgan},Mouse,Quadriceps muscle,miR-133a-3p; CD63,miRNA; protein,Hepatocytes ${stamp}-b,HIIT,Imported result ${stamp} two,muscle_to_organ,10.3389/fendo.2021.697204`,
      `Bone,Rat,C2C12 cells,"'-catenin",protein,BMSCs ${stamp}-c,Osteoporosis,Imported result ${stamp} three,muscle_to_organ,doi:10.3389/FENDO.2021.697204`,
    ].join('\n');

  test('dry run reports the bad row; commit refuses; with the row fixed, commit imports every row into My work', async ({
    browser,
  }) => {
    const { page, context } = await signInAs(browser, DEMO.curator);
    try {
      const stamp = Date.now();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import findings');
      const file = page.getByLabel('File (CSV or JSON)');
      await file.setInputFiles({
        name: 'findings.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv(stamp, 'Spleenish')),
      });

      await page.getByRole('button', { name: 'Dry run' }).click();
      await expect(page.getByTestId('import-summary')).toHaveText(
        '3 rows checked: 2 valid rows, 1 row with errors, 0 duplicates.',
      );
      const rows = page.getByTestId('import-row');
      await expect(rows).toHaveCount(3);
      await expect(rows.nth(1)).toHaveAttribute('data-status', 'error');
      await expect(rows.nth(1).getByRole('rowheader')).toHaveText('2');
      await expect(rows.nth(1).getByTestId('import-problem')).toContainText(
        'target_organ: Unknown target organ "Spleenish"',
      );
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);

      await page.getByRole('button', { name: 'Commit' }).click();
      await expect(page.getByTestId('import-outcome')).toContainText('Nothing was imported');
      await expect(page.getByTestId('import-row').nth(1)).toHaveAttribute('data-status', 'error');

      await file.setInputFiles({
        name: 'findings.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv(stamp, 'Liver')),
      });
      await page.getByRole('button', { name: 'Dry run' }).click();
      await expect(page.getByTestId('import-summary')).toHaveText(
        '3 rows checked: 3 valid rows, 0 rows with errors, 0 duplicates.',
      );
      await page.getByRole('button', { name: 'Commit' }).click();
      await expect(page.getByTestId('import-outcome')).toHaveText(
        'Imported 3 findings as drafts. They are listed under My work.',
      );
      await expect(page.getByTestId('import-row').filter({ hasText: /Imported as EVX-\d{6}/ })).toHaveCount(3);

      await page.getByTestId('import-outcome').getByRole('link', { name: 'My work' }).click();
      const drafts = page.getByTestId('my-drafts');
      for (const n of ['one', 'two', 'three'])
        await expect(drafts.getByTestId('work-row').filter({ hasText: `Imported result ${stamp} ${n}` })).toHaveCount(
          1,
        );
      await expect(drafts).toContainText('Imported from findings.csv, row 3');

      // The third row's cargo cell came neutralized ('-catenin): it is stored with its leading "-".
      const third = (await drafts
        .getByTestId('work-row')
        .filter({ hasText: `Imported result ${stamp} three` })
        .getByRole('link')
        .textContent())!;
      await page.goto(`/findings/${third.trim()}`);
      await expect(page.locator('[data-field="cargo"]')).toContainText('-catenin (protein)');
    } finally {
      await context.close();
    }
  });

  test('the import page is for signed-in curators', async ({ page }) => {
    await page.goto('/import');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fimport/);
  });
});
