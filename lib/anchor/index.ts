/**
 * Quote anchoring for evidence (issue 12, items 3 and 4): the matching form of a text (normalize.ts, whose
 * header states the normalization rules), W3C selectors (selectors.ts, schema.ts), and finding a quote in a
 * snapshot or a newer one (anchor.ts). Framework-free; stores nothing.
 */
export { ANCHOR_LIMITS, anchorQuote, reanchor, verifyQuote } from './anchor';
export type { AnchorResult, Candidate, VerifyResult } from './anchor';
export { matchForm, normalizeForMatching, prepare, toNormalizedSpan, toOriginalSpan } from './normalize';
export type { LineEndHyphens, NormalizedText, NormalizeOptions } from './normalize';
export {
  codePointOffset,
  compactWhitespace,
  DEFAULT_CONTEXT,
  describe,
  positionSelector,
  SELECTOR_LIMITS,
  spanOf,
  utf16Offset,
} from './selectors';
export type { Described, QuoteTarget, SnapshotRef, Span, TextPositionSelector, TextQuoteSelector } from './selectors';
