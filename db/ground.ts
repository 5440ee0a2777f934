/**
 * `npm run db:ground`: ground the text of the configured database's approved findings in the
 * vocabularies (db/grounding.ts) and print the report. Safe to run again: it changes nothing twice.
 */
import { createDb } from './client';
import { formatGroundingReport, groundFindings } from './grounding';

const handle = await createDb({ max: 1 });
try {
  const report = await groundFindings(handle.db);
  console.log(`grounded (${handle.engine}):`);
  console.log(formatGroundingReport(report));
} finally {
  await handle.close();
}
