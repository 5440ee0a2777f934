import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { findOrgan } from '../lib/vocab/organs';
import { expect, test } from './fixtures';

const SKM = 'UBERON:0001134';
const BONE = 'UBERON:0001474';

/** Seeded findings whose target is bone: every one is a Skeletal muscle → Bone edge (the seed's rule). */
function seededCount(organId: string): number {
  const rows = parse(readFileSync(path.join(process.cwd(), 'db/seed-data/review-table1.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as { target_organ: string }[];
  return rows.filter((r) => findOrgan(r.target_organ)?.id === organId).length;
}

test.describe('crosstalk map', () => {
  const bone = seededCount(BONE);
  const boneName = `Skeletal muscle → Bone: ${bone} ${bone === 1 ? 'finding' : 'findings'}`;

  test('draws Skeletal muscle → Bone with its number of findings, and lists it in the table', async ({ page }) => {
    expect(bone).toBeGreaterThan(0);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Crosstalk map' }).click();
    await expect(page).toHaveURL(/\/map$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Crosstalk map');

    const map = page.getByTestId('crosstalk-map');
    await expect(map.locator('title').first()).toContainText('Crosstalk map');
    await expect(map.locator('desc')).toContainText(boneName);
    const edge = page.getByTestId('edge-skeletal-muscle-bone');
    await expect(edge).toHaveAttribute('aria-label', boneName);
    await expect(edge.locator('text')).toHaveText(String(bone));
    await expect(page.getByRole('link', { name: boneName }).first()).toBeVisible();
    await expect(page.getByTestId('organ-bone')).toHaveAttribute('href', `/findings?organ=${BONE}`);
    await expect(page.getByTestId('map-legend')).toContainText('Muscle → organ');

    const table = page.getByRole('table', { name: /Crosstalk edges/ });
    // The row of this edge (another spec's finding may add a Bone → Skeletal muscle row: bone marrow rolls up to Bone).
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: boneName }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell')).toHaveText(['Skeletal muscle', 'Bone', 'Muscle → organ', String(bone)]);
    await expect(row.getByRole('link', { name: boneName })).toBeVisible();
    await expect(row.getByRole('link')).toHaveAttribute(
      'href',
      `/findings?origin=${SKM}&organ=${BONE}&direction=muscle_to_organ`,
    );
  });

  test('following an edge opens the findings table filtered to it', async ({ page }) => {
    await page.goto('/map');
    await page.getByTestId('edge-skeletal-muscle-bone').click();
    await expect(page).toHaveURL(/\/findings\?/);
    const params = new URL(page.url()).searchParams;
    expect(params.get('origin')).toBe(SKM);
    expect(params.get('organ')).toBe(BONE);
    expect(params.get('direction')).toBe('muscle_to_organ');
  });

  test('stays inside a narrow screen', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/map');
    const box = await page.getByTestId('crosstalk-map').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    await expect(page.getByTestId('edge-skeletal-muscle-bone')).toBeVisible();
  });
});
