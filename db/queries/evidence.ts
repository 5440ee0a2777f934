/**
 * Evidence quotes against stored text (issue 12, item 3). At submission a quote that claims a snapshot must
 * match it; a quote without a claim is verified when it occurs exactly once in the source's newest snapshot;
 * anything else is stored as "not verified against stored text" — the label reviewers see.
 */
import { desc, eq } from 'drizzle-orm';
import { anchorQuote, describe, verifyQuote } from '../../lib/anchor';
import type { AnchoredQuote } from '../../lib/anchor/schema';
import { DomainError } from '../../lib/errors';
import type { DbOrTx } from '../client';
import { sourceSnapshots } from '../schema';
import { getSnapshotBySha } from './snapshots';

export type EvidenceCheck = { anchor: AnchoredQuote | null; verified: boolean | null };

type EvidenceContent = { evidenceQuote: string; evidenceAnchor: AnchoredQuote | null; evidenceUnverified: boolean };

const refuse = (message: string): never => {
  throw new DomainError('invalid', 'finding', 'Some fields need attention.', undefined, {
    fields: { evidenceQuote: message },
  });
};

const UNVERIFIED_HINT =
  'Select it again in the source’s text, or tick “Not verified against stored text” if you typed it from a figure or another version of the paper.';

/** What a submitted revision stores about its quote: the canonical anchor (or none) and whether it was verified. */
export async function checkEvidence(tx: DbOrTx, sourceId: number, c: EvidenceContent): Promise<EvidenceCheck> {
  if (c.evidenceQuote.trim() === '') return { anchor: null, verified: null };
  if (c.evidenceUnverified) return { anchor: null, verified: false };
  if (c.evidenceAnchor) {
    const sha256 = c.evidenceAnchor.snapshot.sha256;
    const snap = await getSnapshotBySha(tx, sourceId, sha256);
    if (!snap) return refuse(`The quote claims a stored text (${sha256.slice(0, 12)}…) this source does not have.`);
    const r = anchorQuote(snap.text, {
      quote: { ...c.evidenceAnchor.quote, exact: c.evidenceQuote },
      position: c.evidenceAnchor.position,
    });
    if (r.status === 'ambiguous')
      return refuse(
        `The quote occurs ${r.total} times in the stored text and its context does not say which. ${UNVERIFIED_HINT}`,
      );
    if (r.status !== 'exact')
      return refuse(
        `The quote does not match the stored text it was selected from (${sha256.slice(0, 12)}…). ${UNVERIFIED_HINT}`,
      );
    return { anchor: anchorAt(snap.text, sha256, r.start, r.end), verified: true };
  }
  const [latest] = await tx
    .select({ sha256: sourceSnapshots.sha256, text: sourceSnapshots.text })
    .from(sourceSnapshots)
    .where(eq(sourceSnapshots.sourceId, sourceId))
    .orderBy(desc(sourceSnapshots.id))
    .limit(1);
  if (!latest) return { anchor: null, verified: false };
  const v = verifyQuote(latest.text, c.evidenceQuote);
  if (!v.verified || v.occurrences !== 1) return { anchor: null, verified: false };
  return { anchor: anchorAt(latest.text, latest.sha256, v.start, v.end), verified: true };
}

/** The selectors of [start, end) of a snapshot's text. */
export function anchorAt(text: string, sha256: string, start: number, end: number): AnchoredQuote {
  const d = describe(text, start, end);
  if (!d) throw new RangeError('An empty span has no selectors');
  return { snapshot: { sha256 }, quote: d.quote, position: d.position };
}
