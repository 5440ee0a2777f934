import { createDb } from './client';
import { demoPassword, isDemoMode } from './demo';
import { formatGroundingReport } from './grounding';
import { seedDatabase } from './seed-lib';

const handle = await createDb({ max: 1 });
try {
  const password = isDemoMode() ? demoPassword() : undefined;
  const report = await seedDatabase(handle.db, { demoPassword: password });
  console.log(
    `seeded (${handle.engine}): ${report.sourcesAdded} sources, ${report.findingsAdded} findings, ${report.demoAccountsAdded} demo accounts added`,
  );
  if (report.grounding) console.log(formatGroundingReport(report.grounding));
  if (!password) console.log('demo accounts not created (set EVX_DEMO=1 outside production to create them)');
} finally {
  await handle.close();
}
