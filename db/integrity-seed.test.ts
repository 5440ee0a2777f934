import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../lib/auth/password';
import type { CargoItem } from '../lib/finding/schema';
import { SEEDED_FINDINGS, SEEDED_SOURCES } from './integrity-test-kit';
import { DEMO_ACCOUNTS, IMPORT_USER_EMAIL, seedDatabase, type SeedReport, TABLE1_FILE } from './seed-lib';
import { countOf, DEMO_PASSWORD, openTestDb, type TestDb, testEngines } from './test-utils';

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

describe.each(testEngines())('database integrity on %s', (engine) => {
  let t: TestDb;
  let reports: SeedReport[];
  let snapshots: Counts[];

  beforeAll(async () => {
    t = await openTestDb(engine);
    reports = [];
    snapshots = [];
    // The Table 1 import as it is; grounding its text afterwards (revision 2s) is db/grounding.test.ts's.
    reports.push(await seedDatabase(t.db, { ground: false }));
    snapshots.push(await counts(t));
    reports.push(await seedDatabase(t.db, { demoPassword: DEMO_PASSWORD, ground: false }));
    snapshots.push(await counts(t));
    reports.push(await seedDatabase(t.db, { demoPassword: DEMO_PASSWORD, ground: false }));
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
        await countOf(
          t,
          `select count(*)::int as n from (select change_summary from finding_revisions group by change_summary having count(*) > 1) d`,
        ),
      ).toBe(0);
      expect(await countOf(t, `select count(distinct revision_id)::int as n from reviews`)).toBe(SEEDED_FINDINGS);
      const rows = await t.query<{ row: number }>(
        `select (detail->>'row')::int as row from audit_events where action = 'finding.import' and entity = 'finding' order by 1`,
      );
      expect(rows.map((r) => r.row)).toEqual(Array.from({ length: SEEDED_FINDINGS }, (_, i) => i + 1));
      expect(
        await countOf(t, `select count(*)::int as n from (select doi from sources group by doi having count(*) > 1) d`),
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
});
