import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listApprovedFindings } from '@/db/queries/findings';
import { FindingsTable, type FindingTableRow } from '@/components/findings/findings-table';
import { shortCitation } from '@/lib/citation';

export const metadata: Metadata = { title: 'Findings' };
export const dynamic = 'force-dynamic';

export default async function FindingsPage() {
  const rows = await listApprovedFindings(await getDb());
  const data: FindingTableRow[] = rows.map((r) => ({
    publicId: r.publicId,
    targetOrgan: r.targetOrgan,
    species: r.species,
    evSource: r.evSource,
    cargo: r.cargo.map((c) => c.name).join('; '),
    recipientCell: r.recipientCell,
    modelDisease: r.modelDisease,
    result: r.result,
    reference: shortCitation(r.firstAuthor, r.year),
    doi: r.doi,
    year: r.year,
  }));
  return (
    <section aria-labelledby="findings-title">
      <h1 id="findings-title">Findings</h1>
      <p className="muted" data-testid="findings-count">
        {data.length} approved {data.length === 1 ? 'finding' : 'findings'}
      </p>
      <FindingsTable rows={data} />
    </section>
  );
}
