import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../server/env';
import { createDb, type DbHandle } from './client';
import { MIGRATIONS_FOLDER, migrationState, runMigrations, withMigrationLock } from './migrate-lib';
import { testEngines } from './test-utils';

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};

// PGlite is one process with one connection: the lock is the server's concern only.
describe.runIf(testEngines().includes('postgres'))('migrations under the advisory lock on the server', () => {
  const opened: DbHandle[] = [];
  let admin: DbHandle | null = null;
  let name = '';

  /** A fresh, empty database (no template: nothing migrated yet) and `n` handles of their own pools on it. */
  async function freshDatabase(n: number): Promise<DbHandle[]> {
    const base = testDatabaseUrl()!;
    admin = await createDb({ url: base, max: 1 });
    name = `evx_migrate_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    for (let i = 0; i < n; i++) opened.push(await createDb({ url: url.toString(), max: 1 }));
    return opened.slice();
  }

  afterEach(async () => {
    for (const h of opened.splice(0)) await h.close();
    if (admin) {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
      admin = null;
    }
  });

  it('two runs started at once on a fresh database both succeed and apply each migration once', async () => {
    const [a, b] = await freshDatabase(2);
    const results = await Promise.allSettled([runMigrations(a!), runMigrations(b!)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const [row] = await a!.query<{ n: number; hashes: number }>(
      'select count(*)::int as n, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations',
    );
    expect(row).toEqual({ n: journal.entries.length, hashes: journal.entries.length });
    expect(await migrationState(b!)).toMatchObject({ upToDate: true, applied: journal.entries.length });
    // The lock is let go: nobody holds it afterwards.
    const held = await a!.query(`select 1 from pg_locks where locktype = 'advisory' and database = (
      select oid from pg_database where datname = current_database())`);
    expect(held).toHaveLength(0);
  });

  it('a second run waits on the lock while the first holds it, then finds nothing to do', async () => {
    const [a, b, watcher] = await freshDatabase(3);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    const first = withMigrationLock(a!, async () => {
      holding();
      await gate;
    });
    await held;
    let secondDone = false;
    const second = runMigrations(b!).then(() => (secondDone = true));
    // Wait until the second run is blocked on the advisory lock (a waiting, ungranted lock of that kind).
    const waiting = async () =>
      (
        await watcher!.query<{ n: number }>(
          `select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`,
        )
      )[0]!.n;
    for (let i = 0; i < 200 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await waiting()).toBe(1);
    expect(secondDone).toBe(false);
    expect((await migrationState(watcher!)).applied).toBe(0);
    release();
    await first;
    await second;
    expect(await migrationState(watcher!)).toMatchObject({ upToDate: true, applied: journal.entries.length });
  });

  it('a failing run lets go of the lock, and the pool keeps working', async () => {
    const [a, b] = await freshDatabase(2);
    await expect(
      withMigrationLock(a!, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await runMigrations(b!);
    expect((await a!.query<{ ok: number }>('select 1 as ok'))[0]!.ok).toBe(1);
    expect((await migrationState(a!)).upToDate).toBe(true);
  });
});
