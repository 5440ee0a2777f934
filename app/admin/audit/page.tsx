import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/server/session';
import { AuditFiltersForm } from '@/components/admin/audit-filters';
import { AuditTable } from '@/components/admin/audit-table';
import { getDb } from '@/db';
import { countAuditEvents, listAuditActions, listAuditEvents } from '@/db/queries/audit-log';
import { AUDIT_PAGE_SIZE, auditQueryString, parseAuditQuery } from '@/lib/audit/filters';
import { Alert } from '@/components/ui/alert';

export const metadata: Metadata = { title: 'Audit log' };
export const dynamic = 'force-dynamic';

export default async function AuditPage({ searchParams }: PageProps<'/admin/audit'>) {
  await requireRole('admin', '/admin/audit');
  const query = parseAuditQuery(await searchParams);
  const db = await getDb();
  const actions = await listAuditActions(db);

  if (!query.ok) {
    const { before, ...fieldErrors } = query.errors;
    return (
      <section aria-labelledby="audit-title">
        <h1 id="audit-title">Audit log</h1>
        <Alert testId="audit-error">
          {before ?? 'Some filters need attention; fix them and filter again.'}{' '}
          <Link href="/admin/audit">Show the newest events</Link>
        </Alert>
        <AuditFiltersForm values={query.raw} errors={fieldErrors} actions={actions} />
      </section>
    );
  }

  const { filters, cursor } = query;
  const [page, total] = await Promise.all([
    listAuditEvents(db, filters, cursor, AUDIT_PAGE_SIZE),
    countAuditEvents(db, filters),
  ]);
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <AuditFiltersForm values={filters} errors={{}} actions={actions} />
      <p style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <span className="muted" data-testid="audit-count">
          {total.toLocaleString('en')} matching {total === 1 ? 'event' : 'events'}
        </span>
        {/* A plain link: a route handler, not a page to prefetch. */}
        <a href={`/admin/audit/export${auditQueryString(filters)}`} className="btn" download>
          Download CSV
        </a>
      </p>
      {page.events.length ? (
        <AuditTable events={page.events} />
      ) : (
        <p className="empty">{cursor ? 'No older events.' : 'No events match these filters.'}</p>
      )}
      <nav aria-label="Audit log pages" style={{ display: 'flex', gap: '1rem', marginTop: '0.75rem' }}>
        {cursor && <Link href={`/admin/audit${auditQueryString(filters)}`}>« Newest</Link>}
        {page.next && <Link href={`/admin/audit${auditQueryString(filters, page.next)}`}>Older »</Link>}
      </nav>
    </section>
  );
}
