import type { Metadata } from 'next';
import { requireRole } from '@/server/session';
import { JobRunsTable, JobsHelp, SearchRunsTable } from '@/components/literature/job-runs-table';
import { getDb } from '@/db';
import { listRecentJobRuns } from '@/db/queries/jobs';
import { listRecentSearchRuns } from '@/db/queries/saved-searches';

export const metadata: Metadata = { title: 'Scheduled jobs' };
export const dynamic = 'force-dynamic';

export default async function JobsPage() {
  await requireRole('admin', '/admin/jobs');
  const db = await getDb();
  const [jobs, searches] = await Promise.all([listRecentJobRuns(db, 50), listRecentSearchRuns(db, 50)]);
  return (
    <section aria-labelledby="jobs-title">
      <h1 id="jobs-title">Scheduled jobs</h1>
      <JobsHelp />
      <h2>Job runs</h2>
      <JobRunsTable runs={jobs} />
      <h2>Saved search runs</h2>
      <SearchRunsTable runs={searches} />
    </section>
  );
}
