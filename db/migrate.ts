import { createDb } from './client';
import { migrationState, runMigrations } from './migrate-lib';
import { loadVocabularies } from './vocab-load';

const handle = await createDb({ max: 1 });
try {
  await runMigrations(handle);
  const state = await migrationState(handle);
  console.log(
    `migrated (${handle.engine}): ${state.applied}/${state.available} migrations applied, latest ${state.latest}`,
  );
  const started = performance.now();
  const vocab = await loadVocabularies(handle.db);
  const loaded = vocab.filter((v) => v.status === 'loaded');
  console.log(
    `vocabularies: ${loaded.length ? loaded.map((v) => `${v.vocab} ${v.version} (${v.terms} terms${v.obsoleted ? `, ${v.obsoleted} now obsolete` : ''})`).join('; ') : 'all up to date'} in ${Math.round(performance.now() - started)} ms`,
  );
} finally {
  await handle.close();
}
