/**
 * The term filters of the findings browser (organ, donor organ, species, any-field term): each
 * matches the term and every term under it, through the closure table `term_ancestors`.
 */
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { BrowseQuery } from '../../lib/browse/filters';
import { DomainError } from '../../lib/errors';
import { KIND_LABELS } from '../../lib/vocab/fields';
import type { TermKind } from '../../lib/vocab/sources';
import type { DbOrTx } from '../client';
import { termAncestors, terms } from '../schema';

/**
 * The term and its descendants as a subquery the planner runs once (an InitPlan): the form for
 * callers that did not resolve the terms first (the export's conditions). The indexes still
 * serve it, but the planner cannot tell a common term from a rare one (see resolveFilterTerms).
 */
export function termAndDescendants(curie: string): SQL {
  return sql`array(select ${termAncestors.curie} from ${termAncestors} where ${termAncestors.ancestor} = ${curie})`;
}

/** The browse filters that name a term, with the kind each accepts (null: any kind). */
export const TERM_FILTERS = {
  organ: { kinds: ['anatomy'], what: 'target organ' },
  origin: { kinds: ['anatomy'], what: 'donor organ' },
  species: { kinds: ['taxon'], what: 'species' },
  term: { kinds: null, what: 'term' },
} as const satisfies Record<string, { kinds: readonly TermKind[] | null; what: string }>;
type TermFilter = keyof typeof TERM_FILTERS;
const TERM_FILTER_KEYS = Object.keys(TERM_FILTERS) as TermFilter[];

/** Each term filter's term and its descendants, as resolved by resolveFilterTerms. */
export type TermSets = Partial<Record<TermFilter, string[]>>;

/** A text[] of parameters, one per value (the same on both drivers). */
export function textArray(xs: readonly string[]): SQL {
  return xs.length > 0
    ? sql`array[${sql.join(
        xs.map((x) => sql`${x}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;
}

/** `column = any(term and descendants)`: the resolved list when there is one, else the closure subquery. */
export function underTerm(column: SQL | AnyColumn, key: TermFilter, curie: string, sets: TermSets): SQL {
  const set = sets[key];
  // A term with nothing under it is a plain equality: the (organ, species, date) index then also gives the order.
  if (set?.length === 1) return sql`${column} = ${set[0]}`;
  return sql`${column} = any(${set ? textArray(set) : termAndDescendants(curie)})`;
}

/** `array && (term and descendants)`, as underTerm. */
export function overlapsTerm(column: SQL | AnyColumn, key: TermFilter, curie: string, sets: TermSets): SQL {
  const set = sets[key];
  return sql`${column} && ${set ? textArray(set) : termAndDescendants(curie)}`;
}

/**
 * One query for every term filter of `q`: the term and its descendants, so that the page's
 * query carries them as values (the planner then estimates each from the column statistics:
 * a common term is read in date order off the recent-first index, a rare one from the organ
 * index — a subquery's result is unknown at planning time, and a rare term then scanned most
 * of the recent-first index). A term filter naming no loaded term, or a term of the wrong kind
 * (a cell type as the target organ), is one DomainError('invalid') naming each such parameter.
 * Obsolete terms are accepted: findings may still use them.
 */
export async function resolveFilterTerms(db: DbOrTx, q: BrowseQuery): Promise<TermSets> {
  const named = TERM_FILTER_KEYS.filter((k) => q[k]);
  if (named.length === 0) return {};
  const curies = [...new Set(named.map((k) => q[k]!))];
  const res = await db.execute(sql`
    select t.curie, t.kind, t.label,
      array(select a.curie from ${termAncestors} a where a.ancestor = t.curie order by a.curie) as descendants
    from ${terms} t where t.curie in (${sql.join(
      curies.map((c) => sql`${c}`),
      sql`, `,
    )})`);
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as {
    curie: string;
    kind: string;
    label: string;
    descendants: string[];
  }[];
  const byId = new Map(rows.map((r) => [r.curie, r]));
  const fields: Record<string, string> = {};
  const sets: TermSets = {};
  for (const k of named) {
    const curie = q[k]!;
    const t = byId.get(curie);
    const spec: { kinds: readonly TermKind[] | null; what: string } = TERM_FILTERS[k];
    if (!t) fields[k] = `No term ${curie} in the loaded vocabularies (${spec.what}).`;
    else if (spec.kinds && !spec.kinds.includes(t.kind as TermKind))
      fields[k] =
        `${curie} (${t.label}) is ${KIND_LABELS[t.kind as TermKind] ?? t.kind}; the ${spec.what} filter takes ${spec.kinds.map((x) => KIND_LABELS[x]).join(' or ')}.`;
    // A term is its own ancestor at depth 0; a term loaded without its closure row still matches itself.
    else sets[k] = t.descendants.includes(curie) ? t.descendants : [curie, ...t.descendants];
  }
  const keys = Object.keys(fields);
  if (keys.length > 0)
    throw new DomainError(
      'invalid',
      'browse',
      Object.values(fields).join(' '),
      keys.length === 1 ? keys[0] : undefined,
      {
        fields,
      },
    );
  return sets;
}
