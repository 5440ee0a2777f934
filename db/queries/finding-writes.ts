/**
 * The writes of saveDraft, submitFinding and decide, each one statement (data-modifying CTEs): the lock
 * check is its first part — the finding's row, locked, only while its lock version is the one the
 * caller decided on — and every other part hangs off it, so a stale version writes nothing and the
 * statement returns no row (the caller reports the conflict). One statement is one transaction: no
 * BEGIN/COMMIT round trips. The decisions themselves are taken before, in lib/workflow.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { findingRevisions, reviews } from '../schema';
import { contentColumns, type RevisionContent, type TermLabels } from './finding-tx';
import { LISTING_COLUMNS } from './listing';
import { encode, snake, Statement, typed } from './statement';
import type { FindingDraft } from '../../lib/finding/schema';

const p = sql.placeholder;
type AuditEvent = { action: string; detail: Record<string, unknown> };

/** The finding's row, locked, if it is still at the version the caller read. */
const locked = sql`lk as (select id from findings where id = ${p('findingId')} and lock_version = ${p('lockVersion')} for update)`;

/** Audit events (action + detail) for the finding, by the actor, when `gate` (a CTE name) has a row. */
const audit = (gate: string) => sql`a as (insert into audit_events (actor_id, action, entity, entity_id, detail)
  select ${p('actorId')}::int, e->>'action', 'finding', ${p('findingId')}::text, e->'detail'
  from ${sql.raw(gate)}, jsonb_array_elements(${p('events')}::jsonb) e)`;

/** `, <listing column> = <expr>` for every browse column, over revision `r` and source `s`. */
const listingSet = sql.raw(
  Object.entries(LISTING_COLUMNS)
    .map(([column, expr]) => `, ${column} = ${expr}`)
    .join(''),
);

// The content columns, in contentColumns' order (called on nothing, only for its keys).
const CONTENT_KEYS = Object.keys(contentColumns({} as FindingDraft, {} as TermLabels)) as (keyof RevisionContent)[];
const contentValues = sql.join(
  CONTENT_KEYS.map((k) => typed(`c_${k}`, findingRevisions[k])),
  sql`, `,
);
const contentNames = sql.raw(CONTENT_KEYS.map(snake).join(', '));

/** The statement that saves a draft: a new revision, or the open draft updated; the listing follows it or not. */
function saveStatement(newRevision: boolean, listing: boolean): Statement<{ lockVersion: number; revisionId: number }> {
  return new Statement(`save_draft_${newRevision ? 'new' : 'open'}${listing ? '_listed' : ''}`, () => {
    const revision = newRevision
      ? sql`r as (insert into finding_revisions (finding_id, revision_no, based_on_revision_id, author_id, change_summary, edit_session, ${contentNames})
          select lk.id, ${p('revisionNo')}::int, ${p('basedOn')}::int, ${p('actorId')}::int, ${p('changeSummary')}::text, ${p('editSession')}::text, ${contentValues}
          from lk returning *)`
      : sql`r as (update finding_revisions set ${sql.join(
          CONTENT_KEYS.map((k) => sql`${sql.raw(snake(k))} = ${typed(`c_${k}`, findingRevisions[k])}`),
          sql`, `,
        )}, change_summary = ${p('changeSummary')}::text, updated_at = now()
          from lk where finding_revisions.id = ${p('revisionId')} and finding_revisions.submitted_at is null
          returning finding_revisions.*)`;
    return sql`with ${locked}, ${revision}, ${audit('r')},
      u as (update findings f set latest_revision_id = r.id, status = 'draft', lock_version = f.lock_version + 1,
          updated_at = now()${listing ? listingSet : sql``}
        from r${listing ? sql`, sources s` : sql``} where f.id = r.finding_id${listing ? sql` and s.id = f.source_id` : sql``}
        returning f.lock_version)
      select u.lock_version as "lockVersion", r.id as "revisionId" from u, r`;
  });
}

const SAVE = {
  new: saveStatement(true, false),
  newListed: saveStatement(true, true),
  open: saveStatement(false, false),
  openListed: saveStatement(false, true),
};

export type SaveWrite = {
  findingId: number;
  lockVersion: number;
  actorId: number;
  /** A new revision (numbered revisionNo, based on basedOn), or the open draft revisionId updated in place. */
  target: { newRevision: true; revisionNo: number; basedOn: number } | { newRevision: false; revisionId: number };
  content: RevisionContent;
  changeSummary: string;
  editSession: string | null;
  /** The listing follows the saved revision (the finding has no approved one). */
  listing: boolean;
  events: AuditEvent[];
};

/** The save, as one statement; null when the finding is no longer at `lockVersion`. */
export async function writeSave(db: DbOrTx, w: SaveWrite) {
  const t = w.target;
  const statement = t.newRevision ? (w.listing ? SAVE.newListed : SAVE.new) : w.listing ? SAVE.openListed : SAVE.open;
  const values: Record<string, unknown> = {
    findingId: w.findingId,
    lockVersion: w.lockVersion,
    actorId: w.actorId,
    changeSummary: w.changeSummary,
    events: JSON.stringify(w.events),
    ...(t.newRevision
      ? { revisionNo: t.revisionNo, basedOn: t.basedOn, editSession: w.editSession }
      : { revisionId: t.revisionId }),
  };
  for (const k of CONTENT_KEYS) values[`c_${k}`] = encode(findingRevisions[k], w.content[k]);
  const [row] = await statement.run(db, values);
  return row ?? null;
}

const SUBMIT = new Statement<{ lockVersion: number }>(
  'submit_finding',
  () => sql`with ${locked},
    r as (update finding_revisions set submitted_at = now(), updated_at = now(), change_summary = ${p('changeSummary')}::text,
        evidence_anchor = ${typed('evidenceAnchor', findingRevisions.evidenceAnchor)},
        evidence_verified = ${typed('evidenceVerified', findingRevisions.evidenceVerified)}
      from lk where finding_revisions.id = ${p('revisionId')} and finding_revisions.submitted_at is null
      returning finding_revisions.id),
    ${audit('r')},
    u as (update findings f set status = 'submitted', lock_version = f.lock_version + 1, updated_at = now()
      from r where f.id = ${p('findingId')} returning f.lock_version)
    select u.lock_version as "lockVersion" from u`,
);

export type SubmitWrite = {
  findingId: number;
  lockVersion: number;
  actorId: number;
  revisionId: number;
  changeSummary: string;
  evidenceAnchor: unknown;
  evidenceVerified: boolean | null;
  events: AuditEvent[];
};

/** The submission, as one statement; null when the finding is no longer at `lockVersion`. */
export async function writeSubmit(db: DbOrTx, w: SubmitWrite) {
  const [row] = await SUBMIT.run(db, {
    findingId: w.findingId,
    lockVersion: w.lockVersion,
    actorId: w.actorId,
    revisionId: w.revisionId,
    changeSummary: w.changeSummary,
    evidenceAnchor: encode(findingRevisions.evidenceAnchor, w.evidenceAnchor),
    evidenceVerified: w.evidenceVerified,
    events: JSON.stringify(w.events),
  });
  return row ?? null;
}

/** The statement that records a decision: publishing or not, refreshing the listing (from revision `listed`) or not. */
function decideStatement(publishes: boolean, listing: boolean): Statement<{ lockVersion: number }> {
  return new Statement(`decide${publishes ? '_publish' : ''}${listing ? '_listed' : ''}`, () => {
    const publish = publishes ? sql`, approved_revision_id = ${p('revisionId')}::int, approved_at = now()` : sql``;
    return sql`with ${locked},
      v as (insert into reviews (revision_id, reviewer_id, decision, comment)
        select ${p('revisionId')}::int, ${p('actorId')}::int, ${typed('decision', reviews.decision)}, ${p('comment')}::text from lk),
      ${audit('lk')},
      u as (update findings f set status = ${p('next')}::workflow_status, lock_version = f.lock_version + 1, updated_at = now()${publish}${listing ? listingSet : sql``}
        from lk${listing ? sql`, finding_revisions r, sources s` : sql``}
        where f.id = lk.id${listing ? sql` and r.id = ${p('listed')}::int and s.id = f.source_id` : sql``}
        returning f.lock_version)
      select u.lock_version as "lockVersion" from u`;
  });
}

const DECIDE = {
  plain: decideStatement(false, false),
  listed: decideStatement(false, true),
  publish: decideStatement(true, true),
};

export type DecideWrite = {
  findingId: number;
  lockVersion: number;
  actorId: number;
  revisionId: number;
  decision: string;
  comment: string;
  next: string;
  publishes: boolean;
  /** The revision the listing shows afterwards, when it changes (or may: the finding has no approved one). */
  listed: number | null;
  events: AuditEvent[];
};

/** The decision, as one statement; null when the finding is no longer at `lockVersion`. */
export async function writeDecision(db: DbOrTx, w: DecideWrite) {
  const statement = w.publishes ? DECIDE.publish : w.listed != null ? DECIDE.listed : DECIDE.plain;
  const [row] = await statement.run(db, {
    findingId: w.findingId,
    lockVersion: w.lockVersion,
    actorId: w.actorId,
    revisionId: w.revisionId,
    decision: w.decision,
    comment: w.comment,
    next: w.next,
    listed: w.listed ?? w.revisionId,
    events: JSON.stringify(w.events),
  });
  return row ?? null;
}

/** The statements, for the benchmark's pgbench script (scripts/bench/pgbench.ts runs the same SQL). */
export const WRITE_STATEMENTS = { save: SAVE, submit: SUBMIT, decide: DECIDE };
