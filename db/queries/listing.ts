import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';

/**
 * Copy the listed revision (the approved one, else the latest) of a finding
 * into the finding's browse columns, with its search vector and cargo text.
 * Call in the same transaction as the change that makes another revision listed.
 */
export async function refreshListing(tx: DbOrTx, findingId: number): Promise<void> {
  await tx.execute(listingRefresh(sql`${findingId}`));
}

/**
 * The finding's browse columns, each as an SQL expression over its listed revision `r` and its
 * source `s`. One definition for refreshListing and for the benchmark's set-based fill.
 */
export const LISTING_COLUMNS: Readonly<Record<string, string>> = {
  target_organ: 'r.target_organ',
  target_organ_label: 'r.target_organ_label',
  origin: 'r.origin',
  direction: 'r.direction',
  species: 'r.species',
  species_label: 'r.species_label',
  study_type: 'r.study_type',
  effect_direction: 'r.effect_direction',
  year: 's.year',
  doi: 's.doi',
  cargo_types: `coalesce((select array_agg(distinct e->>'type' order by e->>'type') from jsonb_array_elements(r.cargo) e), '{}')`,
  cargo_text: `coalesce((select string_agg(e->>'name', '; ') from jsonb_array_elements(r.cargo) e), '')`,
  term_curies: `array(select distinct c from unnest(array[r.target_organ, r.origin, r.species] ||
    coalesce((select array_agg(e->>'curie') from jsonb_array_elements(
      r.ev_source_terms || r.recipient_cell_terms || r.disease_terms || r.target_gene_terms || r.method_terms || r.cargo
    ) e where e->>'curie' is not null), '{}')) c where c <> '' order by c)`,
  search: `setweight(to_tsvector('english', r.result), 'A') ||
    setweight(to_tsvector('english', concat_ws(' ',
      (select string_agg(e->>'name', ' ') from jsonb_array_elements(r.cargo) e),
      array_to_string(r.mechanism, ' '))), 'B') ||
    setweight(to_tsvector('english', concat_ws(' ', r.model_disease, r.recipient_cell, r.ev_source, r.condition,
      (select string_agg(e->>'label', ' ') from jsonb_array_elements(
        r.ev_source_terms || r.recipient_cell_terms || r.disease_terms) e))), 'C') ||
    setweight(to_tsvector('english', concat_ws(' ', r.target_organ_label, r.species_label)), 'D')`,
};

/** The statement refreshListing runs, for the finding id `id` (the benchmark's raw side runs it too). */
export function listingRefresh(id: SQL): SQL {
  const set = Object.entries(LISTING_COLUMNS)
    .map(([column, expr]) => `${column} = ${expr}`)
    .join(',\n      ');
  return sql`
    update findings f set
      ${sql.raw(set)}
    from finding_revisions r, sources s
    where f.id = ${id}
      and r.id = coalesce(f.approved_revision_id, f.latest_revision_id)
      and s.id = f.source_id
  `;
}
