/**
 * The fill's statements (fill.ts runs them): values are deterministic functions of the finding id
 * (bench_u, over hashint8), so a run is reproducible.
 */
import { LISTING_COLUMNS } from '../../db/queries/listing';
import { ORGANS, SKELETAL_MUSCLE } from '../../lib/vocab';
import {
  BENCH_SPECIES,
  EDITS,
  EFFECT,
  EM,
  EV_SOURCES,
  EV_TYPES,
  JOURNALS,
  LIPIDS,
  LNC,
  MECHANISMS,
  METABOLITES,
  MODELS,
  PARTICLE,
  PROCESSES,
  PROTEINS,
  RECIPIENTS,
  SEPARATION,
  STUDY,
  VERBS,
} from './fill-vocab';
import type { BenchTerm, BenchTerms } from './fill-terms';

export const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: readonly string[]) => `array[${xs.map(q).join(',')}]::text[]`;

/** A uniform number in [0,1) from a finding id and a salt: hashint8 is deterministic and cheap. */
export const FUNCTION_SQL = `
create or replace function bench_u(g bigint, k int) returns float8 language sql immutable parallel safe as
$$ select ((hashint8(g * 64 + k) & 2147483647)::float8 / 2147483648.0) $$`;

/** A text[] literal whose null entries stay NULL (an ungrounded value has no term). */
const arrOrNull = (xs: readonly (string | null | undefined)[]) =>
  `array[${xs.map((x) => (x == null ? 'null' : q(x))).join(',')}]::text[]`;

/** A value of `list` picked by the per-finding index expression `i` (1-based). */
const at = (list: readonly (string | null | undefined)[], i: string) => `(${arrOrNull(list)})[${i}]`;
/** A grounded value picked at `i` from a list of terms (null: ungrounded), as the columns `<name>_curie, <name>_term`. */
const termAt = (list: readonly (BenchTerm | null | undefined)[], i: string, name: string) => {
  const curies = list.map((x) => x?.curie);
  const labels = list.map((x) => x?.label);
  return `${at(curies, i)} as ${name}_curie, ${at(labels, i)} as ${name}_term`;
};

/**
 * Per-finding plan, a function of g only (so revisions and findings agree without a join).
 * Target organs: 65 % one of the 16 organ groups (skewed), 25 % a common descendant (brain, white
 * adipose tissue, spinal cord, bone marrow …, skewed), 10 % any other descendant of a group.
 */
export function planSql(
  lo: number,
  hi: number,
  nSources: number,
  cur: { lo: number; n: number },
  t: BenchTerms,
): string {
  const groups = ORGANS.length;
  const tail = t.organs.length - groups - t.common;
  const skmIdx = t.organs.findIndex((o) => o.curie === SKELETAL_MUSCLE) + 1;
  const ev = (f: (x: BenchTerm | null) => string | null) => at(t.evSources.map(f), 'v.ei');
  return `
    select g,
      2 + floor(bench_u(g, 1) * 3)::int as nrev,
      case when bench_u(g, 2) < 0.8 then 'approved' when bench_u(g, 2) < 0.9 then 'submitted' else 'draft' end as state,
      v.oi, v.si,
      ${at(
        t.organs.map((o) => o.curie),
        'v.oi',
      )} as organ, ${at(
        t.organs.map((o) => o.label),
        'v.oi',
      )} as organ_label,
      (${arr(BENCH_SPECIES.map((s) => s.id))})[v.si] as species, (${arr(BENCH_SPECIES.map((s) => s.label))})[v.si] as species_label,
      case when v.oi = ${skmIdx} then 'within_muscle' when d.from_organ then 'organ_to_muscle' else 'muscle_to_organ' end as direction,
      case when d.from_organ then ${at(
        t.donors.map((o) => o.curie),
        'd.di',
      )} else ${q(SKELETAL_MUSCLE)} end as origin,
      case when d.from_organ then ${at(
        t.donors.map((o) => o.label),
        'd.di',
      )} else ${q(skeletalMuscleLabel())} end as origin_label,
      1 + floor(bench_u(g, 5) * ${nSources})::int as source_id,
      timestamptz '2013-01-01 00:00:00+00' + make_interval(secs => bench_u(g, 6) * 438048000) as a,
      ${cur.lo} + floor(bench_u(g, 7) * ${cur.n})::int as creator,
      ${at(RECIPIENTS, 'v.ri')} as recipient,
      ${termAt(t.recipients, 'v.ri', 'recipient')},
      -- An organ → muscle finding's EVs come from the donor tissue itself.
      case when d.from_organ then ${at(
        t.donors.map((o) => o.label),
        'd.di',
      )} || ' explants' else ${at(EV_SOURCES, 'v.ei')} end as ev_source,
      case when d.from_organ then ${at(
        t.donors.map((o) => o.curie),
        'd.di',
      )} else ${ev((x) => x?.curie ?? null)} end as ev_curie,
      case when d.from_organ then ${at(
        t.donors.map((o) => o.label),
        'd.di',
      )} else ${ev((x) => x?.label ?? null)} end as ev_term,
      (${arr(STUDY)})[1 + floor(bench_u(g, 11) * 4)::int] as study_type,
      case when bench_u(g, 12) < 0.1 then null else (${arr(EFFECT)})[1 + floor(bench_u(g, 13) * 4)::int] end as effect,
      case when bench_u(g, 14) < 0.2 then null else (${arr(EV_TYPES)})[1 + floor(bench_u(g, 15) * ${EV_TYPES.length})::int] end as ev_type,
      case when bench_u(g, 16) < 0.08 then 0 when bench_u(g, 16) < 0.4 then 1 when bench_u(g, 16) < 0.8 then 2 else 3 end as nc,
      1 + floor(2000 * power(bench_u(g, 17), 1.5))::int as c1,
      1 + floor(2000 * power(bench_u(g, 18), 1.5))::int as c2,
      1 + floor(2000 * power(bench_u(g, 19), 1.5))::int as c3
    from generate_series(${lo}::int, ${hi}::int) g,
      lateral (select
        case when bench_u(g, 45) < 0.65 then 1 + floor(${groups} * power(bench_u(g, 3), 1.7))::int
             when bench_u(g, 45) < 0.90 then ${groups + 1} + floor(${t.common} * power(bench_u(g, 3), 1.5))::int
             else ${groups + t.common + 1} + floor(${tail} * bench_u(g, 3))::int end as oi,
        case when bench_u(g, 4) < 0.45 then 2 when bench_u(g, 4) < 0.70 then 1 when bench_u(g, 4) < 0.90 then 3 when bench_u(g, 4) < 0.96 then 4 else 5 end as si,
        1 + floor(bench_u(g, 8) * ${RECIPIENTS.length})::int as ri,
        1 + floor(bench_u(g, 10) * ${EV_SOURCES.length})::int as ei) v,
      lateral (select v.oi <> ${skmIdx} and bench_u(g, 9) < 0.1 as from_organ,
        1 + floor(bench_u(g, 46) * ${t.donors.length})::int as di) d`;
}

const skeletalMuscleLabel = () => ORGANS.find((o) => o.id === SKELETAL_MUSCLE)!.label;

/** A one-term list, or an empty one for an ungrounded value. */
const termList = (curie: string, label: string) =>
  `case when ${curie} is null then '[]'::jsonb else jsonb_build_array(jsonb_build_object('curie', ${curie}, 'label', ${label})) end`;

export function revisionsSql(
  lo: number,
  hi: number,
  nSources: number,
  cur: { lo: number; n: number },
  terms: BenchTerms,
): string {
  const pick = (list: readonly string[], salt: string) =>
    `(${arr(list)})[1 + floor(bench_u(p.g, ${salt}) * ${list.length})::int]`;
  const item = (c: string) => `jsonb_build_object('name', ${c}.name, 'type', ${c}.type)`;
  return `
    insert into finding_revisions (id, finding_id, revision_no, based_on_revision_id, author_id, change_summary, created_at, updated_at,
      submitted_at, target_organ, target_organ_label, origin, origin_label, direction, species, species_label, ev_source, cargo,
      recipient_cell, model_disease, result, study_type, effect_direction, mechanism, ev_type, separation_methods, particle_analysis,
      em_methods, markers_positive, markers_negative, evidence_quote, evidence_location, curator_note,
      ev_source_terms, recipient_cell_terms, disease_terms)
    overriding system value
    select (p.g - 1) * 4 + r, p.g, r, case when r > 1 then (p.g - 1) * 4 + r - 1 end,
      case when r = 1 then p.creator else ${cur.lo} + floor(bench_u(p.g, 40 + r) * ${cur.n})::int end,
      case when r = 1 then 'New finding' else 'Corrected the ' || ${pick(EDITS, '50 + r')} end,
      t.created, t.created + interval '5 minutes',
      case when p.state = 'draft' and r = p.nrev then null else t.created + interval '2 hours' end,
      p.organ, p.organ_label,
      p.origin, p.origin_label,
      p.direction, p.species, p.species_label, p.ev_source, cg.cargo, p.recipient, t.model,
      p.origin_label || ' EVs carrying '
        || coalesce(cg.first_name, 'unidentified cargo') || ' ' || ${pick(VERBS, '60 + r')} || ' ' || t.process || ' of ' || p.recipient
        || ' in ' || coalesce(nullif(t.model, ''), 'healthy') || ' ' || lower(p.species_label) || ' models'
        || case when bench_u(p.g, 70 + r) < 0.5 then ', via ' || t.mech1 || ' signalling.' else '.' end,
      p.study_type, p.effect,
      case when bench_u(p.g, 80 + r) < 0.3 then '{}'::text[] when bench_u(p.g, 81) < 0.6 then array[t.mech1] else array[t.mech1, ${pick(MECHANISMS, '82')}] end,
      p.ev_type,
      array[${pick(SEPARATION, '83')}],
      case when bench_u(p.g, 84) < 0.2 then '{}'::text[] else array[${pick(PARTICLE, '85')}] end,
      case when bench_u(p.g, 86) < 0.3 then '{}'::text[] else array[${pick(EM, '87')}] end,
      case when bench_u(p.g, 88) < 0.5 then array['CD63', 'CD81', 'TSG101'] else array['CD9', 'ALIX'] end,
      case when bench_u(p.g, 89) < 0.6 then array['Calnexin'] else '{}'::text[] end,
      'EVs from ' || p.ev_source || ' were taken up by ' || p.recipient || ' (Fig. ' || (1 + floor(bench_u(p.g, 90) * 7)::int) || ').',
      'Figure ' || (1 + floor(bench_u(p.g, 90) * 7)::int) || chr(65 + floor(bench_u(p.g, 91) * 6)::int),
      '',
      ${termList('p.ev_curie', 'p.ev_term')},
      ${termList('p.recipient_curie', 'p.recipient_term')},
      ${termList('t.model_curie', 't.model_term')}
    from (${planSql(lo, hi, nSources, cur, terms)}) p
    cross join lateral (
      select case p.nc when 0 then '[]'::jsonb
               when 1 then jsonb_build_array(${item('k1')})
               when 2 then jsonb_build_array(${item('k1')}, ${item('k2')})
               else jsonb_build_array(${item('k1')}, ${item('k2')}, ${item('k3')}) end as cargo,
             case when p.nc > 0 then k1.name end as first_name
      from bench_cargo k1, bench_cargo k2, bench_cargo k3
      where k1.i = p.c1 and k2.i = p.c2 and k3.i = p.c3) cg
    cross join lateral generate_series(1, p.nrev) r
    cross join lateral (
      select p.a - (p.nrev - r) * interval '30 days' - interval '1 day' - interval '2 hours' as created,
        (${arr(PROCESSES)})[1 + floor(${PROCESSES.length} * power(bench_u(p.g, 20 + r), 1.3))::int] as process,
        (${arr(MODELS)})[m.i] as model,
        ${termAt(terms.models, 'm.i', 'model')},
        ${pick(MECHANISMS, '35')} as mech1
      from (select 1 + floor(bench_u(p.g, 30 + r) * ${MODELS.length})::int as i) m) t`;
}

/** The findings rows: identity + workflow state + the projection of the listed (last) revision, as refreshListing computes it. */
export function findingsSql(
  lo: number,
  hi: number,
  nSources: number,
  cur: { lo: number; n: number },
  terms: BenchTerms,
): string {
  return `
    insert into findings (id, source_id, status, latest_revision_id, approved_revision_id, lock_version, created_by, created_at,
      updated_at, approved_at, ${Object.keys(LISTING_COLUMNS).join(', ')})
    overriding system value
    select p.g, p.source_id, p.state::workflow_status, r.id, case when p.state = 'approved' then r.id end,
      3 * p.nrev - case p.state when 'approved' then 0 when 'submitted' then 1 else 2 end,
      p.creator,
      r.created_at - (p.nrev - 1) * interval '30 days',
      case when p.state = 'approved' then p.a else coalesce(r.submitted_at, r.updated_at) end,
      case when p.state = 'approved' then p.a end,
      ${Object.values(LISTING_COLUMNS).join(',\n      ')}
    from (${planSql(lo, hi, nSources, cur, terms)}) p
    join finding_revisions r on r.id = (p.g - 1) * 4 + p.nrev
    join sources s on s.id = p.source_id`;
}

export function reviewsSql(lo: number, hi: number, rev: { lo: number; n: number }): string {
  return `
    insert into reviews (revision_id, reviewer_id, decision, comment, created_at)
    select r.id, ${rev.lo} + (r.id % ${rev.n}), 'approve', '', r.submitted_at + interval '1 day'
    from finding_revisions r
    where r.id between ${(lo - 1) * 4 + 1} and ${hi * 4} and bench_u(r.finding_id, 2) < 0.8`;
}

export function auditSql(lo: number, hi: number): string {
  return `
    insert into audit_events (actor_id, action, entity, entity_id, at, detail)
    select r.author_id, case when r.revision_no = 1 then 'finding.create' else 'finding.revision_start' end, 'finding',
      r.finding_id::text, r.created_at,
      case when r.revision_no = 1 then jsonb_build_object('doi', '10.5555/bench') else jsonb_build_object('revisionNo', r.revision_no, 'basedOn', r.revision_no - 1) end
    from finding_revisions r
    where r.id between ${(lo - 1) * 4 + 1} and ${hi * 4}`;
}

export function cargoSql(): string {
  // 1200 miRNAs (600 ids × two arms, some with a/b letters), 600 proteins, 80 lncRNAs, 60 circRNAs, 20 lipids, 40 metabolites.
  return `
    insert into bench_cargo (i, name, type)
    select i,
      case
        when i <= 1200 then 'miR-' || (((i - 1) % 600) + 1) || case (((i - 1) % 600) + 1) % 7 when 0 then 'a' when 1 then 'b' else '' end
                           || case when i <= 600 then '-3p' else '-5p' end
        when i <= 1800 then coalesce((${arr(PROTEINS)})[i - 1200], 'ZNF' || (i - 1200))
        when i <= 1880 then coalesce((${arr(LNC)})[i - 1800], 'LINC' || lpad((i - 1800)::text, 5, '0'))
        when i <= 1940 then 'circ' || (${arr(['Lrp6', 'Ttn', 'Zfp609', 'Hipk3', 'Fgfr2', 'Sntb1'])})[1 + i % 6] || '-' || (i - 1880)
        when i <= 1960 then coalesce((${arr(LIPIDS)})[i - 1940], 'PC 3' || (i - 1940) || ':1')
        else coalesce((${arr(METABOLITES)})[i - 1960], 'metabolite M' || (i - 1960))
      end,
      case when i <= 1200 then 'miRNA' when i <= 1800 then 'protein' when i <= 1880 then 'lncRNA' when i <= 1940 then 'circRNA'
           when i <= 1960 then 'lipid' else 'metabolite' end
    from generate_series(1, 2000) i`;
}

export const CARGO_TABLE_SQL =
  'create table if not exists bench_cargo (i int primary key, name text not null, type text not null)';

export const USERS_SQL: readonly string[] = [
  `insert into users (email, name, role, is_system) values ('import@system.invalid', 'Import (system)', 'curator', true) on conflict do nothing`,
  `insert into users (email, name, role)
      select 'bench.curator' || i || '@bench.invalid', 'Bench Curator ' || i, 'curator'::role from generate_series(1, 16) i
      union all select 'bench.reviewer' || i || '@bench.invalid', 'Bench Reviewer ' || i, 'reviewer'::role from generate_series(1, 16) i
      union all select 'bench.admin@bench.invalid', 'Bench Admin', 'admin'::role`,
];

export function sourcesSql(nSources: number): string {
  return `insert into sources (doi, pmid, title, authors, journal, year, volume_pages, metadata_origin)
      select '10.5555/evx.bench.' || i, (20000000 + i)::text,
        'Muscle-derived extracellular vesicles and inter-organ crosstalk, study ' || i,
        'Author' || (i % 997) || ' A, Coauthor' || (i % 389) || ' B, Senior' || (i % 101) || ' C',
        (${arr(JOURNALS)})[1 + i % ${JOURNALS.length}], 2005 + (i % 22), (i % 40 + 1) || ':' || (i % 900 + 100) || '-' || (i % 900 + 112),
        'bundled'
      from generate_series(1, ${nSources}) i`;
}

/** The catalog queries for the constraints and indexes of `tables` (a regclass[] expression) that the load drops. */
export function loadDropsSql(tables: string) {
  return {
    fks: `
    select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where contype = 'f' and (conrelid = any(${tables}) or confrelid = any(${tables})) order by conrelid::regclass::text, conname`,
    keys: `
    select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where contype in ('p', 'u') and conrelid = any(${tables}) order by conrelid::regclass::text, conname`,
    indexes: `
    select i.indrelid::regclass::text as tbl, i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
    where i.indrelid = any(${tables})
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid and c.contype in ('p', 'u', 'x'))
    order by 1, 2`,
  };
}

export const COUNTS_SQL = `select
    (select count(*) from findings) as findings, (select count(*) from findings where approved_revision_id is not null) as approved,
    (select count(*) from finding_revisions) as revisions, (select count(*) from reviews) as reviews,
    (select count(*) from audit_events) as audit, (select count(*) from sources) as sources`;
