/**
 * What the source-text route tests share: the route kit (a seeded database getDb() answers with), a fresh source,
 * a read-write token of the demo curator, and counts of what a refused request must not leave behind.
 */
import type { Engine } from '@/db/client';
import { createApiToken } from '@/db/queries/api-tokens';
import { countOf, type TestDb, userIdByEmail } from '@/db/test-utils';
import { createApiTokenSchema } from '@/lib/auth/api-tokens';
import { openRouteKit } from '@/app/api/route-test-kit';

export type TextRouteKit = {
  t: TestDb;
  sourceId: number;
  /** The curator's read-only token (signed in, but may not write). */
  readToken: string;
  writeToken: string;
  /** Snapshot rows and `source.snapshot` audit events of a source. */
  stored: (sourceId?: number) => Promise<{ rows: number; events: number }>;
  dispose: () => Promise<void>;
};

export async function openTextRouteKit(engine: Engine, doi: string): Promise<TextRouteKit> {
  const { t, token, dispose } = await openRouteKit(engine, 'source text read');
  const curatorId = await userIdByEmail(t, 'curator@example.org');
  const input = createApiTokenSchema.parse({ name: 'source text write', scope: 'write', expiresInDays: 1 });
  const writeToken = (await createApiToken(t.db, curatorId, input)).token;
  const [src] = await t.query<{ id: number }>(
    `insert into sources (doi, title, metadata_origin) values ($1, 'A source for text tests', 'manual') returning id`,
    [doi],
  );
  const sourceId = src!.id;
  const stored = async (id = sourceId) => ({
    rows: await countOf(t, `select count(*)::int as n from source_texts where source_id = $1`, [id]),
    events: await countOf(
      t,
      `select count(*)::int as n from audit_events where action = 'source.snapshot' and entity_id = $1`,
      [id],
    ),
  });
  return { t, sourceId, readToken: token, writeToken, stored, dispose };
}

/** A request body that makes its bytes only when read (64 KiB at a time), counting in `progress.pulled` how many. */
export function lazyBody(total: number, progress = { pulled: 0 }): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x25);
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (progress.pulled >= total) return controller.close();
      const n = Math.min(chunk.byteLength, total - progress.pulled);
      progress.pulled += n;
      controller.enqueue(chunk.slice(0, n));
    },
  });
}

/**
 * Resident set growth in MB while `fn` runs: the highest RSS seen (sampled every few milliseconds, and at the end)
 * minus the RSS before. A sample can only be taken while `fn` awaits, which every request handler does.
 */
export async function rssGrowthMb<T>(fn: () => Promise<T>): Promise<{ value: T; mb: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sample = () => void (peak = Math.max(peak, process.memoryUsage.rss()));
  const timer = setInterval(sample, 2);
  try {
    const value = await fn();
    sample();
    return { value, mb: (peak - before) / (1024 * 1024) };
  } finally {
    clearInterval(timer);
  }
}

export type ErrorJson = { error: string; message: string; fields?: Record<string, string> };
