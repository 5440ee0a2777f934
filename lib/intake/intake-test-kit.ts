/** Fixtures for the intake tests and the intake bench. */
export const enc = (s: string) => new TextEncoder().encode(s);

export interface RisFixture {
  title: string;
  authors?: string[];
  year?: number;
  doi?: string;
  journal?: string;
  abstract?: string;
  type?: string;
  extra?: string[];
}

export function risEntry(f: RisFixture): string {
  const lines = [`TY  - ${f.type ?? 'JOUR'}`, `TI  - ${f.title}`];
  for (const a of f.authors ?? ['Smith, John']) lines.push(`AU  - ${a}`);
  if (f.year) lines.push(`PY  - ${f.year}`);
  if (f.journal) lines.push(`JO  - ${f.journal}`);
  if (f.doi) lines.push(`DO  - ${f.doi}`);
  if (f.abstract) lines.push(`AB  - ${f.abstract}`);
  lines.push(...(f.extra ?? []), 'ER  - ', '');
  return lines.join('\n');
}

const WORDS = 'vesicle exosome muscle myokine cargo crosstalk adipose liver bone signalling microRNA protein'.split(
  ' ',
);

/** n distinct, realistic-looking RIS entries (each with an abstract of ~900 characters). */
export function manyRis(n: number): string {
  const abstract = 'Extracellular vesicles carry proteins and RNA between tissues. '.repeat(14);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const words = [0, 1, 2, 3, 4].map((k) => WORDS[(i * (k + 3) + k * 7) % WORDS.length]);
    parts.push(
      risEntry({
        title: `${words.join(' ')} study ${i}`,
        authors: [`Author${i % 997}, A.`, 'Second, B.'],
        year: 2000 + (i % 25),
        doi: `10.5555/intake.${i}`,
        journal: 'Journal of Extracellular Vesicles',
        abstract,
        extra: ['KW  - extracellular vesicles', 'KW  - muscle'],
      }),
    );
  }
  return parts.join('\n');
}
