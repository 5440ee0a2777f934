import type { Metadata } from 'next';
import { RequestStatusFilter } from '@/components/terms/request-status-filter';
import { TermRequestForm } from '@/components/terms/term-request-form';
import { TermRequestList } from '@/components/terms/term-request-list';
import { getDb } from '@/db';
import { listTermRequests } from '@/db/queries/term-requests';
import { hasRole } from '@/lib/auth/roles';
import { parseStatusFilter } from '@/lib/vocab/term-request-schema';
import { requireUser } from '@/server/session';

export const metadata: Metadata = { title: 'Term requests' };
export const dynamic = 'force-dynamic';

export default async function TermRequestsPage({ searchParams }: PageProps<'/terms/requests'>) {
  const me = await requireUser('/terms/requests');
  const status = parseStatusFilter((await searchParams).status);
  const requests = await listTermRequests(await getDb(), status);
  return (
    <section aria-labelledby="term-requests-title">
      <h1 id="term-requests-title">Term requests</h1>
      <p className="muted">
        When no term of the vocabularies fits a value, keep the text (it shows as ungrounded) and request a term. An
        admin accepts it as a local term (EVXT:…), maps the text to an existing term, or declines it; then the findings
        using that text can be grounded, each as a revision that goes to review.
      </p>
      <RequestStatusFilter status={status} />
      <TermRequestList requests={requests} status={status} isAdmin={hasRole(me.role, 'admin')} />
      <h2 id="request-term-title">Request a term</h2>
      <TermRequestForm />
    </section>
  );
}
