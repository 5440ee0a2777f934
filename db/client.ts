import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import * as schema from './schema';
import { env } from '../server/env';

/** The drizzle database both engines give us; queries are written against this. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle has the same query surface. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Engine = 'pglite' | 'postgres';

export type DbHandle = {
  db: Db;
  engine: Engine;
  /** Plain SQL, returning rows, on either engine (for tests, health and benchmarks). */
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  /**
   * PostgreSQL server only: run `COPY (…) TO STDOUT` and stream its output, with backpressure.
   * Each runs on a connection of its own, at most EXPORT_CONCURRENCY (default 4) at once (the
   * next waits): long downloads never take the pages' pool. Ending the iteration early ends
   * the COPY on the server.
   */
  copyOut?: (copySql: string) => AsyncIterable<Uint8Array>;
  close: () => Promise<void>;
};

export type DbOptions = {
  /** A PostgreSQL URL; without one the embedded PGlite is used. */
  url?: string;
  /** PGlite's data directory; 'memory://' keeps it in memory. */
  dataDir?: string;
  /** postgres.js pool size. */
  max?: number;
  /** PGlite: start from this dump of a data directory (tests clone a migrated template this way). */
  loadDataDir?: Blob;
};

/**
 * PGlite's buffer pool. PostgreSQL's default, 128 MB, is all written at start in PGlite's wasm heap: 128 MB
 * resident before the first query (scripts/bench/memory.ts). A page the pool does not hold is read from the
 * data folder's file, which the OS caches, so a smaller pool costs a copy rather than a disk read; 32 MB
 * holds what the browse pages touch at 20,000 findings (28 MB, counted with pg_buffercache).
 */
const PGLITE_SHARED_BUFFERS = '32MB';

export function defaultDataDir(): string {
  return env().PGLITE_DATA_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}

export async function createDb(opts: DbOptions = {}): Promise<DbHandle> {
  const url = opts.url ?? env().DATABASE_URL;
  if (url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client: Sql = postgres(url, {
      max: opts.max ?? env().DATABASE_POOL_MAX,
      onnotice: () => {},
      // JIT compiling pays off for long analytic queries, not for ours: it cost ~0.7 s on every
      // 5,000-row export batch at a million findings (the batch itself takes ~60 ms).
      // Every statement is planned for its own values (plan_cache_mode), so prepared statements — one round trip
      // per call instead of two (db/queries/statement.ts, browse-page.ts) — never fall back to a generic plan that
      // ignores them (a rare term's page would scan the common term's index).
      connection: { application_name: 'ev-crosstalk-curator', jit: 'off', plan_cache_mode: 'force_custom_plan' },
    });
    const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
    const exportSlots = slots(env().EXPORT_CONCURRENCY);
    return {
      db,
      engine: 'postgres',
      query: async <T>(text: string, params: unknown[] = []) =>
        (await client.unsafe(text, params as never[])) as unknown as T[],
      copyOut: async function* (copySql: string) {
        await exportSlots.acquire();
        // A connection of its own, closed afterwards: postgres.js can leave a pooled connection
        // paused after a COPY stream (its issue #499), and the next query on it would hang.
        // COPY takes no bind parameters, so its filter values are inlined as literals (db/queries/export.ts):
        // standard_conforming_strings is set here rather than trusted from the server's configuration.
        const conn = postgres(url, {
          max: 1,
          onnotice: () => {},
          connection: {
            application_name: 'ev-crosstalk-curator-export',
            jit: 'off',
            standard_conforming_strings: 'on',
          },
        });
        let it: AsyncIterator<Uint8Array> | null = null;
        let finished = false;
        let pid: number | null = null;
        try {
          pid = Number((await conn`select pg_backend_pid() as pid`)[0]!.pid);
          const stream = await conn.unsafe(copySql).readable();
          it = (stream as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
          for (;;) {
            const r = await it.next();
            if (r.done) break;
            yield r.value;
          }
          finished = true;
        } finally {
          if (!finished && it && pid !== null) {
            // Stopped early (the client went away, or an error): end the COPY on the server, then
            // read what is left in the socket until it closes, so nothing is left open on either side.
            await client`select pg_terminate_backend(${pid})`.catch(() => {});
            try {
              while (!(await it.next()).done);
            } catch {
              // the connection closed, as asked
            }
          }
          await conn.end({ timeout: 1 }).catch(() => {});
          exportSlots.release();
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dataDir = opts.dataDir ?? defaultDataDir();
  if (!dataDir.startsWith('memory://')) {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dataDir, { recursive: true });
  }
  const client: PGlite = await PGlite.create(dataDir, {
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    close: () => client.close(),
  };
}

/** At most `n` holders at once; the others wait in order. */
function slots(n: number) {
  let free = Math.max(1, n);
  const waiting: (() => void)[] = [];
  return {
    acquire: () => (free > 0 ? (free--, Promise.resolve()) : new Promise<void>((r) => waiting.push(r))),
    release: () => {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}
