import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusRegion } from '@/components/screening/status-region';
import { UndoMergeButton } from '@/components/screening/undo-merge-button';
import { Alert } from '@/components/ui/alert';
import { getDb } from '@/db';
import { listMergedRecords, type MergedRecord } from '@/db/queries/duplicates-list';
import { idCursorOf } from '@/lib/screening/schema';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: 'Merged duplicates' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 25;

const WHY: Record<string, string> = {
  doi: 'same DOI',
  pmid: 'same PMID',
  pmcid: 'same PMCID',
  title_year_author: 'same title, year and first author',
  preprint: 'a preprint and its published version',
};

const cite = (r: { title: string | null; year: number | null; doi: string | null }) =>
  `“${r.title || '(no title)'}”${r.year ? ` (${r.year})` : ''}${r.doi ? `, doi:${r.doi}` : ''}`;

function why(r: MergedRecord): string {
  const key = WHY[r.by ?? ''] ?? r.by ?? 'matched';
  return r.of?.kind === 'source' ? `already a source (${key})` : key;
}

function Duplicates({ r }: { r: MergedRecord }) {
  if (!r.of) return <>a record no longer there</>;
  if (r.of.kind === 'source')
    return (
      <>
        already a source: <Link href={`/sources/${r.of.doi}`}>{cite(r.of)}</Link>
      </>
    );
  return (
    <>
      record #{r.of.id}
      {r.of.isPreprint ? ' (preprint)' : ''}: {cite(r.of)}
    </>
  );
}

/** Records de-duplication set aside, newest first, each with what it duplicates and why, and "Undo merge". */
export default async function DuplicatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole('curator', '/literature/duplicates');
  const after = idCursorOf((await searchParams).after);
  const page = await listMergedRecords(await getDb(), { after: after ?? undefined, limit: PAGE_SIZE });
  return (
    <section aria-labelledby="duplicates-title">
      <h1 id="duplicates-title">Merged duplicates</h1>
      <p className="muted">
        A duplicate keeps its row (PRISMA counts it as identified, then removed) and is not screened. Undo a merge that
        was wrong: the record becomes one of its own and joins the screening queue.
      </p>
      {after === null && <Alert tone="info">That page address was not understood; showing the first page.</Alert>}
      <StatusRegion testId="duplicates-status">
        {page.rows.length === 0 ? (
          <p className="empty" data-testid="duplicates-empty">
            {after ? 'No more merged records.' : 'No record has been merged as a duplicate.'}
          </p>
        ) : (
          <ol style={{ listStyle: 'none', padding: 0 }} data-testid="duplicates">
            {page.rows.map((r) => (
              <li key={r.id} className="card" style={{ marginBottom: '0.75rem' }} data-testid="duplicate">
                <p>
                  <strong>#{r.id}</strong> {cite(r)}
                  {r.isPreprint ? ' (preprint)' : ''}
                </p>
                <p>
                  Duplicates <Duplicates r={r} />. Why: {why(r)}.
                </p>
                <UndoMergeButton candidateId={r.id} title={r.title || '(no title)'} />
              </li>
            ))}
          </ol>
        )}
      </StatusRegion>
      {(after !== undefined || page.next !== null) && (
        <nav className="pager" aria-label="Pages of merged records">
          {after !== undefined && <Link href="/literature/duplicates">« Newest</Link>}
          {page.next !== null && (
            <Link href={`/literature/duplicates?after=${page.next}`} rel="next">
              Older »
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
