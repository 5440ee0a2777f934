/**
 * What a write on a finding reads before it decides, as prepared statements that do not depend on one
 * another (sent together: one round trip). Nothing is locked: the write that follows (finding-writes.ts)
 * applies only when the finding's lock version is still the one read here, and every change to a
 * finding bumps it, so a decision taken on this state is never applied to another.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import { DomainError } from '../../lib/errors';
import { revisionToContent } from '../../lib/finding/from-row';
import type { FindingDraft } from '../../lib/finding/schema';
import { resolveSettings, type Settings } from '../../lib/settings';
import type { DbOrTx } from '../client';
import { type Finding, type FindingRevision, findingRevisions, findings, reviews, settings } from '../schema';
import { LISTING_COLUMNS } from './listing';
import { decode, encode, snake, Statement } from './statement';
import { type CheckedTerms, checkTermsWith, type TermInfo, termIdsOf } from './term-check';

/** The finding columns the workflow and the conflict message need. */
export type FindingHead = Pick<
  Finding,
  'id' | 'status' | 'lockVersion' | 'latestRevisionId' | 'approvedRevisionId' | 'sourceId' | 'updatedAt'
>;
const HEAD_KEYS = [
  'id',
  'status',
  'lockVersion',
  'latestRevisionId',
  'approvedRevisionId',
  'sourceId',
  'updatedAt',
] as const;
const REVISION = getTableColumns(findingRevisions);

/** A finding, its latest revision and that revision's author's name. */
export type FindingState = { f: FindingHead; latest: FindingRevision; by: string };

const stateStatement = new Statement('finding_state', () => {
  const cols = [
    ...HEAD_KEYS.map((k) => `f.${snake(k)} as "f_${k}"`),
    ...Object.keys(REVISION).map((k) => `r.${snake(k)} as "r_${k}"`),
    'u.name as "by"',
  ].join(', ');
  return sql`select ${sql.raw(cols)} from findings f
    join finding_revisions r on r.id = f.latest_revision_id
    join users u on u.id = r.author_id
    where f.id = ${sql.placeholder('id')}`;
});

export async function readFindingState(db: DbOrTx, findingId: number): Promise<FindingState> {
  const [row] = await stateStatement.run(db, { id: findingId });
  if (!row) throw new DomainError('not_found', 'finding', 'No such finding.');
  const f = Object.fromEntries(HEAD_KEYS.map((k) => [k, decode(findings[k], row[`f_${k}`])])) as FindingHead;
  const latest = Object.fromEntries(
    Object.entries(REVISION).map(([k, col]) => [k, decode(col, row[`r_${k}`])]),
  ) as FindingRevision;
  return { f, latest, by: row.by as string };
}

/** What a conflicting editor needs to see: the finding as it is now. */
export type CurrentState = {
  lockVersion: number;
  revisionNo: number;
  status: string;
  content: FindingDraft;
  by: string;
  at: string;
};

export function conflictWith(s: FindingState): DomainError {
  const current: CurrentState = {
    lockVersion: s.f.lockVersion,
    revisionNo: s.latest.revisionNo,
    status: s.f.status,
    content: revisionToContent(s.latest) as FindingDraft,
    by: s.by,
    at: s.f.updatedAt.toISOString(),
  };
  return new DomainError(
    'conflict',
    'finding',
    'Someone saved this finding after you started editing. Your text is kept below; compare it with the saved version, then reload to continue from it.',
    undefined,
    { current },
  );
}

/** The finding as read is at `lockVersion`, else the conflict that shows what it is now. */
export function checkVersion(s: FindingState, lockVersion: number): void {
  if (s.f.lockVersion !== lockVersion) throw conflictWith(s);
}

/** A write applied nothing: the finding changed after it was read. The conflict shows it as it is now. */
export async function lostRace(db: DbOrTx, findingId: number): Promise<never> {
  throw conflictWith(await readFindingState(db, findingId));
}

// ---------------------------------------------------------------- terms

const TERM_COLUMNS = sql.raw(`curie, kind, label, obsolete, replaced_by as "replacedBy", species`);
const termsByCurie = new Statement<TermInfo>(
  'terms_by_curie',
  () => sql`select ${TERM_COLUMNS} from terms where curie = any(${sql.placeholder('ids')}::text[])`,
);
/** The terms a finding's latest revision carries (the listing's term_curies expression, over that revision). */
const termsOfLatest = new Statement<TermInfo>(
  'terms_of_latest',
  () => sql`select ${TERM_COLUMNS} from terms where curie = any(coalesce((
    select ${sql.raw(LISTING_COLUMNS.term_curies!)} from finding_revisions r
    where r.id = (select latest_revision_id from findings where id = ${sql.placeholder('id')})), '{}'))`,
);

const byCurie = (rows: TermInfo[]) => new Map(rows.map((t) => [t.curie, t]));
const textArray = (xs: string[]) => encode(findingRevisions.mechanism, xs);

/** The terms rows of a draft's term ids (terms_by_curie), keyed by curie. */
export async function loadTerms(db: DbOrTx, content: FindingDraft): Promise<Map<string, TermInfo>> {
  return byCurie(await termsByCurie.run(db, { ids: textArray(termIdsOf(content)) }));
}

/** The terms rows of a finding's latest revision, keyed by curie. */
export async function loadTermsOfLatest(db: DbOrTx, findingId: number): Promise<Map<string, TermInfo>> {
  return byCurie(await termsOfLatest.run(db, { id: findingId }));
}

/**
 * checkTermsWith (db/queries/term-check.ts) over terms read beforehand; whatever they lack (the content
 * read changed in between, or a miRNA's species the message names) is read now.
 */
export async function checkLoadedTerms(
  db: DbOrTx,
  byId: Map<string, TermInfo>,
  content: FindingDraft,
): Promise<CheckedTerms> {
  const missing = termIdsOf(content).filter((id) => !byId.has(id));
  if (missing.length) for (const t of await termsByCurie.run(db, { ids: textArray(missing) })) byId.set(t.curie, t);
  const species = [
    ...new Set([...byId.values()].flatMap((t) => (t.species && !byId.has(t.species) ? [t.species] : []))),
  ];
  if (species.length) for (const t of await termsByCurie.run(db, { ids: textArray(species) })) byId.set(t.curie, t);
  return checkTermsWith(byId, content);
}

// ---------------------------------------------------------------- decisions

const reviewsOfLatest = new Statement<{ reviewerId: number; decision: string }>(
  'reviews_of_latest',
  () => sql`select reviewer_id as "reviewerId", decision from reviews
    where revision_id = (select latest_revision_id from findings where id = ${sql.placeholder('id')})`,
);
const settingsRows = new Statement<{ key: string; value: unknown }>(
  'settings_all',
  () => sql`select key, value from settings`,
);

/** The decisions already made on a finding's latest revision. */
export async function readReviewsOfLatest(db: DbOrTx, findingId: number) {
  const rows = await reviewsOfLatest.run(db, { id: findingId });
  return rows.map((r) => ({ reviewerId: r.reviewerId, decision: decode(reviews.decision, r.decision) as string }));
}

/** The settings (db/queries/settings.ts getSettings, as a prepared statement). */
export async function readSettings(db: DbOrTx): Promise<Settings> {
  const rows = await settingsRows.run(db, {});
  return resolveSettings(Object.fromEntries(rows.map((r) => [r.key, decode(settings.value, r.value)])));
}

/** The read statements, for the benchmark's pgbench script (scripts/bench/pgbench.ts runs the same SQL). */
export const READ_STATEMENTS = {
  state: stateStatement,
  termsOfLatest,
  termsByCurie,
  reviewsOfLatest,
  settings: settingsRows,
};
