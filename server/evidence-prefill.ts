/**
 * What the reader hands the finding form through the URL (issue 12, items 3 and 5; lib/sourcetext/reader-links.ts
 * builds the links): `snapshot`, `start`, `end` — a span of a stored text as the evidence quote, with its
 * selectors — and `add=<field>:<value>`, a highlighted term for a field. Everything in the URL is untrusted:
 * the span is checked against the stored text, the term against the vocabularies; anything wrong is a notice.
 */
import 'server-only';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { anchorAt } from '@/db/queries/evidence';
import { getSnapshot } from '@/db/queries/snapshots';
import { describe } from '@/lib/anchor';
import { SELECTOR_LIMITS } from '@/lib/anchor/selectors';
import type { FindingDraft } from '@/lib/finding/schema';
import { sectionAt } from '@/lib/sourcetext/section-at';
import { applyAddition, type Addition } from './reader-additions';

export type Prefill = {
  values: Partial<FindingDraft>;
  notices: string[];
  errors: string[];
  labels: Record<string, string>;
};

type Query = Record<string, string | string[] | undefined>;

const spanQuery = z.object({
  snapshot: z.coerce.number().int().positive(),
  start: z.coerce.number().int().nonnegative(),
  end: z.coerce.number().int().positive(),
});

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The form values the URL asks for, on top of `base` (the draft as saved, or an empty finding). */
export async function readerPrefill(
  db: DbOrTx,
  sourceId: number,
  base: FindingDraft,
  query: Query,
): Promise<Prefill | null> {
  const wantsSpan = ['snapshot', 'start', 'end'].some((k) => one(query[k]) !== undefined);
  const add = one(query.add);
  if (!wantsSpan && add === undefined) return null;
  const out: Prefill = { values: {}, notices: [], errors: [], labels: {} };
  if (wantsSpan) await prefillSpan(db, sourceId, query, out);
  if (add !== undefined) await applyAddition(db, { ...base, ...out.values }, add, out as Addition);
  return out;
}

async function prefillSpan(db: DbOrTx, sourceId: number, query: Query, out: Prefill) {
  const q = spanQuery.safeParse({ snapshot: one(query.snapshot), start: one(query.start), end: one(query.end) });
  const snap = q.success ? await getSnapshot(db, q.data.snapshot) : undefined;
  if (!q.success || !snap || snap.sourceId !== sourceId) {
    out.errors.push('The selected passage could not be used: it does not point into a stored text of this source.');
    return;
  }
  const { start, end } = q.data;
  let d: ReturnType<typeof describe>;
  try {
    d = end > start ? describe(snap.text, start, end) : null;
  } catch {
    d = null;
  }
  if (!d) {
    out.errors.push('The selected passage is empty or lies outside the stored text; select it again.');
    return;
  }
  if (d.span.end - d.span.start > SELECTOR_LIMITS.exact) {
    out.errors.push(`Select at most ${SELECTOR_LIMITS.exact.toLocaleString('en')} characters as evidence.`);
    return;
  }
  const section = sectionAt(snap.sections, d.span.start);
  out.values.evidenceQuote = snap.text.slice(d.span.start, d.span.end).replace(/\s+/g, ' ');
  out.values.evidenceLocation = section?.title ?? '';
  out.values.evidenceAnchor = anchorAt(snap.text, snap.sha256, d.span.start, d.span.end);
  out.values.evidenceUnverified = false;
  out.notices.push(
    `Evidence quote taken from the stored text${section ? ` (${section.title})` : ''}; it is checked against that text at submission.`,
  );
}
