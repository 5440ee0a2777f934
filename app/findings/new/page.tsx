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
import { readerPrefill } from '@/server/evidence-prefill';

/** The query again, for the sign-in round trip (the reader's span and term survive it). */
function queryString(q: Record<string, string | string[] | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (typeof v === 'string') p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const metadata: Metadata = { title: 'New finding' };
export const dynamic = 'force-dynamic';

export default async function NewFindingPage({ searchParams }: PageProps<'/findings/new'>) {
  const query = await searchParams;
  const raw = query.doi;
  const user = await requireRole('curator', `/findings/new${queryString(query)}`);
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
  const prefill = await readerPrefill(await getDb(), data.source.id, EMPTY_FINDING, query);
  return (
    <section aria-labelledby="new-title">
      <h1 id="new-title">New finding</h1>
      <FindingForm
        source={{ id: data.source.id, doi: data.source.doi, citation: formatCitation(data.source) }}
        findingId={null}
        publicId={null}
        lockVersion={0}
        initial={toFormValues({ ...EMPTY_FINDING, ...prefill?.values }, '')}
        prefill={prefill ? { ...prefill, changed: Object.keys(prefill.values).length > 0 } : undefined}
        siblings={siblings.map((s) => ({
          publicId: s.publicId,
          label: `${s.organ || 'no organ yet'}: ${s.result || '(no result yet)'}`,
        }))}
        startsNewRevision={false}
        termLabels={{ ...termLabelsOf(), ...prefill?.labels }}
      />
    </section>
  );
}
