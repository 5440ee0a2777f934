import { createDb } from './client';
import { migrateWith, migrationState, withMigrationLock } from './migrate-lib';
import { countFindingsUsingObsoleteTerms, obsoleteUsesNotice } from './queries/obsolete-uses';
import { describeVocabLoad, loadVocabularies } from './vocab-load';

const handle = await createDb({ max: 1 });
try {
  // Migrations and the vocabulary load under one lock (db/migrate-lib.ts): processes started at once (the
  // systemd unit's ExecStartPre on several machines) take turns, and only the first has work to do.
  const vocab = await withMigrationLock(handle, async (db) => {
    await migrateWith(handle.engine, db);
    const started = performance.now();
    const report = await loadVocabularies(db);
    return { report, ms: Math.round(performance.now() - started) };
  });
  const state = await migrationState(handle);
  console.log(
    `migrated (${handle.engine}): ${state.applied}/${state.available} migrations applied, latest ${state.latest}`,
  );
  for (const line of describeVocabLoad(vocab.report)) console.log(line);
  console.log(`vocabularies checked in ${vocab.ms} ms`);
  const notice = obsoleteUsesNotice(await countFindingsUsingObsoleteTerms(handle.db));
  if (notice) console.log(notice);
} finally {
  await handle.close();
}
