import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/server/session';
import { getDb } from '@/db';
import { getSourceByDoi, listFindingsOnSource } from '@/db/queries/findings';
import { FindingForm } from '@/components/findings/form/finding-form';
import { EMPTY_FINDING, termLabelsOf } from '@/components/findings/form/initial';
import { toFormValues } from '@/components/findings/form/types';
import { formatCitation } from '@/lib/citation';
import { normalizeDoi } from '@/lib/doi';

export const metadata: Metadata = { title: 'New finding' };
export const dynamic = 'force-dynamic';

export default async function NewFindingPage({ searchParams }: PageProps<'/findings/new'>) {
  const { doi: raw } = await searchParams;
  const user = await requireRole(
    'curator',
    `/findings/new${typeof raw === 'string' ? `?doi=${encodeURIComponent(raw)}` : ''}`,
  );
  const parsed = typeof raw === 'string' ? normalizeDoi(raw) : null;
  const data = parsed?.ok ? await getSourceByDoi(await getDb(), parsed.doi) : undefined;
  if (!data) {
    return (
      <section aria-labelledby="new-title">
        <h1 id="new-title">New finding</h1>
        <p className="empty">
          A finding starts from its source. <Link href="/sources/new">Add the paper by its DOI</Link> first
          {parsed && !parsed.ok ? ` (${parsed.message})` : ''}.
        </p>
      </section>
    );
  }
  const siblings = await listFindingsOnSource(await getDb(), data.source.id, user.id);
  return (
    <section aria-labelledby="new-title">
      <h1 id="new-title">New finding</h1>
      <FindingForm
        source={{ id: data.source.id, doi: data.source.doi, citation: formatCitation(data.source) }}
        findingId={null}
        publicId={null}
        lockVersion={0}
        initial={toFormValues(EMPTY_FINDING, '')}
        siblings={siblings.map((s) => ({
          publicId: s.publicId,
          label: `${s.organ || 'no organ yet'}: ${s.result || '(no result yet)'}`,
        }))}
        startsNewRevision={false}
        termLabels={termLabelsOf()}
      />
    </section>
  );
}
