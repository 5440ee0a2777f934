/**
 * Findings that use obsolete terms, for a curator to review after a vocabulary
 * update (/admin/vocabularies). Nothing here changes a finding: a use is fixed
 * by editing the finding, a normal revision.
 *
 * A finding is looked at in its latest revision and its approved one (when they
 * differ, both). `findings.term_curies` (GIN) holds the terms of the listed
 * revision — the approved one, else the latest — so it finds those; a finding
 * whose latest revision is newer than its approved one is checked in its
 * revision columns as well. The revision columns name the field of each use.
 */
import { asc, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { vocabReleases } from '../schema';

/** The grounded fields of a revision, in the form's order (cargo items by their `curie`). */
export const OBSOLETE_USE_FIELDS = [
  'targetOrgan',
  'origin',
  'species',
  'evSourceTerms',
  'recipientCellTerms',
  'diseaseTerms',
  'targetGeneTerms',
  'methodTerms',
  'cargo',
] as const;
export type ObsoleteUseField = (typeof OBSOLETE_USE_FIELDS)[number];

export type ObsoleteUse = {
  publicId: string;
  findingId: number;
  status: string;
  field: ObsoleteUseField;
  curie: string;
  label: string;
  /** The current term its replacement chain ends at (terms.replaced_by), or null when there is none. */
  replacedBy: { curie: string; label: string } | null;
  /** Where the finding uses it: its latest revision, its approved revision (both when they are one). */
  inLatest: boolean;
  inApproved: boolean;
};

export type ObsoleteUsePage = { uses: ObsoleteUse[]; next: number | null };

const SINGLE = ['target_organ', 'origin', 'species'];
const LISTS = [
  'ev_source_terms',
  'recipient_cell_terms',
  'disease_terms',
  'target_gene_terms',
  'method_terms',
  'cargo',
];

/** Each grounded value of revision `r` as (field_no, ord, curie); field_no indexes OBSOLETE_USE_FIELDS. */
const REVISION_USES = [
  ...SINGLE.map((c, i) => `select ${i} as field_no, 0::bigint as ord, r.${c} as curie`),
  ...LISTS.map(
    (c, i) =>
      `select ${SINGLE.length + i}, e.ord, e.v->>'curie' from jsonb_array_elements(r.${c}) with ordinality e(v, ord)`,
  ),
].join('\n      union all ');

const OBSOLETE_IDS = sql`(select array_agg(curie) from terms where obsolete)`;

/** Findings (`f`) that use an obsolete term, by the two routes of the header comment; `tail` orders and limits each. */
function findingIdsSql(after: number, tail: SQL): SQL {
  return sql`
    (select f.id from findings f
      where f.term_curies && ${OBSOLETE_IDS} and f.id > ${after} ${tail})
    union
    (select f.id from findings f
      where ${OBSOLETE_IDS} is not null
        and f.approved_revision_id is not null and f.latest_revision_id <> f.approved_revision_id
        and f.id > ${after}
        and exists (
          select 1 from finding_revisions r
          cross join lateral (${sql.raw(REVISION_USES)}) u
          join terms t on t.curie = u.curie and t.obsolete
          where r.id = f.latest_revision_id)
      ${tail})`;
}

/** Every use of an obsolete term by the latest and approved revisions of these findings, one row per (finding, field, term). */
function usesSql(ids: number[]): SQL {
  return sql`
    with raw as (
      select c.id as finding_id, c.public_id, c.status::text as status, w.which, u.field_no, u.ord, u.curie
      from findings c
      cross join lateral (values ('latest', c.latest_revision_id), ('approved', c.approved_revision_id)) w(which, rev_id)
      join finding_revisions r on r.id = w.rev_id
      cross join lateral (${sql.raw(REVISION_USES)}) u
      join terms t on t.curie = u.curie and t.obsolete
      where c.id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})
    ),
    uses as (
      select finding_id, public_id, status, field_no, min(ord) as ord, curie,
        bool_or(which = 'latest') as in_latest, bool_or(which = 'approved') as in_approved
      from raw
      group by finding_id, public_id, status, field_no, curie
    )
    select u.finding_id, u.public_id, u.status, u.field_no, u.curie, t.label,
      t.replaced_by, rt.label as replaced_by_label, u.in_latest, u.in_approved
    from uses u
    join terms t on t.curie = u.curie
    left join terms rt on rt.curie = t.replaced_by
    order by u.finding_id, u.field_no, u.ord, u.curie`;
}

type UseRow = {
  finding_id: number;
  public_id: string;
  status: string;
  field_no: number;
  curie: string;
  label: string;
  replaced_by: string | null;
  replaced_by_label: string | null;
  in_latest: boolean;
  in_approved: boolean;
};

function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

const toUse = (r: UseRow): ObsoleteUse => ({
  publicId: r.public_id,
  findingId: Number(r.finding_id),
  status: r.status,
  field: OBSOLETE_USE_FIELDS[Number(r.field_no)]!,
  curie: r.curie,
  label: r.label,
  replacedBy: r.replaced_by ? { curie: r.replaced_by, label: r.replaced_by_label ?? r.replaced_by } : null,
  inLatest: Boolean(r.in_latest),
  inApproved: Boolean(r.in_approved),
});

/**
 * One page of obsolete-term uses, `limit` findings at a time (all uses of each), in
 * finding order; `next` is the cursor (a finding id) for the page after, or null.
 * Each route stops at `limit + 1` findings, so a page costs the same however many follow.
 */
export async function findingsUsingObsoleteTerms(
  db: DbOrTx,
  opts: { after?: number; limit?: number } = {},
): Promise<ObsoleteUsePage> {
  const limit = opts.limit ?? 100;
  const tail = sql`order by f.id limit ${limit + 1}`;
  const found = rowsOf<{ id: number }>(
    await db.execute(sql`select id from (${findingIdsSql(opts.after ?? 0, tail)}) p order by id limit ${limit + 1}`),
  ).map((r) => Number(r.id));
  const ids = found.slice(0, limit);
  if (ids.length === 0) return { uses: [], next: null };
  const rows = rowsOf<UseRow>(await db.execute(usesSql(ids)));
  return { uses: rows.map(toUse), next: found.length > limit ? ids[limit - 1]! : null };
}

/** How many findings use an obsolete term (the number the migrate CLI and the admin page report). */
export async function countFindingsUsingObsoleteTerms(db: DbOrTx): Promise<number> {
  const res = await db.execute(sql`select count(*)::int as n from (${findingIdsSql(0, sql``)}) p`);
  return Number(rowsOf<{ n: number }>(res)[0]?.n ?? 0);
}

/** What the migrate CLI prints after loading vocabularies: null when no finding needs review. */
export function obsoleteUsesNotice(findings: number): string | null {
  if (findings === 0) return null;
  const n = findings.toLocaleString('en');
  return `${n} ${findings === 1 ? 'finding uses' : 'findings use'} obsolete terms; review them at /admin/vocabularies`;
}

export type VocabRelease = {
  vocab: string;
  version: string;
  fileSha256: string;
  termCount: number;
  obsoleteCount: number;
  loadedAt: Date;
};

/** The loaded release of each vocabulary (vocab_releases keeps the latest only). */
export async function listVocabReleases(db: DbOrTx): Promise<VocabRelease[]> {
  const rows = await db.select().from(vocabReleases).orderBy(asc(vocabReleases.vocab));
  return rows.map((r) => ({ ...r, termCount: Number(r.termCount), obsoleteCount: Number(r.obsoleteCount) }));
}
