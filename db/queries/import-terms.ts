/**
 * The import's label lookup: a file may name an organ, a species or a grounded
 * list's value by its label instead of its CURIE. Labels are matched exactly
 * (any case) against current terms of the kinds the field accepts: one match
 * grounds the value; none or several leave a list value as free text
 * (ungrounded) and make a single-valued field a row problem. Synonyms are
 * never used here — a synonym match is a proposal for a curator, not a fact.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { CURIE_PATTERN, GROUNDED_FIELDS } from '../../lib/vocab/fields';
import type { ImportRow } from '../../lib/import/types';
import type { DbOrTx } from '../client';
import { terms } from '../schema';

const SINGLE = { targetOrgan: 'target_organ', origin: 'origin', species: 'species' } as const;
const LISTS = ['evSourceTerms', 'recipientCellTerms', 'diseaseTerms', 'targetGeneTerms', 'methodTerms'] as const;

type Item = { curie?: unknown; label?: unknown };
const key = (s: string) => s.trim().toLowerCase();

function labelsToLookUp(rows: readonly ImportRow[]): string[] {
  const out = new Set<string>();
  for (const { content } of rows) {
    for (const field of Object.keys(SINGLE) as (keyof typeof SINGLE)[]) {
      const v = content[field];
      if (typeof v === 'string' && v && !CURIE_PATTERN.test(v)) out.add(key(v));
    }
    for (const field of LISTS) {
      const items = content[field];
      if (!Array.isArray(items)) continue;
      for (const it of items as Item[]) if (!it?.curie && typeof it?.label === 'string') out.add(key(it.label));
    }
  }
  return [...out];
}

/** Rows with labels replaced by CURIEs where a label names exactly one term of the right kind. */
export async function resolveImportLabels(db: DbOrTx, rows: readonly ImportRow[]): Promise<ImportRow[]> {
  const wanted = labelsToLookUp(rows);
  const found: { curie: string; kind: string; l: string }[] = [];
  for (let i = 0; i < wanted.length; i += 2_000)
    found.push(
      ...(await db
        .select({ curie: terms.curie, kind: terms.kind, l: sql<string>`lower(${terms.label})` })
        .from(terms)
        .where(and(inArray(sql`lower(${terms.label})`, wanted.slice(i, i + 2_000)), eq(terms.obsolete, false)))),
    );
  const matches = (label: string, kinds: readonly string[]) =>
    found.filter((f) => f.l === key(label) && kinds.includes(f.kind));

  return rows.map((row) => {
    const content = { ...row.content };
    const problems = [...row.problems];
    for (const [field, column] of Object.entries(SINGLE) as [keyof typeof SINGLE, string][]) {
      const v = content[field];
      if (typeof v !== 'string' || !v || CURIE_PATTERN.test(v)) continue;
      const spec = GROUNDED_FIELDS[field];
      const m = matches(v, spec.kinds);
      if (m.length === 1) content[field] = m[0]!.curie;
      else
        problems.push({
          field: column,
          message:
            m.length === 0
              ? `Unknown ${spec.label} "${v}"; give its label or id as the vocabulary spells it (e.g. "bone marrow" or UBERON:0002371).`
              : `"${v}" names several terms (${m.map((x) => x.curie).join(', ')}); give the id instead.`,
        });
    }
    for (const field of LISTS) {
      const items = content[field];
      if (!Array.isArray(items)) continue;
      const kinds = GROUNDED_FIELDS[field].kinds;
      content[field] = (items as Item[]).map((it) => {
        if (it?.curie || typeof it?.label !== 'string') return it;
        const m = matches(it.label, kinds);
        return m.length === 1 ? { curie: m[0]!.curie, label: it.label } : it;
      });
    }
    return { ...row, content, problems };
  });
}
