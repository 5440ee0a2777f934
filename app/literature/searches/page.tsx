import type { Metadata } from 'next';
import Link from 'next/link';
import { SavedSearchForm } from '@/components/literature/saved-search-form';
import { SavedSearchesTable } from '@/components/literature/saved-searches-table';
import { getDb } from '@/db';
import { listRecentSearchRuns, listSavedSearches } from '@/db/queries/saved-searches';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: 'Saved searches' };
export const dynamic = 'force-dynamic';

export default async function SavedSearchesPage() {
  await requireRole('curator', '/literature/searches');
  const db = await getDb();
  // The newest runs of all searches; each row shows its own three newest among them.
  const [searches, runs] = await Promise.all([listSavedSearches(db), listRecentSearchRuns(db, 300)]);
  return (
    <section aria-labelledby="searches-title" className="stack">
      <h1 id="searches-title">Saved searches</h1>
      <p className="muted">
        Europe PMC queries run by hand or on a schedule (<code>npm run jobs</code>). A run adds only records this search
        has not found before; they join the <Link href="/literature/screen">screening queue</Link>.
      </p>
      <SavedSearchesTable searches={searches} runs={runs} />
      <h2>New saved search</h2>
      <SavedSearchForm />
    </section>
  );
}
