import type { Metadata } from 'next';
import Link from 'next/link';
import { AgreementPanel } from '@/components/literature/agreement-panel';
import { IntakeUpload } from '@/components/literature/intake-upload';
import { PrismaFigure } from '@/components/literature/prisma-figure';
import { QueueLinks } from '@/components/literature/queue-links';
import { SuggestPaperForm } from '@/components/literature/suggest-paper-form';
import { Alert } from '@/components/ui/alert';
import { getDb } from '@/db';
import { queueCounts, screeningAgreement } from '@/db/queries/literature-stats';
import { literaturePrismaCounts } from '@/db/queries/prisma';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: 'Literature' };
export const dynamic = 'force-dynamic';

function batchOf(raw: string | string[] | undefined): number | null | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  return typeof raw === 'string' && Number.isInteger(n) && n > 0 ? n : null;
}

export default async function LiteraturePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireRole('curator', '/literature');
  const batch = batchOf((await searchParams).batch);
  const db = await getDb();
  const [counts, agreement, queues] = await Promise.all([
    literaturePrismaCounts(db, { batchId: batch ?? undefined }),
    screeningAgreement(db),
    queueCounts(db, user.id),
  ]);
  return (
    <section aria-labelledby="literature-title" className="stack">
      <h1 id="literature-title">Literature</h1>
      <p className="muted">
        New papers arrive from uploaded bibliographies, saved Europe PMC searches and suggestions. Duplicates are
        merged, the rest are screened, and included papers become sources for curators.
      </p>
      <QueueLinks counts={queues} />
      <Link href="/literature/searches">Saved Europe PMC searches: create, schedule, run now</Link>
      <h2>Upload records</h2>
      <IntakeUpload />
      <h2>Suggest a paper</h2>
      <SuggestPaperForm />
      <h2 id="prisma-title">PRISMA 2020 flow</h2>
      {batch === null && <Alert tone="info">That upload number was not understood; showing the whole flow.</Alert>}
      {batch && (
        <p>
          The flow of upload {batch} only. <Link href="/literature">Show the whole flow</Link>
        </p>
      )}
      <PrismaFigure counts={counts} batchId={batch ?? undefined} />
      <h2>Screening agreement</h2>
      <AgreementPanel k={agreement} />
    </section>
  );
}
