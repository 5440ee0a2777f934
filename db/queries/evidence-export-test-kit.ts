/**
 * What the evidence export tests share: a source whose stored text puts hostile characters around a quote, and
 * approved findings on it — one quote selected in that text (anchored), one typed by hand (not verified).
 */
import type { AnchoredQuote } from '../../lib/anchor/schema';
import { makeContent, type TestDb } from '../test-utils';
import { type Actor, createFinding, submitFinding } from './curation';
import { anchorAt } from './evidence';
import { decide } from './review';
import { addSnapshot } from './snapshots';

// Quotes, commas, line breaks, a tab, formula starters, a character outside the BMP (code points ≠ UTF-16 units).
export const QUOTE = 'Exosomal miR-27a-3p promotes osteogenic differentiation of BMSCs.';
const BEFORE = '=HYPERLINK("x",1),\t"q"\r\n-1+@é😀 ';
const AFTER = '+cmd|"a,b"\n@x; ünï 😀 end';
export const SOURCE_TEXT = `${BEFORE}${QUOTE}${AFTER}`;

async function approve(t: TestDb, curator: Actor, reviewer: Actor, sourceId: number, content: Record<string, unknown>) {
  const f = await createFinding(t.db, curator, { sourceId, content: makeContent(content) });
  const s = await submitFinding(t.db, curator, { findingId: f.findingId, lockVersion: 0 });
  await decide(t.db, reviewer, {
    findingId: f.findingId,
    revisionNo: 1,
    lockVersion: s.lockVersion,
    decision: 'approve',
    comment: '',
  });
  const [row] = await t.query<{ public_id: string; revision_id: number; anchor: AnchoredQuote | null }>(
    `select f.public_id, r.id as revision_id, r.evidence_anchor as anchor
     from findings f join finding_revisions r on r.id = f.approved_revision_id where f.id = $1`,
    [f.findingId],
  );
  return { publicId: row!.public_id, revisionId: row!.revision_id, anchor: row!.anchor };
}

/** Two approved findings on a new source with stored text: `anchored` (selected in it) and `typed` (marked unverified). */
export async function givenEvidence(t: TestDb, curator: Actor, reviewer: Actor, doi: string) {
  const [src] = await t.query<{ id: number }>(
    `insert into sources (doi, title, metadata_origin) values ($1, 'Evidence source', 'manual') returning id`,
    [doi],
  );
  const sourceId = src!.id;
  const { snapshot } = await addSnapshot(t.db, curator.id, {
    sourceId,
    origin: 'paste',
    extracted: { text: SOURCE_TEXT, sections: [] },
  });
  const start = SOURCE_TEXT.indexOf(QUOTE);
  const selected = anchorAt(SOURCE_TEXT, snapshot.sha256, start, start + QUOTE.length);
  const anchored = await approve(t, curator, reviewer, sourceId, {
    result: 'Anchored: muscle EVs promote osteogenesis.',
    evidenceQuote: QUOTE,
    evidenceLocation: 'Results, "Fig. 2"',
    evidenceAnchor: selected,
  });
  const typed = await approve(t, curator, reviewer, sourceId, {
    result: 'Typed: muscle EVs promote bone formation.',
    recipientCell: 'Osteoblasts',
    evidenceQuote: '-Typed from Fig. 3, "panel b"',
    evidenceUnverified: true,
  });
  return { sourceId, sha256: snapshot.sha256, anchored, typed };
}
