/** A fresh database on the PostgreSQL server for the multi-process test, set up the way a deployment is. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createDb, type DbHandle } from '../../db/client';
import { seedDatabase } from '../../db/seed-lib';

const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

function migrateOnce(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const child = spawn(tsx, ['db/migrate.ts'], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`db:migrate failed (${code}):\n${out}`))));
  });
}

export type TestDatabase = { url: string; handle: DbHandle; drop: () => Promise<void> };

/**
 * Create `evx_mp_…`, run `db:migrate` twice at once on it (two processes deploying together: the advisory lock
 * makes them take turns), then seed the demo accounts with `password`.
 */
export async function freshDatabase(baseUrl: string, password: string): Promise<TestDatabase> {
  const admin = await createDb({ url: baseUrl, max: 1 });
  const name = `evx_mp_${process.pid}_${Date.now().toString(36)}`;
  await admin.query(`create database ${name}`);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const drop = async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.close();
  };
  try {
    await Promise.all([migrateOnce(url), migrateOnce(url)]);
    const handle = await createDb({ url, max: 4 });
    await seedDatabase(handle.db, { demoPassword: password });
    return {
      url,
      handle,
      drop: async () => {
        await handle.close();
        await drop();
      },
    };
  } catch (e) {
    await drop();
    throw e;
  }
}
