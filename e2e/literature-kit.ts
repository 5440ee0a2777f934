/**
 * The acceptance set of issue 13 as one RIS file: 30 records, 5 of them duplicates, so 25 to screen:
 * 24 studies; a published paper (10.5555/…) and its preprint (10.1101/2024.01.02.123456), one paper in two
 * versions; study 1's DOI written differently; study 2's PMID again; study 3's title, year and first author
 * again; the DOI of a seeded source. A run token keeps the records apart from any other test's.
 */
import { expect, type Page } from '@playwright/test';

const TOK = `lit${Date.now().toString(36)}`;
const PMID = `3${String(Date.now() % 10_000_000).padStart(7, '0')}`;
export const FILE_NAME = `intake-${TOK}.ris`;
export const PUBLISHED = `Skeletal muscle vesicles ${TOK} reach bone`;

export const studyTitle = (n: number) => `Extracellular vesicle crosstalk ${TOK} study ${n}`;

type Ris = { title: string; doi?: string; author: string; year?: number; extra?: string[] };

function ris(r: Ris): string {
  const lines = ['TY  - JOUR', `TI  - ${r.title}`, `AU  - ${r.author}`, `PY  - ${r.year ?? 2024}`];
  if (r.doi) lines.push(`DO  - ${r.doi}`);
  lines.push('JO  - Journal of Extracellular Vesicles', 'AB  - Vesicles released by muscle carry cargo.');
  return [...lines, ...(r.extra ?? []), 'ER  - ', ''].join('\n');
}

export function acceptanceRis(): string {
  const entries: Ris[] = [];
  for (let n = 1; n <= 24; n++) {
    entries.push({
      title: studyTitle(n),
      doi: `10.5555/${TOK}.${n}`,
      author: `Author${n}, Alex`,
      extra: n === 2 ? [`N1  - PMID: ${PMID}`] : [],
    });
  }
  entries.push({ title: PUBLISHED, doi: `10.5555/${TOK}.published`, author: 'Ng, Ana' });
  entries.push({ title: PUBLISHED, doi: '10.1101/2024.01.02.123456', author: 'Ng, Ana', year: 2024 });
  entries.push({
    title: `${studyTitle(1)} (copy)`,
    doi: `https://doi.org/10.5555/${TOK.toUpperCase()}.1`,
    author: 'X, Y',
  });
  entries.push({ title: `Another title ${TOK}`, author: 'Other, Olga', extra: [`N1  - PMID: ${PMID}`] });
  entries.push({ title: studyTitle(3), author: 'Author3, Alex' });
  entries.push({ title: 'Exercise and vesicles', doi: '10.1007/s00125-014-3337-2', author: 'Aswad, H.', year: 2014 });
  return entries.map(ris).join('\n');
}

export type Plan = { reviewer: 'include' | 'exclude'; reviewer2: 'include' | 'exclude'; reason?: string };
export const REASON_A = 'Not about extracellular vesicles';
export const REASON_B = 'Review, commentary or editorial';
/** Study 4 is the one conflict: the admin includes it. */
export const CONFLICT = studyTitle(4);

/** Both include the published paper and studies 1–3; they disagree on 4; both exclude 5–14 (A) and 15–24 (B). */
export function planFor(title: string): Plan | null {
  if (title === PUBLISHED) return { reviewer: 'include', reviewer2: 'include' };
  const n = Number(new RegExp(`${TOK} study (\\d+)$`).exec(title)?.[1] ?? NaN);
  if (!Number.isInteger(n)) return null;
  if (n <= 3) return { reviewer: 'include', reviewer2: 'include' };
  if (n === 4) return { reviewer: 'include', reviewer2: 'exclude', reason: REASON_A };
  return { reviewer: 'exclude', reviewer2: 'exclude', reason: n <= 14 ? REASON_A : REASON_B };
}

export const INCLUDED = [PUBLISHED, studyTitle(1), studyTitle(2), studyTitle(3), studyTitle(4)];

/**
 * Screens every record of ours on /literature/screen as `who`, by buttons (`keys` false) or shortcuts; others'
 * records are skipped. Returns how many records this screener decided.
 */
export async function screenAll(page: Page, who: 'reviewer' | 'reviewer2', keys: boolean): Promise<number> {
  await page.goto('/literature/screen');
  let decided = 0;
  for (let guard = 0; guard < 200; guard++) {
    const record = page.getByTestId('screening-record');
    const empty = page.getByTestId('screening-empty');
    await expect(record.or(empty)).toBeVisible();
    if (await empty.isVisible()) return decided;
    const id = await record.getAttribute('data-candidate');
    const title = (await page.getByTestId('record-title').innerText()).trim();
    const plan = planFor(title);
    const form = page.getByRole('form', { name: 'Screening decision' });
    if (!plan) {
      await form.getByRole('button', { name: /Skip to the next record/ }).click();
    } else if (plan[who] === 'include') {
      if (keys) await page.keyboard.press('i');
      else await form.getByRole('button', { name: /^Include/ }).click();
      decided++;
    } else {
      if (keys) await page.keyboard.press('e');
      else await form.getByRole('button', { name: /^Exclude/ }).click();
      await form.getByLabel('Reason for excluding').selectOption({ label: plan.reason! });
      if (keys) await form.getByLabel('Reason for excluding').press('Enter');
      else await form.getByRole('button', { name: 'Confirm exclusion' }).click();
      decided++;
    }
    await expect(page.locator(`[data-testid="screening-record"][data-candidate="${id}"]`)).toHaveCount(0);
  }
  throw new Error('the screening queue did not end');
}

/** The count of one stage of the PRISMA figure (and of one label within it). */
export async function stageCount(page: Page, stage: string, label?: string): Promise<number> {
  const sel = `[data-testid="prisma-figure"] text[data-stage="${stage}"]${label ? `[data-label="${label}"]` : ''}`;
  const texts = page.locator(sel);
  await expect(texts).toHaveCount(1);
  return Number(await texts.getAttribute('data-count'));
}
