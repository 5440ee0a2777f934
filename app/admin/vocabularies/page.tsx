import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/server/session';
import { ObsoleteUsesTable, VocabularyReleasesTable } from '@/components/admin/vocabularies-tables';
import { Alert } from '@/components/ui/alert';
import { getDb } from '@/db';
import {
  countFindingsUsingObsoleteTerms,
  findingsUsingObsoleteTerms,
  listVocabReleases,
} from '@/db/queries/obsolete-uses';

export const metadata: Metadata = { title: 'Vocabularies' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;

/** The `after` cursor of the uses list: a finding id, or undefined for the first page (null when malformed). */
function cursorOf(raw: string | string[] | undefined): number | undefined | null {
  if (raw === undefined) return undefined;
  return typeof raw === 'string' && /^\d{1,10}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}

export default async function VocabulariesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole('admin', '/admin/vocabularies');
  const cursor = cursorOf((await searchParams).after);
  const db = await getDb();
  const [releases, total, page] = await Promise.all([
    listVocabReleases(db),
    countFindingsUsingObsoleteTerms(db),
    findingsUsingObsoleteTerms(db, { after: cursor ?? undefined, limit: PAGE_SIZE }),
  ]);
  return (
    <section aria-labelledby="vocab-title">
      <h1 id="vocab-title">Vocabularies</h1>
      <h2>Loaded releases</h2>
      <VocabularyReleasesTable releases={releases} />

      <h2 id="obsolete-title">Findings using obsolete terms</h2>
      <p className="muted">
        A newer release can make a term obsolete. Findings keep the term they were saved with: nothing is rewritten
        automatically. Edit each finding to choose a current term (the suggested replacement is the one the release
        names, followed to a term that is still current); the change is a normal revision, reviewed as any other.
      </p>
      {cursor === null && (
        <Alert testId="obsolete-cursor-error">
          That page of the list does not exist. <Link href="/admin/vocabularies">Show the first page</Link>
        </Alert>
      )}
      <p data-testid="obsolete-count">
        {total === 0
          ? 'No finding uses an obsolete term.'
          : `${total.toLocaleString('en')} ${total === 1 ? 'finding uses' : 'findings use'} obsolete terms.`}
      </p>
      {page.uses.length > 0 && <ObsoleteUsesTable uses={page.uses} />}
      {(cursor || page.next) && (
        <nav aria-label="Pages of findings using obsolete terms" style={{ display: 'flex', gap: '1rem' }}>
          {cursor ? <Link href="/admin/vocabularies">« First page</Link> : null}
          {page.next && <Link href={`/admin/vocabularies?after=${page.next}`}>Next page »</Link>}
        </nav>
      )}

      <h2>Loading a newer release</h2>
      <p>
        Replace the vocabulary&apos;s file under <code>db/vocab/</code> and run <code>npm run db:migrate</code>. Give
        the file a first line <code># version: …</code> naming its release (<code># version HP: …</code> for one
        vocabulary of a shared file). Mark deprecated terms with the optional columns <code>obsolete</code>, set to{' '}
        <code>true</code>, and <code>replaced_by</code>, the id of the replacing term. A term the new file no longer
        lists becomes obsolete too; none is deleted. The migration prints how many findings need review here.
      </p>
    </section>
  );
}
