/**
 * `npm run jobs [-- --only searches|retractions]`: the scheduled work of issue 13 — saved searches whose schedule
 * is due, and the Crossref retraction/correction check of sources not checked in the last 7 days. Each job is
 * logged in job_runs (see /admin/jobs). Exits 1 when a job failed, 2 on bad arguments. Run it from cron or a
 * systemd timer (README, "Scheduled jobs"; deploy/evx-jobs.service and evx-jobs.timer).
 */
import { parseArgs } from 'node:util';
import { createDb } from '../db/client';
import { JOBS, type JobName, runJobs } from '../db/queries/jobs';
import { literatureClients } from '../server/literature-clients';

const { values } = parseArgs({ options: { only: { type: 'string' } } });
if (values.only !== undefined && !JOBS.includes(values.only as JobName)) {
  console.error(`--only takes one of: ${JOBS.join(', ')}`);
  process.exit(2);
}
const handle = await createDb({ max: 2 });
try {
  const { ok, reports } = await runJobs(handle.db, literatureClients(), { only: values.only as JobName | undefined });
  for (const r of reports) console.log(`${r.job} (run ${r.id}): ${r.status} — ${r.message}`);
  if (!ok) process.exitCode = 1;
} finally {
  await handle.close();
}
