/**
 * Test database templates: one PGlite data directory dump and one server database per test run, migrated
 * and with the vocabularies loaded (31,650 terms take seconds; a test database is a copy of them instead).
 * db/test-global-setup.ts makes both before the workers start and drops them after; a worker started
 * without that setup (a single file run by hand) makes its own on first use.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDb, type DbHandle } from './client';
import { runMigrations } from './migrate-lib';
import { loadVocabularies } from './vocab-load';

async function prepare(handle: DbHandle): Promise<void> {
  await runMigrations(handle);
  await loadVocabularies(handle.db);
}

export function pgliteTemplatePath(run: string): string {
  return path.join(os.tmpdir(), `evx-test-template-${run}.tar`);
}

export function serverTemplateName(run: string): string {
  return `evx_tpl_${run}`;
}

/** Write the PGlite template dump for this run. */
export async function makePgliteTemplate(run: string): Promise<void> {
  const handle = await createDb({ url: '', dataDir: 'memory://' });
  try {
    await prepare(handle);
    const client = (handle.db as unknown as { $client: { dumpDataDir: (c: 'none') => Promise<Blob> } }).$client;
    const blob = await client.dumpDataDir('none');
    const file = pgliteTemplatePath(run);
    await writeFile(`${file}.partial`, Buffer.from(await blob.arrayBuffer()));
    const { rename } = await import('node:fs/promises');
    await rename(`${file}.partial`, file);
  } finally {
    await handle.close();
  }
}

/** The PGlite template dump for this run, made here first when the global setup did not. */
export async function readPgliteTemplate(run: string): Promise<Blob> {
  const file = pgliteTemplatePath(run);
  if (!existsSync(file)) await makePgliteTemplate(run);
  return new Blob([await readFile(file)]);
}

/** Create the server template database for this run (no connection is left open on it). */
export async function makeServerTemplate(base: string, run: string): Promise<string> {
  const name = serverTemplateName(run);
  const admin = await createDb({ url: base, max: 1 });
  try {
    const exists = await admin.query(`select 1 from pg_database where datname = $1`, [name]);
    if (exists.length) return name;
    await admin.query(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const handle = await createDb({ url: url.toString(), max: 1 });
    try {
      await prepare(handle);
    } finally {
      await handle.close();
    }
    return name;
  } finally {
    await admin.close();
  }
}

export async function dropTemplates(base: string | undefined, run: string): Promise<void> {
  await rm(pgliteTemplatePath(run), { force: true });
  if (!base) return;
  const admin = await createDb({ url: base, max: 1 });
  try {
    await admin.query(`drop database if exists ${serverTemplateName(run)} with (force)`);
  } finally {
    await admin.close();
  }
}
