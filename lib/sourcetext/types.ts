/**
 * A source's text as the app stores it (issue 12, item 1): plain text plus sections with offsets into it.
 * Extractors (paste, JATS, PDF) and fetchers (Crossref abstract, Europe PMC full text) all return this shape;
 * db/queries/snapshots.ts stores it as one immutable snapshot with its SHA-256.
 */

/** Where a snapshot's text came from. Open-access origins may be shown to anyone who can see the source. */
export const SNAPSHOT_ORIGINS = ['crossref_abstract', 'europepmc', 'paste', 'jats_upload', 'pdf_upload'] as const;
export type SnapshotOrigin = (typeof SNAPSHOT_ORIGINS)[number];

/** Text fetched from an open-access service; pasted or uploaded text is shown to signed-in users only. */
export const OPEN_ACCESS_ORIGINS: readonly SnapshotOrigin[] = ['crossref_abstract', 'europepmc'];

export const SECTION_KINDS = [
  'title',
  'abstract',
  'introduction',
  'methods',
  'results',
  'discussion',
  'conclusion',
  'body',
  'caption',
  'references',
  'other',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** A part of the text: `text.slice(start, end)` (UTF-16 offsets, end exclusive). */
export interface TextSection {
  kind: SectionKind;
  /** As the paper names it ("Materials and methods", "Figure 2"). */
  title: string;
  start: number;
  end: number;
}

/** What an extractor returns. Sections are in text order, do not overlap, and lie within the text. */
export interface ExtractedText {
  text: string;
  sections: TextSection[];
}

/** Limits on what is accepted (checked before parsing where the format allows). */
export const SOURCE_TEXT_LIMITS = {
  /** Characters of plain text in one snapshot (a 100-page paper is about 400,000). */
  maxChars: 2_000_000,
  /** Bytes of an uploaded PDF. */
  maxPdfBytes: 20 * 1024 * 1024,
  /** Bytes of an uploaded or fetched JATS XML document. */
  maxXmlBytes: 10 * 1024 * 1024,
  /** Pages read from one PDF. */
  maxPdfPages: 400,
} as const;
