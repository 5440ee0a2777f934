import { getDb } from '@/db';
import { getReleaseOverride } from '@/db/queries/release-exclusions';
import { listSourceUpdates } from '@/db/queries/retraction';
import { Alert } from '@/components/ui/alert';

const NOTICE_LABELS: Record<string, string> = {
  retraction: 'Retraction',
  correction: 'Correction',
  expression_of_concern: 'Expression of concern',
};

/**
 * The source's Crossref notices on the finding and source pages (issue 13): a banner when the paper is retracted
 * (with the reviewer's override when a finding is kept in releases), and the corrections and expressions of
 * concern found for it. Renders nothing for a paper without notices.
 */
export async function RetractionBanner({
  source,
  findingId,
}: {
  source: { id: number; retracted: boolean };
  findingId?: number;
}) {
  const db = await getDb();
  const updates = await listSourceUpdates(db, source.id);
  if (!source.retracted && updates.length === 0) return null;
  const retraction = updates.find((u) => u.type === 'retraction');
  const override = source.retracted && findingId !== undefined ? await getReleaseOverride(db, findingId) : null;
  const others = updates.filter((u) => u !== retraction);
  return (
    <>
      {source.retracted && (
        <Alert role="none" testId="retraction-banner">
          <strong>This paper was retracted</strong>
          {retraction && ` (notice doi:${retraction.noticeDoi}${retraction.date ? `, ${retraction.date}` : ''})`}. Its
          findings are kept out of new releases unless a reviewer overrides.
          {override && (
            <>
              {' '}
              {override.reviewer} keeps this finding in releases: “{override.comment}”
            </>
          )}
        </Alert>
      )}
      {others.length > 0 && (
        <Alert tone="info" role="none" testId="source-notices">
          Notices for this paper:{' '}
          {others.map((u, i) => (
            <span key={`${u.type}:${u.noticeDoi}`}>
              {i > 0 && '; '}
              {NOTICE_LABELS[u.type] ?? u.type} <a href={`https://doi.org/${u.noticeDoi}`}>doi:{u.noticeDoi}</a>
              {u.date && ` (${u.date})`}
            </span>
          ))}
          .
        </Alert>
      )}
    </>
  );
}
