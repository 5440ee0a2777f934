import { createDb } from './client';
import { migrationState, runMigrations } from './migrate-lib';
import { countFindingsUsingObsoleteTerms, obsoleteUsesNotice } from './queries/obsolete-uses';
import { describeVocabLoad, loadVocabularies } from './vocab-load';

const handle = await createDb({ max: 1 });
try {
  await runMigrations(handle);
  const state = await migrationState(handle);
  console.log(
    `migrated (${handle.engine}): ${state.applied}/${state.available} migrations applied, latest ${state.latest}`,
  );
  const started = performance.now();
  const vocab = await loadVocabularies(handle.db);
  for (const line of describeVocabLoad(vocab)) console.log(line);
  console.log(`vocabularies checked in ${Math.round(performance.now() - started)} ms`);
  const notice = obsoleteUsesNotice(await countFindingsUsingObsoleteTerms(handle.db));
  if (notice) console.log(notice);
} finally {
  await handle.close();
}
