import { createDb } from './client';
import { migrationState, runMigrations } from './migrate-lib';

const handle = await createDb({ max: 1 });
try {
  await runMigrations(handle);
  const state = await migrationState(handle);
  console.log(
    `migrated (${handle.engine}): ${state.applied}/${state.available} migrations applied, latest ${state.latest}`,
  );
} finally {
  await handle.close();
}
