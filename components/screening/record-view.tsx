import type { RecordMentions } from '@/server/screening-highlights';
import { HighlightedText, HighlightLegend } from './highlighted-text';
import styles from './screening.module.css';

export type ScreeningRecord = {
  id: number;
  title: string;
  abstract: string;
  authors: string[];
  journal: string;
  year: number | null;
  doi: string | null;
  pmid: string | null;
  keywords: string[];
  isPreprint: boolean;
};

const MAX_AUTHORS = 12;

function authorLine(authors: readonly string[]): string {
  if (authors.length === 0) return 'No authors given';
  const shown = authors.slice(0, MAX_AUTHORS).join('; ');
  return authors.length > MAX_AUTHORS ? `${shown}; … (${authors.length} authors)` : shown;
}

/** One bibliographic record as a screener reads it: title and abstract with the pre-annotation highlights. */
export function RecordView({
  rec,
  mentions,
  headingLevel = 2,
}: {
  rec: ScreeningRecord;
  mentions: RecordMentions;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const all = [...mentions.title, ...mentions.abstract];
  return (
    <article aria-labelledby={`record-${rec.id}-title`} data-testid="screening-record" data-candidate={rec.id}>
      <Heading id={`record-${rec.id}-title`} data-testid="record-title">
        <HighlightedText text={rec.title || '(no title)'} mentions={rec.title ? mentions.title : []} />
      </Heading>
      <p>{authorLine(rec.authors)}</p>
      <p className="muted">
        {[rec.journal || null, rec.year ? String(rec.year) : 'year not given', rec.isPreprint ? 'preprint' : null]
          .filter(Boolean)
          .join(' · ')}
        {rec.doi && (
          <>
            {' · '}
            <a href={`https://doi.org/${rec.doi}`} rel="noreferrer noopener" target="_blank">
              doi:{rec.doi}
            </a>
          </>
        )}
        {rec.pmid && (
          <>
            {' · '}
            <a href={`https://pubmed.ncbi.nlm.nih.gov/${rec.pmid}/`} rel="noreferrer noopener" target="_blank">
              PMID {rec.pmid}
            </a>
          </>
        )}
      </p>
      {rec.keywords.length > 0 && <p className="muted">Keywords: {rec.keywords.join('; ')}</p>}
      {rec.abstract ? (
        <p className={styles.abstract} data-testid="record-abstract">
          <HighlightedText text={rec.abstract} mentions={mentions.abstract} />
        </p>
      ) : (
        <p className="muted">No abstract in this record.</p>
      )}
      <HighlightLegend mentions={all} />
    </article>
  );
}
