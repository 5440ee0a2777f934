/**
 * A release's evidence as W3C Web Annotation JSON-LD (evidence.jsonld, https://www.w3.org/TR/annotation-model/):
 * one AnnotationCollection, its single page embedded as `first` (the model's collection form: a collection
 * holds pages, a page holds `items`), one Annotation per finding of the release whose revision has a quote.
 *
 * - An anchored quote (selected in a stored text snapshot, or found once in it at submission) targets the
 *   source's DOI with both selectors exactly as stored — TextQuoteSelector (exact, prefix, suffix) and
 *   TextPositionSelector (Unicode code points, end exclusive) — plus `evx:snapshotSha256`, the SHA-256 of
 *   the text the selectors were made against.
 * - A quote without an anchor (typed by hand from a figure or a PDF the app does not hold, or approved before
 *   stored texts existed) is published too, with a TextQuoteSelector of its exact text only: a client can
 *   still look it up in the paper. It carries no snapshot hash.
 * - `evx:verified` is true only when the quote was found in stored text at submission, false otherwise
 *   ("not verified against stored text"). A finding without a quote has no annotation.
 * - Ids and links use the app's public origin at the time the release is cut.
 */
import type { AnchoredQuote } from '../anchor/schema';
import type { ExportRow } from './record';
import { releaseFileUrl } from './release';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export type EvidenceSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

export type EvidenceAnnotation = {
  id: string;
  type: 'Annotation';
  motivation: 'describing';
  body: { type: 'SpecificResource'; source: string; purpose: 'describing'; 'evx:revision': number };
  target: {
    source: string;
    selector: EvidenceSelector[];
    'evx:snapshotSha256'?: string;
    'evx:verified': boolean;
  };
};

export type EvidenceCollection = {
  '@context': [typeof ANNO_CONTEXT, { evx: string }];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: EvidenceAnnotation[] };
};

/** The finding's public page: its stable URL. */
export const findingUrl = (origin: string, publicId: string) => `${origin}/findings/${encodeURIComponent(publicId)}`;

// Built key by key: the stored jsonb keeps its keys in its own order, the file keeps the W3C examples' order.
function selectorsOf(a: AnchoredQuote): EvidenceSelector[] {
  const { exact, prefix, suffix } = a.quote;
  return [
    {
      type: 'TextQuoteSelector',
      exact,
      ...(prefix !== undefined ? { prefix } : {}),
      ...(suffix !== undefined ? { suffix } : {}),
    },
    { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
  ];
}

/** The annotation of one exported revision, or null when it has no quote. */
export function evidenceAnnotation(origin: string, r: ExportRow): EvidenceAnnotation | null {
  const anchor = r.evidenceAnchor ?? null;
  if (!anchor && r.evidenceQuote.trim() === '') return null;
  const url = findingUrl(origin, r.publicId);
  return {
    id: `${url}#evidence`,
    type: 'Annotation',
    // "describing": the body, a peer-reviewed structured finding, describes what the quoted passage reports.
    // "identifying" would say the passage *is* the finding, and "linking" would lose that the finding is about it.
    motivation: 'describing',
    body: { type: 'SpecificResource', source: url, purpose: 'describing', 'evx:revision': r.revisionNo },
    target: {
      source: `https://doi.org/${r.source.doi}`,
      selector: anchor ? selectorsOf(anchor) : [{ type: 'TextQuoteSelector', exact: r.evidenceQuote }],
      ...(anchor ? { 'evx:snapshotSha256': anchor.snapshot.sha256 } : {}),
      'evx:verified': r.evidenceVerified === true,
    },
  };
}

/** The collection of a release's rows (in finding order). */
export async function buildEvidenceCollection(
  rows: AsyncIterable<ExportRow>,
  release: { tag: string; origin: string },
): Promise<EvidenceCollection> {
  const origin = release.origin.replace(/\/+$/, '');
  const items: EvidenceAnnotation[] = [];
  for await (const r of rows) {
    const a = evidenceAnnotation(origin, r);
    if (a) items.push(a);
  }
  const id = `${origin}${releaseFileUrl(release.tag, 'evidence.jsonld')}`;
  return {
    // evx: the app's own terms (evx:snapshotSha256, evx:verified, evx:revision), documented with the releases.
    '@context': [ANNO_CONTEXT, { evx: `${origin}/releases#` }],
    id,
    type: 'AnnotationCollection',
    label: `EV Crosstalk Curator release ${release.tag}: the evidence quote of each finding, in its source`,
    total: items.length,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The file's bytes: pretty-printed JSON, UTF-8, ending with a newline (like datapackage.json). */
export function evidenceBytes(collection: EvidenceCollection): Buffer {
  return Buffer.from(`${JSON.stringify(collection, null, 2)}\n`, 'utf8');
}
