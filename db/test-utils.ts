/**
 * Test helpers, one naming scheme for db/, lib/ and e2e/:
 * - Files: this module is the base every database test starts from. Helpers shared by the tests of one area live
 *   beside them in `<area>-test-kit.ts`; a test file split by theme is `<area>-<theme>.test.ts` over that kit.
 *   e2e/fixtures.ts keeps Playwright's own name for the same thing.
 * - `open…` gives something the caller disposes: `openTestDb`, `openSeededDb`, `open<Area>Kit` (a database as `t`
 *   plus the area's helpers).
 * - `make…` builds a plain value without touching a database: `makeContent`, `makeExportRow`, `makeImportRows`.
 * - `given…` writes a precondition into the database and returns what it made: `givenSubmitted`.
 * - `expect…` asserts; a helper that only reads is named for what it returns: `countOf`, `failure`, `domainFailure`.
 */
import { randomBytes } from 'node:crypto';
import { type BrowseQuery, parseBrowseQuery } from '../lib/browse/filters';
import { DomainError } from '../lib/errors';
import { createDb, type DbHandle, type Engine } from './client';
import { type Actor, createFinding, submitFinding } from './queries/curation';
import { decide } from './queries/review';
import { seedDatabase } from './seed-lib';
import { testDatabaseUrl, testRunId } from '../server/env';
import { makeServerTemplate, readPgliteTemplate } from './test-templates';

/**
 * The engines integration tests run on: always PGlite (in memory); the
 * PostgreSQL server too when TEST_DATABASE_URL or DATABASE_URL is set.
 */
export function testEngines(): Engine[] {
  return serverUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

function serverUrl(): string | undefined {
  return testDatabaseUrl();
}

export type TestDb = DbHandle & { dispose: () => Promise<void> };

let pgliteTemplate: Promise<Blob> | null = null;
let serverTemplate: Promise<string> | null = null;

/** A fresh database on the given engine, migrated and with the vocabularies loaded; dispose() drops it. */
export async function openTestDb(engine: Engine, opts: { max?: number } = {}): Promise<TestDb> {
  if (engine === 'pglite') {
    pgliteTemplate ??= readPgliteTemplate(testRunId());
    const handle = await createDb({ url: '', dataDir: 'memory://', loadDataDir: await pgliteTemplate });
    return { ...handle, dispose: () => handle.close() };
  }
  const base = serverUrl();
  if (!base) throw new Error('no PostgreSQL server configured');
  serverTemplate ??= makeServerTemplate(base, testRunId());
  const template = await serverTemplate;
  const name = `evx_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await createDb({ url: base, max: 1 });
  await admin.query(`create database ${name} template ${template}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await createDb({ url: url.toString(), max: opts.max ?? 10 });
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

/** The password the seed gives its demo accounts in tests. */
export const DEMO_PASSWORD = 'test-password-123';

/** The seed's demo people, as the queries take them. */
export type DemoActors = { curator: Actor; reviewer: Actor; reviewer2: Actor; admin: Actor };

/** A fresh database with the seed, its demo accounts included, and those accounts as actors; `t.dispose()` drops it. */
export async function openSeededDb(engine: Engine): Promise<{ t: TestDb } & DemoActors> {
  const t = await openTestDb(engine);
  await seedDatabase(t.db, { demoPassword: DEMO_PASSWORD });
  return {
    t,
    curator: { id: await userIdByEmail(t, 'curator@example.org'), role: 'curator' },
    reviewer: { id: await userIdByEmail(t, 'reviewer@example.org'), role: 'reviewer' },
    reviewer2: { id: await userIdByEmail(t, 'reviewer2@example.org'), role: 'reviewer' },
    admin: { id: await userIdByEmail(t, 'admin@example.org'), role: 'admin' },
  };
}

export async function userIdByEmail(t: TestDb, email: string): Promise<number> {
  return (await t.query<{ id: number }>(`select id from users where email = $1`, [email]))[0]!.id;
}

/** The number a `select count(*) … as n` statement returns. */
export async function countOf(t: TestDb, text: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.query<{ n: number }>(text, params);
  return Number(row!.n);
}

export const BONE = 'UBERON:0001474';
export const MOUSE = 'NCBITaxon:10090';

/** A valid finding's content (as a form would send it), with overrides. */
export const makeContent = (over: Record<string, unknown> = {}) => ({
  targetOrgan: BONE,
  direction: 'muscle_to_organ',
  species: MOUSE,
  evSource: 'C2C12 cells',
  cargo: [
    { name: 'MIR-133A', type: 'miRNA' },
    { name: 'CD63', type: 'protein' },
  ],
  recipientCell: 'BMSCs',
  result: 'Muscle EVs promote osteogenic differentiation.',
  ...over,
});

/** A browse query from URL parameters; throws on parameters the parser refuses. */
export function makeBrowseQuery(params: Record<string, string>): BrowseQuery {
  const r = parseBrowseQuery(params);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.query;
}

/** The error a call or statement fails with; fails the test when it succeeds. */
export async function failure(p: PromiseLike<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** The DomainError a call fails with; fails the test when it succeeds or throws anything else. */
export async function domainFailure(p: PromiseLike<unknown>): Promise<DomainError> {
  const e = await failure(p);
  if (e instanceof DomainError) return e;
  throw e;
}

/** A finding created, submitted and approved by one reviewer: the create → submit → approve the test kits share. */
export async function approveFinding(
  t: TestDb,
  people: { curator: Actor; reviewer: Actor },
  input: { sourceId: number; content: Record<string, unknown> },
): Promise<{ findingId: number; publicId: string }> {
  const f = await createFinding(t.db, people.curator, {
    sourceId: input.sourceId,
    content: makeContent(input.content),
  });
  const s = await submitFinding(t.db, people.curator, { findingId: f.findingId, lockVersion: 0 });
  await decide(t.db, people.reviewer, {
    findingId: f.findingId,
    revisionNo: 1,
    lockVersion: s.lockVersion,
    decision: 'approve',
    comment: '',
  });
  return f;
}
