import type { Metadata } from 'next';
import { requireRole } from '@/server/session';
import { AddSource } from '@/components/sources/add-source';

export const metadata: Metadata = { title: 'Add a source' };
export const dynamic = 'force-dynamic';

export default async function NewSourcePage({ searchParams }: PageProps<'/sources/new'>) {
  await requireRole('curator', '/sources/new');
  const { doi } = await searchParams;
  // A DOI handed over in the link (e.g. from a finding form) only pre-fills the field.
  const initialDoi = typeof doi === 'string' ? doi.slice(0, 1200) : '';
  return (
    <section aria-labelledby="new-source-title">
      <h1 id="new-source-title">Add a source</h1>
      <p className="muted">
        Enter the paper&apos;s DOI. Its details are filled in from Crossref when it answers; otherwise you enter them by
        hand.
      </p>
      <AddSource initialDoi={initialDoi} />
    </section>
  );
}
