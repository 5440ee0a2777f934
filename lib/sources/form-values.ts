/** What the source metadata form shows: plain strings, serializable from a server page. */
export type SourceFormValues = {
  doi: string;
  title: string;
  authors: string;
  journal: string;
  year: string;
  volumePages: string;
  pmid: string;
};

/** Stored or fetched metadata (nulls, numbers) → form strings. */
export function toFormValues(m: {
  doi: string;
  title?: string | null;
  authors?: string | null;
  journal?: string | null;
  year?: number | null;
  volumePages?: string | null;
  pmid?: string | null;
}): SourceFormValues {
  return {
    doi: m.doi,
    title: m.title ?? '',
    authors: m.authors ?? '',
    journal: m.journal ?? '',
    year: m.year == null ? '' : String(m.year),
    volumePages: m.volumePages ?? '',
    pmid: m.pmid ?? '',
  };
}
