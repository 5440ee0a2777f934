/**
 * What the snapshot, re-anchoring and evidence tests share: a seeded database, a pasted text about muscle EVs in
 * versions, and helpers that make sources, anchored drafts, submissions and approvals, and read the audit trail.
 */
import { sha256Hex } from '../../lib/sourcetext/hash';
import type { ExtractedText, SectionKind } from '../../lib/sourcetext/types';
import type { Engine } from '../client';
import { makeContent, openSeededDb, type TestDb } from '../test-utils';
import { createFinding, submitFinding, type Actor } from './curation';
import { anchorAt } from './evidence';
import { decide } from './review';
import { createUser } from './users';

export const TITLE = 'Skeletal muscle vesicles reach bone: a pasted test text';
export const INTRO =
  'Skeletal muscle releases extracellular vesicles (EVs) into the circulation, and their number rises during endurance exercise.';
/** Unchanged in the second version, but text is inserted before it. */
export const MOVED =
  'Myotube-derived EVs carrying miR-133a were taken up by bone marrow stromal cells and raised alkaline phosphatase activity within 48 hours.';
/** One word changes in the second version. */
export const EDITED = 'Blocking miR-133a in the recipient cells abolished the osteogenic effect of the muscle EVs.';
export const EDITED_V2 = 'Blocking miR-133a in the recipient cells reduced the osteogenic effect of the muscle EVs.';
/** Gone from the second version. */
export const REMOVED =
  'Nanoparticle tracking analysis gave a modal diameter of 118 nm, and the vesicles carried CD63 and TSG101 but not calnexin.';
export const INSERTED =
  'In a correction, the authors add that the vesicles were separated by size-exclusion chromatography after ultracentrifugation.';
export const CLOSING =
  'Together, these results suggest that muscle EVs deliver miR-133a to bone and favour osteogenic differentiation.';
/** One word respelled in the third version. */
export const CLOSING_V3 =
  'Together, these results suggest that muscle EVs deliver miR-133a to bone and favor osteogenic differentiation.';
export const APPENDIX = 'Data availability: the tracking videos are deposited with the journal as supplementary files.';

const KINDS: SectionKind[] = ['title', 'introduction', 'results', 'results', 'discussion', 'other'];

/** Paragraphs as a pasted text: joined by blank lines, one section each (title, introduction, results…). */
export function makePaste(paragraphs: string[]): ExtractedText {
  const sections: ExtractedText['sections'] = [];
  let at = 0;
  paragraphs.forEach((p, i) => {
    const kind = KINDS[Math.min(i, KINDS.length - 1)]!;
    sections.push({ kind, title: kind === 'title' ? 'Title' : `Paragraph ${i}`, start: at, end: at + p.length });
    at += p.length + 2;
  });
  return { text: paragraphs.join('\n\n'), sections };
}

export const V1 = makePaste([TITLE, INTRO, `${MOVED} ${EDITED}`, REMOVED, CLOSING]);
export const V2 = makePaste([TITLE, INTRO, INSERTED, `${MOVED} ${EDITED_V2}`, CLOSING]);
export const V3 = makePaste([TITLE, INTRO, INSERTED, `${MOVED} ${EDITED_V2}`, CLOSING_V3, APPENDIX]);

/** The span of `sentence` in `text` (it must occur exactly once). */
export function spanIn(text: string, sentence: string): { start: number; end: number } {
  const start = text.indexOf(sentence);
  if (start < 0 || text.indexOf(sentence, start + 1) >= 0) throw new Error(`not once in the text: ${sentence}`);
  return { start, end: start + sentence.length };
}

/** The selectors of `sentence` in `text`, as the reader would send them. */
export function anchorOf(text: string, sentence: string) {
  const { start, end } = spanIn(text, sentence);
  return anchorAt(text, sha256Hex(text), start, end);
}

/** Read-only helpers: a revision's evidence columns, a finding's state, audit events, a snapshot's anchorings. */
function snapshotReads(t: TestDb) {
  const revision = async (id: number) =>
    (
      await t.query<{ evidence_anchor: unknown; evidence_verified: boolean | null; submitted: boolean }>(
        `select evidence_anchor, evidence_verified, submitted_at is not null as submitted
           from finding_revisions where id = $1`,
        [id],
      )
    )[0]!;
  const findingState = async (id: number) =>
    (
      await t.query<{ status: string; lock_version: number }>(
        `select status, lock_version from findings where id = $1`,
        [id],
      )
    )[0]!;
  /** Audit events of one action, oldest first. */
  const auditOf = (action: string) =>
    t.query<{ entity: string; entity_id: string; actor_id: number | null; detail: Record<string, unknown> }>(
      `select entity, entity_id, actor_id, detail from audit_events where action = $1 order by id`,
      [action],
    );
  const anchorings = (snapshotId: number) =>
    t.query<{
      id: number;
      revision_id: number;
      status: string;
      start: number | null;
      end: number | null;
      score: number | null;
      decision: string | null;
    }>(
      `select id, revision_id, status, start, "end", score, decision from evidence_anchorings
        where snapshot_id = $1 order by id`,
      [snapshotId],
    );
  return { revision, findingState, auditOf, anchorings };
}

export async function openSnapshotKit(engine: Engine) {
  const seeded = await openSeededDb(engine);
  const { t, curator, reviewer } = seeded;
  const o = await createUser(t.db, null, {
    email: 'evidence.curator@example.org',
    name: 'Evidence Curator',
    role: 'curator',
    password: 'long-enough-pass',
  });
  const otherCurator: Actor = { id: o.id, role: 'curator' };
  let n = 0;
  const givenSource = async () => {
    const doi = `10.5555/evidence.test.${++n}`;
    const [s] = await t.query<{ id: number }>(
      `insert into sources (doi, title, metadata_origin) values ($1, 'Muscle EVs and bone', 'manual') returning id`,
      [doi],
    );
    return { sourceId: s!.id, doi };
  };
  /** A draft of the curator on the source; a distinct recipient cell keeps it from duplicating another. */
  const givenDraft = async (sourceId: number, over: Record<string, unknown> = {}, by: Actor = curator) =>
    createFinding(t.db, by, { sourceId, content: makeContent({ recipientCell: `Evidence cells ${++n}`, ...over }) });
  const submit = (findingId: number, lockVersion = 0, by: Actor = curator) =>
    submitFinding(t.db, by, { findingId, lockVersion });
  /** Saves `content` into the draft and submits it, as the form's "Submit" does. */
  const submitWith = (findingId: number, lockVersion: number, content: unknown, by: Actor = curator) =>
    submitFinding(t.db, by, { findingId, lockVersion, content });
  /** A draft with an anchored quote, submitted; approved too when asked. */
  const givenQuoted = async (sourceId: number, text: string, sentence: string, approve = false) => {
    const d = await givenDraft(sourceId, { evidenceQuote: sentence, evidenceAnchor: anchorOf(text, sentence) });
    const s = await submit(d.findingId);
    if (approve)
      await decide(t.db, reviewer, {
        findingId: d.findingId,
        revisionNo: 1,
        lockVersion: s.lockVersion,
        decision: 'approve',
        comment: '',
      });
    return d;
  };
  return {
    ...seeded,
    otherCurator,
    givenSource,
    givenDraft,
    submit,
    submitWith,
    givenQuoted,
    ...snapshotReads(t),
  };
}

export type SnapshotKit = Awaited<ReturnType<typeof openSnapshotKit>>;
