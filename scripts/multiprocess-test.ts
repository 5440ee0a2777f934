/**
 * Many processes, one database: two `next start` processes (an existing production build, NEXT_DIST_DIR) on one
 * fresh PostgreSQL database behind a round-robin proxy (scripts/multiprocess/). A session made on one process
 * works on the other; 64 concurrent edits spread over both get exactly one success per lock version and
 * conflicts for the rest, with nothing lost; sign-in limits and notifications hold across processes.
 *
 *   NEXT_DIST_DIR=.next-test DATABASE_URL=postgres://… npx tsx scripts/multiprocess-test.ts
 *
 * The database server: TEST_DATABASE_URL, else DATABASE_URL. Prints one line per check and `N passed, N failed`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startCluster } from './multiprocess/cluster';
import { freshDatabase } from './multiprocess/database';
import { checkHealth, checkNotifications, checkSessions, checkSignInLimits } from './multiprocess/checks';
import { checkEdits } from './multiprocess/edits';

const PASSWORD = 'multiprocess-test-password';

async function main(): Promise<number> {
  const distDir = process.env.NEXT_DIST_DIR;
  const baseUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!distDir || !existsSync(path.join(process.cwd(), distDir, 'BUILD_ID')))
    throw new Error(`NEXT_DIST_DIR must name an existing production build (got ${distDir ?? 'nothing'})`);
  if (!baseUrl) throw new Error('needs a PostgreSQL server: set TEST_DATABASE_URL or DATABASE_URL');
  const results: boolean[] = [];
  const db = await freshDatabase(baseUrl, PASSWORD);
  try {
    // Two trusted hops: the test's clients stand in for an edge proxy (their X-Forwarded-For names the client),
    // the round-robin proxy appends the peer address.
    const cluster = await startCluster({
      databaseUrl: db.url,
      distDir,
      processes: 2,
      parentEnv: process.env,
      env: { TRUSTED_PROXY_HOPS: '2' },
    });
    try {
      const ctx = { cluster, db: db.handle, password: PASSWORD };
      for (const check of [checkHealth, checkSessions, checkEdits, checkSignInLimits, checkNotifications]) {
        try {
          for (const line of await check(ctx)) console.log(`ok    ${line}`);
          results.push(true);
        } catch (e) {
          console.log(`FAIL  ${check.name}: ${(e as Error).message}`);
          results.push(false);
        }
      }
    } finally {
      await cluster.stop();
    }
  } finally {
    await db.drop();
  }
  const failed = results.filter((r) => !r).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed;
}

main().then(
  (failed) => process.exit(failed ? 1 : 0),
  (e) => {
    console.error(e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
