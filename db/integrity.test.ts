import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../lib/auth/password';
import type { CargoItem } from '../lib/finding/schema';
import { APPEND_ONLY, FROZEN_REVISION, sqlState } from './errors';
import { recordAudit } from './queries/audit';
import { auditEvents, findingRevisions, reviews } from './schema';
import { DEMO_ACCOUNTS, IMPORT_USER_EMAIL, seedDatabase, type SeedReport, TABLE1_FILE } from './seed-lib';
import { openTestDb, type TestDb, testEngines } from './test-utils';

const DEMO_PASSWORD = 'test-password-123';
const SEEDED_FINDINGS = 33;
const SEEDED_SOURCES = 104;

type Counts = {
  users: number;
  sources: number;
  findings: number;
  approved: number;
  revisions: number;
  reviews: number;
  audit: number;
};

async function counts(t: TestDb): Promise<Counts> {
  const [row] = await t.query<Counts>(`
    select
      (select count(*)::int from users) as users,
      (select count(*)::int from sources) as sources,
      (select count(*)::int from findings) as findings,
      (select count(*)::int from findings where status = 'approved' and approved_revision_id is not null) as approved,
      (select count(*)::int from finding_revisions) as revisions,
      (select count(*)::int from reviews) as reviews,
      (select count(*)::int from audit_events) as audit
  `);
  return row!;
}

/** The error a statement fails with; fails the test when it succeeds. */
async function failure(p: PromiseLike<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the statement to fail, but it succeeded');
}

async function scalar(t: TestDb, text: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.query<{ n: number }>(text, params);
  return Number(row!.n);
}

describe.each(testEngines())('database integrity on %s', (engine) => {
  let t: TestDb;
  let reports: SeedReport[];
  let snapshots: Counts[];

  beforeAll(async () => {
    t = await openTestDb(engine);
    reports = [];
    snapshots = [];
    reports.push(await seedDatabase(t.db));
    snapshots.push(await counts(t));
    reports.push(await seedDatabase(t.db, { demoPassword: DEMO_PASSWORD }));
    snapshots.push(await counts(t));
    reports.push(await seedDatabase(t.db, { demoPassword: DEMO_PASSWORD }));
    snapshots.push(await counts(t));
  });
  afterAll(() => t?.dispose());

  describe('seeding', () => {
    it('loads 104 sources and 33 approved findings, each with one revision, review and audit event', () => {
      expect(reports[0]).toEqual({
        sourcesAdded: SEEDED_SOURCES,
        findingsAdded: SEEDED_FINDINGS,
        demoAccountsAdded: 0,
      });
      expect(snapshots[0]).toEqual({
        users: 1,
        sources: SEEDED_SOURCES,
        findings: SEEDED_FINDINGS,
        approved: SEEDED_FINDINGS,
        revisions: SEEDED_FINDINGS,
        reviews: SEEDED_FINDINGS,
        audit: SEEDED_FINDINGS,
      });
    });

    it('is idempotent: seeding again adds nothing but the demo accounts asked for', () => {
      expect(reports[1]).toEqual({ sourcesAdded: 0, findingsAdded: 0, demoAccountsAdded: DEMO_ACCOUNTS.length });
      expect(snapshots[1]).toEqual({ ...snapshots[0], users: 1 + DEMO_ACCOUNTS.length });
      expect(reports[2]).toEqual({ sourcesAdded: 0, findingsAdded: 0, demoAccountsAdded: 0 });
      expect(snapshots[2]).toEqual(snapshots[1]);
    });

    it('leaves no duplicate revisions, reviews or import audit events', async () => {
      expect(
        await scalar(
          t,
          `select count(*)::int as n from (select change_summary from finding_revisions group by change_summary having count(*) > 1) d`,
        ),
      ).toBe(0);
      expect(await scalar(t, `select count(distinct revision_id)::int as n from reviews`)).toBe(SEEDED_FINDINGS);
      const rows = await t.query<{ row: number }>(
        `select (detail->>'row')::int as row from audit_events where action = 'finding.import' and entity = 'finding' order by 1`,
      );
      expect(rows.map((r) => r.row)).toEqual(Array.from({ length: SEEDED_FINDINGS }, (_, i) => i + 1));
      expect(
        await scalar(t, `select count(*)::int as n from (select doi from sources group by doi having count(*) > 1) d`),
      ).toBe(0);
    });

    it('creates the demo accounts only when a demo password is given, with a working password', async () => {
      const users = await t.query<{
        email: string;
        name: string;
        role: string;
        is_system: boolean;
        password_hash: string | null;
      }>(`select email, name, role::text as role, is_system, password_hash from users order by email`);
      expect(users.map(({ password_hash: _h, ...u }) => u)).toEqual([
        { email: 'admin@example.org', name: 'Ada Admin', role: 'admin', is_system: false },
        { email: 'curator@example.org', name: 'Casey Curator', role: 'curator', is_system: false },
        { email: IMPORT_USER_EMAIL, name: 'Import (system)', role: 'curator', is_system: true },
        { email: 'reviewer2@example.org', name: 'Riley Reviewer', role: 'reviewer', is_system: false },
        { email: 'reviewer@example.org', name: 'Robin Reviewer', role: 'reviewer', is_system: false },
      ]);
      const importUser = users.find((u) => u.email === IMPORT_USER_EMAIL)!;
      expect(importUser.password_hash).toBeNull();
      const curator = users.find((u) => u.email === 'curator@example.org')!;
      expect(curator.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(curator.password_hash, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(curator.password_hash, 'wrong-password-123')).toBe(false);
    });

    it('gives each finding an approved revision 1 by the import user, naming its Table 1 row', async () => {
      const rows = await t.query<{
        id: number;
        public_id: string;
        status: string;
        latest_revision_id: number;
        approved_revision_id: number;
        revision_id: number;
        revision_no: number;
        change_summary: string;
        submitted: boolean;
        author_email: string;
        author_is_system: boolean;
        reviewer_email: string;
        decision: string;
      }>(`
        select f.id, f.public_id, f.status::text as status, f.latest_revision_id, f.approved_revision_id,
               r.id as revision_id, r.revision_no, r.change_summary, r.submitted_at is not null as submitted,
               u.email as author_email, u.is_system as author_is_system,
               ru.email as reviewer_email, v.decision::text as decision
        from findings f
        join finding_revisions r on r.finding_id = f.id
        join users u on u.id = r.author_id
        join reviews v on v.revision_id = r.id
        join users ru on ru.id = v.reviewer_id
        order by f.id
      `);
      expect(rows).toHaveLength(SEEDED_FINDINGS);
      const tableRows: number[] = [];
      for (const r of rows) {
        expect(r).toMatchObject({
          status: 'approved',
          revision_no: 1,
          latest_revision_id: r.revision_id,
          approved_revision_id: r.revision_id,
          submitted: true,
          author_email: IMPORT_USER_EMAIL,
          author_is_system: true,
          reviewer_email: IMPORT_USER_EMAIL,
          decision: 'approve',
        });
        const m = /^Imported from review-table1\.csv, row (\d+) \(Jia et al\. \(2025\)/.exec(r.change_summary);
        expect(m, r.change_summary).not.toBeNull();
        expect(r.change_summary).toContain(TABLE1_FILE);
        tableRows.push(Number(m![1]));
      }
      expect(tableRows.sort((a, b) => a - b)).toEqual(Array.from({ length: SEEDED_FINDINGS }, (_, i) => i + 1));
    });

    it('gives findings public ids like EVX-000001', async () => {
      const rows = await t.query<{ id: number; public_id: string }>(`select id, public_id from findings order by id`);
      expect(rows).toHaveLength(SEEDED_FINDINGS);
      for (const r of rows) {
        expect(r.public_id).toMatch(/^EVX-\d{6}$/);
        expect(r.public_id).toBe(`EVX-${String(r.id).padStart(6, '0')}`);
      }
      expect(rows[0]).toEqual({ id: 1, public_id: 'EVX-000001' });
    });

    it('projects every finding: non-empty search vector, cargo_text from its revision’s cargo names', async () => {
      const rows = await t.query<{
        id: number;
        doi: string;
        cargo_text: string;
        cargo: CargoItem[];
        lexemes: number;
        rev_doi: string;
      }>(`
        select f.id, f.doi, f.cargo_text, r.cargo, length(f.search) as lexemes, s.doi as rev_doi
        from findings f
        join finding_revisions r on r.id = f.approved_revision_id
        join sources s on s.id = f.source_id
        order by f.id
      `);
      expect(rows).toHaveLength(SEEDED_FINDINGS);
      for (const r of rows) {
        expect(r.lexemes, `finding ${r.id}`).toBeGreaterThan(0);
        const cargo = typeof r.cargo === 'string' ? (JSON.parse(r.cargo) as CargoItem[]) : r.cargo;
        expect(r.cargo_text, `finding ${r.id}`).toBe(cargo.map((c) => c.name).join('; '));
        expect(r.doi).toBe(r.rev_doi);
      }
      const byDoi = new Map(rows.map((r) => [r.doi, r.cargo_text]));
      // Castaño et al. (2020): "miR-133a, miR-133b"; Luo et al. (2021): "NA".
      expect(byDoi.get('10.1073/pnas.2016112117')).toBe('miR-133a; miR-133b');
      expect(byDoi.get('10.4252/wjsc.v13.i11.1762')).toBe('');
      expect(rows.filter((r) => r.cargo_text !== '').length).toBeGreaterThan(20);
    });
  });

  describe('submitted revisions are frozen (EV001)', () => {
    it('refuses UPDATE and DELETE of a submitted revision through raw SQL', async () => {
      const [rev] = await t.query<{ id: number; result: string }>(
        `select id, result from finding_revisions where revision_no = 1 order by id limit 1`,
      );
      const update = await failure(
        t.query(`update finding_revisions set result = $1 where id = $2`, ['tampered', rev!.id]),
      );
      expect(sqlState(update)).toBe(FROZEN_REVISION);
      expect(sqlState(update)).toBe('EV001');
      const del = await failure(t.query(`delete from finding_revisions where id = $1`, [rev!.id]));
      expect(sqlState(del)).toBe('EV001');
      const unsubmit = await failure(
        t.query(`update finding_revisions set submitted_at = null where id = $1`, [rev!.id]),
      );
      expect(sqlState(unsubmit)).toBe('EV001');
      const [after] = await t.query<{ result: string; submitted: boolean }>(
        `select result, submitted_at is not null as submitted from finding_revisions where id = $1`,
        [rev!.id],
      );
      expect(after).toEqual({ result: rev!.result, submitted: true });
    });

    it('refuses UPDATE and DELETE of a submitted revision through drizzle', async () => {
      const [rev] = await t.db
        .select()
        .from(findingRevisions)
        .where(eq(findingRevisions.revisionNo, 1))
        .orderBy(findingRevisions.id)
        .limit(1);
      const update = await failure(
        t.db.update(findingRevisions).set({ result: 'tampered' }).where(eq(findingRevisions.id, rev!.id)),
      );
      expect(sqlState(update)).toBe('EV001');
      const del = await failure(t.db.delete(findingRevisions).where(eq(findingRevisions.id, rev!.id)));
      expect(sqlState(del)).toBe('EV001');
      const [after] = await t.db.select().from(findingRevisions).where(eq(findingRevisions.id, rev!.id));
      expect(after).toEqual(rev);
    });

    it('refuses TRUNCATE of finding_revisions', async () => {
      // Plain TRUNCATE is already stopped by the foreign keys; CASCADE reaches the trigger.
      expect(sqlState(await failure(t.query(`truncate finding_revisions`)))).toBe('0A000');
      expect(sqlState(await failure(t.query(`truncate finding_revisions cascade`)))).toBe('EV002');
      expect(sqlState(await failure(t.query(`truncate findings cascade`)))).toBe('EV002');
      expect(await scalar(t, `select count(*)::int as n from finding_revisions where revision_no = 1`)).toBe(
        SEEDED_FINDINGS,
      );
      expect(await scalar(t, `select count(*)::int as n from findings`)).toBe(SEEDED_FINDINGS);
    });

    it('lets a draft be edited in place until it is submitted', async () => {
      const [rev1] = await t.db
        .select()
        .from(findingRevisions)
        .where(eq(findingRevisions.revisionNo, 1))
        .orderBy(findingRevisions.id)
        .limit(1);
      const [curator] = await t.query<{ id: number }>(`select id from users where email = 'curator@example.org'`);
      const { id: _id, createdAt: _c, updatedAt: _u, ...content } = rev1!;
      const [draft] = await t.db
        .insert(findingRevisions)
        .values({
          ...content,
          revisionNo: 2,
          basedOnRevisionId: rev1!.id,
          authorId: curator!.id,
          changeSummary: 'Draft edit',
          submittedAt: null,
        })
        .returning();
      expect(draft).toMatchObject({ findingId: rev1!.findingId, revisionNo: 2, submittedAt: null });

      // Autosave through drizzle and through raw SQL.
      const edited = await t.db
        .update(findingRevisions)
        .set({ result: 'Draft result, first edit' })
        .where(eq(findingRevisions.id, draft!.id))
        .returning({ result: findingRevisions.result });
      expect(edited).toEqual([{ result: 'Draft result, first edit' }]);
      await t.query(`update finding_revisions set result = $1, curator_note = $2 where id = $3`, [
        'Draft result, second edit',
        'checked fig 2',
        draft!.id,
      ]);

      // Submitting is itself an update of a draft, so it is allowed …
      await t.db.update(findingRevisions).set({ submittedAt: new Date() }).where(eq(findingRevisions.id, draft!.id));
      const [submitted] = await t.query<{ result: string; curator_note: string; submitted: boolean }>(
        `select result, curator_note, submitted_at is not null as submitted from finding_revisions where id = $1`,
        [draft!.id],
      );
      expect(submitted).toEqual({
        result: 'Draft result, second edit',
        curator_note: 'checked fig 2',
        submitted: true,
      });

      // … and after it nothing may change.
      expect(
        sqlState(
          await failure(
            t.db.update(findingRevisions).set({ result: 'late edit' }).where(eq(findingRevisions.id, draft!.id)),
          ),
        ),
      ).toBe('EV001');
      expect(
        sqlState(
          await failure(t.query(`update finding_revisions set result = 'late edit' where id = $1`, [draft!.id])),
        ),
      ).toBe('EV001');
      expect(sqlState(await failure(t.db.delete(findingRevisions).where(eq(findingRevisions.id, draft!.id))))).toBe(
        'EV001',
      );
      const [final] = await t.query<{ result: string }>(`select result from finding_revisions where id = $1`, [
        draft!.id,
      ]);
      expect(final!.result).toBe('Draft result, second edit');
    });

    it('lets an unsubmitted draft be deleted', async () => {
      const [rev1] = await t.db
        .select()
        .from(findingRevisions)
        .where(eq(findingRevisions.revisionNo, 1))
        .orderBy(findingRevisions.id)
        .limit(1);
      const { id: _id, createdAt: _c, updatedAt: _u, ...content } = rev1!;
      const [draft] = await t.db
        .insert(findingRevisions)
        .values({ ...content, revisionNo: 99, changeSummary: 'Discarded draft', submittedAt: null })
        .returning({ id: findingRevisions.id });
      const deleted = await t.db
        .delete(findingRevisions)
        .where(eq(findingRevisions.id, draft!.id))
        .returning({ id: findingRevisions.id });
      expect(deleted).toEqual([{ id: draft!.id }]);
      expect(await scalar(t, `select count(*)::int as n from finding_revisions where id = $1`, [draft!.id])).toBe(0);
    });
  });

  describe('append-only tables (EV002)', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of audit_events', async () => {
      const before = await scalar(t, `select count(*)::int as n from audit_events`);
      expect(before).toBeGreaterThanOrEqual(SEEDED_FINDINGS);
      expect(sqlState(await failure(t.query(`update audit_events set action = 'tampered'`)))).toBe(APPEND_ONLY);
      expect(sqlState(await failure(t.query(`delete from audit_events`)))).toBe('EV002');
      expect(sqlState(await failure(t.query(`truncate audit_events`)))).toBe('EV002');
      expect(
        sqlState(
          await failure(
            t.db.update(auditEvents).set({ action: 'tampered' }).where(eq(auditEvents.action, 'finding.import')),
          ),
        ),
      ).toBe('EV002');
      expect(sqlState(await failure(t.db.delete(auditEvents).where(eq(auditEvents.action, 'finding.import'))))).toBe(
        'EV002',
      );
      expect(await scalar(t, `select count(*)::int as n from audit_events`)).toBe(before);
      expect(await scalar(t, `select count(*)::int as n from audit_events where action = 'finding.import'`)).toBe(
        SEEDED_FINDINGS,
      );
    });

    it('still accepts new audit events', async () => {
      const before = await scalar(t, `select count(*)::int as n from audit_events`);
      await recordAudit(t.db, {
        actorId: null,
        action: 'test.append',
        entity: 'test',
        entityId: 7,
        detail: { ok: true },
      });
      expect(await scalar(t, `select count(*)::int as n from audit_events`)).toBe(before + 1);
      const [row] = await t.query<{ entity_id: string; detail: unknown }>(
        `select entity_id, detail from audit_events where action = 'test.append'`,
      );
      expect(row).toEqual({ entity_id: '7', detail: { ok: true } });
    });

    it('refuses UPDATE, DELETE and TRUNCATE of reviews', async () => {
      const before = await scalar(t, `select count(*)::int as n from reviews`);
      expect(before).toBe(SEEDED_FINDINGS);
      expect(sqlState(await failure(t.query(`update reviews set comment = 'tampered'`)))).toBe('EV002');
      expect(
        sqlState(
          await failure(t.query(`update reviews set decision = 'reject' where id = (select min(id) from reviews)`)),
        ),
      ).toBe('EV002');
      expect(sqlState(await failure(t.query(`delete from reviews`)))).toBe('EV002');
      expect(sqlState(await failure(t.query(`truncate reviews`)))).toBe('EV002');
      // Deliberately without WHERE: the trigger must refuse even a whole-table write.
      // eslint-disable-next-line drizzle/enforce-update-with-where
      expect(sqlState(await failure(t.db.update(reviews).set({ comment: 'tampered' })))).toBe('EV002');
      // eslint-disable-next-line drizzle/enforce-delete-with-where
      expect(sqlState(await failure(t.db.delete(reviews)))).toBe('EV002');
      expect(await scalar(t, `select count(*)::int as n from reviews`)).toBe(before);
      expect(
        await scalar(
          t,
          `select count(*)::int as n from reviews where decision = 'approve' and comment like 'Taken as approved%'`,
        ),
      ).toBe(before);
    });
  });

  describe('transactions', () => {
    it('a failed transaction leaves nothing behind', async () => {
      const before = await scalar(t, `select count(*)::int as n from audit_events`);
      let inside = -1;
      await expect(
        t.db.transaction(async (tx) => {
          await recordAudit(tx, { actorId: null, action: 'test.rolled_back', entity: 'test', entityId: 1 });
          const [row] = await tx.select({ n: count() }).from(auditEvents);
          inside = row!.n;
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(inside).toBe(before + 1);
      expect(await scalar(t, `select count(*)::int as n from audit_events`)).toBe(before);
      expect(await scalar(t, `select count(*)::int as n from audit_events where action = 'test.rolled_back'`)).toBe(0);
    });

    it('a transaction whose statement fails in the database also leaves nothing behind', async () => {
      const before = await scalar(t, `select count(*)::int as n from audit_events`);
      const err = await failure(
        t.db.transaction(async (tx) => {
          await recordAudit(tx, { actorId: null, action: 'test.rolled_back_db', entity: 'test' });
          // eslint-disable-next-line drizzle/enforce-update-with-where
          await tx.update(reviews).set({ comment: 'tampered' });
        }),
      );
      expect(sqlState(err)).toBe('EV002');
      expect(await scalar(t, `select count(*)::int as n from audit_events`)).toBe(before);
    });
  });

  describe('search', () => {
    it('has the pg_trgm extension', async () => {
      const rows = await t.query<{ extname: string }>(`select extname from pg_extension order by extname`);
      expect(rows.map((r) => r.extname)).toContain('pg_trgm');
    });

    it('finds findings by full text on the projection', async () => {
      const hits = await t.query<{ public_id: string; result: string }>(`
        select f.public_id, r.result
        from findings f join finding_revisions r on r.id = f.approved_revision_id
        where f.search @@ websearch_to_tsquery('english', 'osteogenic')
        order by f.id
      `);
      expect(hits.map((h) => h.public_id)).toEqual(['EVX-000008', 'EVX-000009', 'EVX-000010']);
      for (const h of hits) expect(h.result.toLowerCase()).toContain('osteogen');
      // Every finding whose statement says "osteogenic" is found.
      expect(hits.length).toBe(
        await scalar(
          t,
          `select count(*)::int as n from findings f join finding_revisions r on r.id = f.approved_revision_id where r.result ilike '%osteogenic%'`,
        ),
      );
      expect(
        await scalar(
          t,
          `select count(*)::int as n from findings where search @@ websearch_to_tsquery('english', 'xylophone')`,
        ),
      ).toBe(0);
      // Words that stem alike match ("differentiation" / "differentiate").
      expect(
        await scalar(
          t,
          `select count(*)::int as n from findings where search @@ websearch_to_tsquery('english', 'differentiate')`,
        ),
      ).toBeGreaterThan(0);
    });

    it('finds partial cargo names with ILIKE and trigram word similarity', async () => {
      const expected = ['10.1038/s41598-017-13105-9', '10.1073/pnas.2016112117', '10.1371/journal.pone.0084153'];
      const ilike = await t.query<{ doi: string }>(
        `select doi from findings where cargo_text ilike '%miR-133%' order by doi`,
      );
      expect(ilike.map((r) => r.doi)).toEqual(expected);
      // Trigram word similarity ranks the miR-133a/b findings first (miR-130 comes next).
      const ranked = await t.query<{ doi: string; ws: number }>(
        `select doi, word_similarity('miR-133', cargo_text) as ws from findings
         where 'miR-133' <% cargo_text order by 'miR-133' <<-> cargo_text, doi`,
      );
      expect(ranked.length).toBeGreaterThan(expected.length);
      expect(ranked.slice(0, 3).map((r) => r.doi)).toEqual(expected);
      for (const r of ranked.slice(0, 3)) expect(Number(r.ws)).toBeCloseTo(0.875, 5);
      expect(Number(ranked[3]!.ws)).toBeLessThan(0.875);
      expect(ranked.slice(3).map((r) => r.doi)).not.toContain('10.4252/wjsc.v13.i11.1762');
      // Plain similarity (%): a finding whose only cargo is miR-133a is similar enough.
      const similar = await t.query<{ doi: string }>(
        `select doi from findings where cargo_text % 'miR-133' order by doi`,
      );
      expect(similar.map((r) => r.doi)).toEqual(
        expect.arrayContaining(['10.1038/s41598-017-13105-9', '10.1371/journal.pone.0084153']),
      );
      expect(await scalar(t, `select similarity('miR-133a', 'miR-133a') as n`)).toBe(1);
    });
  });
});
