/** What the review tests share: a seeded database, its people, a source, and helpers over them. */
import type { Engine } from '../client';
import { makeContent, openSeededDb, type TestDb } from '../test-utils';
import { createFinding, submitFinding, type Actor } from './curation';
import { listQueue } from './review';
import { createUser } from './users';

export const KIDNEY = 'UBERON:0002113';
export const TENDON = 'UBERON:0000043';

type FindingRow = {
  status: string;
  lock_version: number;
  latest_revision_id: number;
  approved_revision_id: number | null;
  /** approved_at as epoch milliseconds (the drivers return timestamps differently). */
  approved_ms: number | null;
  target_organ: string;
  cargo_text: string;
};

/** Read-only helpers over one database: a finding's row, its revisions, decisions and audit trail, the queue. */
function reviewReads(t: TestDb) {
  const findingRow = async (id: number) =>
    (
      await t.query<FindingRow>(
        `select status, lock_version, latest_revision_id, approved_revision_id, floor(extract(epoch from approved_at) * 1000)::float8 as approved_ms, target_organ, cargo_text from findings where id = $1`,
        [id],
      )
    )[0]!;
  const searchHits = async (id: number, words: string) =>
    Number(
      (
        await t.query<{ n: number }>(
          `select count(*)::int n from findings where id = $1 and search @@ plainto_tsquery('english', $2)`,
          [id, words],
        )
      )[0]!.n,
    );
  const revisionId = async (findingId: number, revisionNo: number) =>
    (
      await t.query<{ id: number }>(`select id from finding_revisions where finding_id = $1 and revision_no = $2`, [
        findingId,
        revisionNo,
      ])
    )[0]!.id;
  const reviewsOf = async (findingId: number) =>
    t.query<{ revision_no: number; reviewer_id: number; decision: string; comment: string }>(
      `select r.revision_no, v.reviewer_id, v.decision::text as decision, v.comment
         from reviews v join finding_revisions r on r.id = v.revision_id
        where r.finding_id = $1 order by v.id`,
      [findingId],
    );
  const auditTrail = async (findingId: number) =>
    (
      await t.query<{ action: string; email: string }>(
        `select a.action, u.email from audit_events a join users u on u.id = a.actor_id
          where a.entity = 'finding' and a.entity_id = $1 order by a.id`,
        [String(findingId)],
      )
    ).map((r) => [r.action, r.email] as const);
  const queueItem = async (actor: Actor, publicId: string) =>
    (await listQueue(t.db, actor.id)).find((q) => q.publicId === publicId);
  const seededApproved = async (organ: string, index: number) =>
    (
      await t.query<{ id: number; public_id: string; lock_version: number }>(
        `select id, public_id, lock_version from findings where status = 'approved' and target_organ = $1 order by id offset $2 limit 1`,
        [organ, index],
      )
    )[0]!;
  return { findingRow, searchHits, revisionId, reviewsOf, auditTrail, queueItem, seededApproved };
}

export async function openReviewKit(engine: Engine) {
  const seeded = await openSeededDb(engine);
  const { t, curator, reviewer, reviewer2, admin } = seeded;
  const o = await createUser(t.db, null, {
    email: 'second.curator@example.org',
    name: 'Second Curator',
    role: 'curator',
    password: 'long-enough-pass',
  });
  const otherCurator: Actor = { id: o.id, role: 'curator' };
  const emailOf = new Map<number, string>([
    [curator.id, 'curator@example.org'],
    [reviewer.id, 'reviewer@example.org'],
    [reviewer2.id, 'reviewer2@example.org'],
    [admin.id, 'admin@example.org'],
  ]);
  const [s] = await t.query<{ id: number }>(
    `insert into sources (doi, title, metadata_origin) values ('10.5555/review.test', 'A review test paper', 'manual') returning id`,
  );
  const sourceId = s!.id;
  let cellNo = 0;
  /** A new finding of the curator, submitted; a distinct recipient cell keeps it from duplicating another. */
  const givenSubmitted = async (by: Actor = curator, over: Record<string, unknown> = {}) => {
    const c = makeContent({ recipientCell: `Test cells ${++cellNo}`, ...over });
    const f = await createFinding(t.db, by, { sourceId, content: c });
    const s = await submitFinding(t.db, by, { findingId: f.findingId, lockVersion: 0 });
    return { ...f, lockVersion: s.lockVersion, content: c };
  };
  return { ...seeded, otherCurator, sourceId, emailOf, givenSubmitted, ...reviewReads(t) };
}

export type ReviewKit = Awaited<ReturnType<typeof openReviewKit>>;
