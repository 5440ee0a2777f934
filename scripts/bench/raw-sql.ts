/**
 * The SQL the raw side runs for the exports: the export's rows for COPY. (Browse and search pages need
 * none here: the raw side runs the app's own statement, built by db/queries/browse.ts.)
 */

const list = (col: string) => `array_to_string(${col}, '; ')`;
/**
 * The export's 31 columns (lib/export/columns.ts), computed in SQL, for COPY: the raw side's best plain
 * form of the same rows (PostgreSQL's own CSV quoting, no formula neutralization; the reviewer's name
 * looked up per row, as the app does — a users join inside the lateral cost a hash join per row).
 */
export const EXPORT_SELECT = `
  select f.public_id as finding_id, r.revision_no as revision, r.target_organ_label as target_organ, r.species_label as species, r.ev_source,
    coalesce((select string_agg(e->>'name', '; ' order by o) from jsonb_array_elements(r.cargo) with ordinality x(e, o)), '') as ev_cargo,
    r.recipient_cell, r.model_disease, r.result,
    coalesce((select string_agg(e->>'type', '; ' order by o) from jsonb_array_elements(r.cargo) with ordinality x(e, o)), '') as ev_cargo_types,
    r.direction, r.origin_label as origin, coalesce(r.study_type, '') as study_type, coalesce(r.effect_direction, '') as effect_direction,
    ${list('r.mechanism')} as mechanism, coalesce(r.ev_type, '') as ev_type, ${list('r.separation_methods')} as separation_methods,
    ${list('r.particle_analysis')} as particle_analysis, ${list('r.em_methods')} as em_methods, ${list('r.markers_positive')} as markers_positive,
    ${list('r.markers_negative')} as markers_negative, r.evidence_quote, r.evidence_location, r.curator_note,
    r.target_organ as target_organ_id, r.species as species_id, r.origin as origin_id, s.doi,
    concat_ws(' ',
      case when s.authors is not null then s.authors || ' (' || coalesce(s.year::text, 'n.d.') || ').' when s.year is not null then '(' || s.year || ').' end,
      case when s.title is not null then regexp_replace(s.title, '\\.$', '') || '.' end,
      nullif(concat_ws(' ', s.journal, s.volume_pages) || case when s.journal is not null or s.volume_pages is not null then '.' else '' end, ''),
      'doi:' || s.doi) as citation,
    coalesce(a.name, '') as approved_by,
    coalesce(to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '') as approved_at
  from findings f
  join finding_revisions r on r.id = f.approved_revision_id
  join sources s on s.id = f.source_id
  left join lateral (select (select u.name from users u where u.id = rv.reviewer_id) as name, rv.created_at as at from reviews rv
    where rv.revision_id = r.id and rv.decision = 'approve' order by rv.created_at desc, rv.id desc limit 1) a on true
  where f.approved_revision_id is not null
  order by f.id`;
