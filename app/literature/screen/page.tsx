import type { Metadata } from 'next';
import Link from 'next/link';
import { RecordView } from '@/components/screening/record-view';
import { ScreeningDesk } from '@/components/screening/screening-desk';
import { Alert } from '@/components/ui/alert';
import { getDb } from '@/db';
import { listExclusionReasons } from '@/db/queries/exclusion-reasons';
import { screeningQueue } from '@/db/queries/screening';
import { screeningLeft } from '@/db/queries/screening-view';
import { getSettings } from '@/db/queries/settings';
import { idCursorOf } from '@/lib/screening/schema';
import { recordMentions } from '@/server/screening-highlights';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: 'Screen records' };
export const dynamic = 'force-dynamic';

const MODE_TEXT = {
  single: 'Single screening: one screener’s decision settles a record.',
  dual: 'Dual screening, blinded: a second screener decides independently.',
} as const;

/**
 * One record at a time, the first of the viewer's queue (or the first after `?after=`, to skip). Blind: nothing
 * here says whether or how anyone else decided the record.
 */
export default async function ScreenPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireRole('curator', '/literature/screen');
  const after = idCursorOf((await searchParams).after);
  const db = await getDb();
  const [{ screeningMode }, [rec], left, reasons] = await Promise.all([
    getSettings(db),
    screeningQueue(db, user.id, { after: after ?? undefined, limit: 1 }),
    screeningLeft(db, user.id),
    listExclusionReasons(db, { activeOnly: true }),
  ]);
  const mentions = rec ? await recordMentions(db, rec) : null;
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">Screen records</h1>
      <p className="muted" data-testid="screening-mode">
        {MODE_TEXT[screeningMode]}
      </p>
      {after === null && <Alert tone="info">That page address was not understood; showing the first record.</Alert>}
      <p data-testid="screening-left">
        {left === 0
          ? 'No record waits for you.'
          : `${left.toLocaleString('en')} record${left === 1 ? '' : 's'} to screen.`}
      </p>
      <ScreeningDesk
        candidateId={rec?.id ?? null}
        reasons={reasons.map((r) => ({ id: r.id, label: r.label }))}
        left={left}
      >
        {rec && mentions ? (
          <RecordView rec={{ ...rec, pmid: rec.pmid ?? null }} mentions={mentions} />
        ) : left > 0 && after ? (
          <div className="empty" data-testid="screening-empty">
            <p>No more records after the ones you skipped.</p>
            <p>
              <Link href="/literature/screen">Start again from the first record</Link>
            </p>
          </div>
        ) : (
          <div className="empty" data-testid="screening-empty">
            <p>Nothing left to screen.</p>
            <p>
              Records in conflict go to a third screener: see <Link href="/literature/conflicts">conflicts</Link>.
            </p>
          </div>
        )}
      </ScreeningDesk>
    </section>
  );
}
