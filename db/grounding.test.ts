/**
 * Grounding the seeded findings, on both engines: the report is printed and its numbers are what
 * the database holds; no finding changes without a new revision; a second run changes nothing.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revisionToContent } from '../lib/finding/from-row';
import { GROUNDING_FIELDS } from '../lib/vocab/ground-content';
import { formatGroundingReport, type GroundingReport, groundFindings } from './grounding';
import { saveDraft } from './queries/curation';
import { SEEDED_FINDINGS } from './integrity-test-kit';
import { findingRevisions } from './schema';
import { IMPORT_USER_EMAIL, seedDatabase } from './seed-lib';
import { countOf, DEMO_PASSWORD, openTestDb, type TestDb, testEngines, userIdByEmail } from './test-utils';

/** Every revision row, whole, as text: what "unchanged" means. */
const revisionRows = async (t: TestDb) =>
  new Map(
    (
      await t.query<{ id: number; row: string }>(
        `select id, to_jsonb(r)::text as row from finding_revisions r order by id`,
      )
    ).map((r) => [r.id, r.row]),
  );

/** Each finding's listed revision's content and its number of revisions. */
const findingState = async (t: TestDb) =>
  new Map(
    (
      await t.query<{ id: number; listed: string; revisions: number; lock_version: number }>(`
        select f.id, f.lock_version,
               (select count(*)::int from finding_revisions r where r.finding_id = f.id) as revisions,
               (to_jsonb(r) - 'id' - 'revision_no' - 'based_on_revision_id' - 'author_id' - 'change_summary'
                 - 'created_at' - 'updated_at' - 'submitted_at' - 'edit_session')::text as listed
        from findings f join finding_revisions r on r.id = coalesce(f.approved_revision_id, f.latest_revision_id)
        order by f.id`)
    ).map((r) => [r.id, r]),
  );

/** Everything a run of grounding could write, counted. */
const totals = (t: TestDb) =>
  t.query(`select (select count(*)::int from finding_revisions) as revisions, (select count(*)::int from reviews) as reviews,
                  (select count(*)::int from audit_events) as audit, (select count(*)::int from grounding_proposals) as proposals,
                  (select sum(lock_version)::int from findings) as locks`);

const TERM_COLUMNS = {
  evSourceTerms: 'ev_source_terms',
  recipientCellTerms: 'recipient_cell_terms',
  diseaseTerms: 'disease_terms',
  cargo: 'cargo',
} as const;

describe.each(testEngines())('grounding the seeded findings on %s', (engine) => {
  let t: TestDb;
  let report: GroundingReport;

  beforeAll(async () => {
    t = await openTestDb(engine);
    report = (await seedDatabase(t.db, { demoPassword: DEMO_PASSWORD })).grounding!;
  }, 180_000);
  afterAll(() => t?.dispose());

  it('prints its report, whose numbers are what the database holds', async () => {
    console.log(`${engine}:\n${formatGroundingReport(report)}`);
    expect(report.findingsExamined).toBe(SEEDED_FINDINGS);
    const importUser = await userIdByEmail(t, IMPORT_USER_EMAIL);
    expect(report.revisionsCreated).toBeGreaterThan(0);
    expect(
      await countOf(
        t,
        `select count(*)::int as n from finding_revisions r join findings f on f.approved_revision_id = r.id
          where r.revision_no = 2 and r.author_id = $1 and r.change_summary like 'Grounded automatically: exact label matches only (%'`,
        [importUser],
      ),
    ).toBe(report.revisionsCreated);
    expect(await countOf(t, `select count(*)::int as n from finding_revisions`)).toBe(
      SEEDED_FINDINGS + report.revisionsCreated,
    );
    for (const field of GROUNDING_FIELDS) {
      const c = report.fields[field];
      const grounded = await countOf(
        t,
        `select count(*)::int as n from findings f join finding_revisions r on r.id = f.approved_revision_id,
                jsonb_array_elements(r.${TERM_COLUMNS[field]}) e where coalesce(e->>'curie', '') <> ''`,
      );
      expect(grounded, field).toBe(c.grounded);
      const open = await countOf(
        t,
        `select count(*)::int as n from grounding_proposals where status = 'open' and field = $1`,
        [field],
      );
      expect(open, field).toBe(c.ambiguous + c.synonym + c.no_arm);
    }
    expect(await countOf(t, `select count(*)::int as n from grounding_proposals`)).toBe(report.proposalsOpened);
    expect(report.proposalsKnown).toBe(0);
  });

  it('approves each new revision as the import user, with the report in its review and the audit', async () => {
    const rows = await t.query<{ comment: string; reviewer: string; ground: number; approved: number }>(`
      select v.comment, u.email as reviewer,
             (select count(*)::int from audit_events a where a.entity = 'finding' and a.entity_id = f.id::text and a.action = 'finding.ground') as ground,
             (select count(*)::int from audit_events a where a.entity = 'finding' and a.entity_id = f.id::text and a.action = 'finding.approved') as approved
      from findings f join reviews v on v.revision_id = f.approved_revision_id join users u on u.id = v.reviewer_id
      where f.approved_revision_id <> (select id from finding_revisions r where r.finding_id = f.id and r.revision_no = 1)`);
    expect(rows).toHaveLength(report.revisionsCreated);
    for (const r of rows) {
      expect(r.comment).toMatch(/^Grounded automatically: exact label matches only \(report: \d+ grounded, /);
      // Revisions 1 and 2 were both published: the public history shows both.
      expect(r).toMatchObject({ reviewer: IMPORT_USER_EMAIL, ground: 1, approved: 2 });
    }
  });

  it('grounds C2C12 by its label and leaves the known wrong or abbreviated text to curators', async () => {
    // Luo et al. (2021): EV source and recipient cell "C2C12 cells", model "LPS treatment" (no disease).
    const [luo] = await t.query<{ ev: unknown; rc: unknown; dis: unknown }>(`
      select r.ev_source_terms as ev, r.recipient_cell_terms as rc, r.disease_terms as dis
      from findings f join finding_revisions r on r.id = f.approved_revision_id where f.doi = '10.4252/wjsc.v13.i11.1762'`);
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(parse(luo!.ev)).toEqual([{ curie: 'cellosaurus:CVCL_0188', label: 'C2C12' }]);
    expect(parse(luo!.rc)).toEqual([{ curie: 'cellosaurus:CVCL_0188', label: 'C2C12' }]);
    expect(parse(luo!.dis)).toEqual([{ curie: null, label: 'LPS treatment' }]);
    // "BMSCs" is CL's related synonym of mesenchymal stem cell: a proposal, never a grounding.
    const bmsc = await t.query<{ candidates: unknown; reason: string }>(
      `select candidates, reason from grounding_proposals where field = 'recipientCellTerms' and text = 'BMSCs'`,
    );
    expect(bmsc.length).toBeGreaterThan(0);
    expect(parse(bmsc[0]!.candidates)).toEqual([{ curie: 'CL:0000134', label: 'mesenchymal stem cell' }]);
    expect(bmsc[0]!.reason).toMatch(/^synonym: /);
    expect(
      await countOf(
        t,
        `select count(*)::int as n from grounding_proposals where text in ('SKM', 'TA', 'EDL', 'UUO', 'HFD')`,
      ),
    ).toBe(0);
  });

  it('changes nothing when run again', async () => {
    const before = { totals: await totals(t), revisions: await revisionRows(t), findings: await findingState(t) };
    const again = await groundFindings(t.db);
    expect(again).toMatchObject({ revisionsCreated: 0, proposalsOpened: 0 });
    expect(await totals(t)).toEqual(before.totals);
    expect(await revisionRows(t)).toEqual(before.revisions);
    expect(await findingState(t)).toEqual(before.findings);
    // And the seed, run again, grounds nothing either.
    const seededAgain = await seedDatabase(t.db);
    expect(seededAgain.grounding).toMatchObject({ revisionsCreated: 0, proposalsOpened: 0 });
    expect(await totals(t)).toEqual(before.totals);
  });
});

describe.each(testEngines())('no finding changes without a revision, on %s', (engine) => {
  let t: TestDb;
  afterAll(() => t?.dispose());

  it('keeps every earlier revision as it was, adds one per changed finding, and leaves edits in progress alone', async () => {
    t = await openTestDb(engine);
    await seedDatabase(t.db, { demoPassword: DEMO_PASSWORD, ground: false });
    // A curator is editing the first finding: its draft is theirs, grounding leaves the finding alone.
    const curator = { id: await userIdByEmail(t, 'curator@example.org'), role: 'curator' as const };
    const [first] = await t.query<{ id: number; public_id: string; lock_version: number }>(
      `select f.id, f.public_id, f.lock_version from findings f order by f.id limit 1`,
    );
    const [rev1] = await t.db.select().from(findingRevisions).where(eq(findingRevisions.findingId, first!.id));
    await saveDraft(t.db, curator, {
      findingId: first!.id,
      lockVersion: first!.lock_version,
      content: { ...revisionToContent(rev1!), curatorNote: 'editing' },
      changeSummary: 'An edit in progress',
    });

    const revisions = await revisionRows(t);
    const findings = await findingState(t);
    const report = await groundFindings(t.db);
    expect(report.leftToCurators).toEqual([{ publicId: first!.public_id, status: 'draft' }]);
    expect(report.findingsExamined).toBe(SEEDED_FINDINGS - 1);

    const after = await revisionRows(t);
    for (const [id, row] of revisions) expect(after.get(id), `revision ${id}`).toBe(row);
    const afterFindings = await findingState(t);
    let changed = 0;
    for (const [id, was] of findings) {
      const now = afterFindings.get(id)!;
      if (now.listed === was.listed) {
        expect(now.revisions, `finding ${id}`).toBe(was.revisions);
        expect(now.lock_version, `finding ${id}`).toBe(was.lock_version);
      } else {
        changed++;
        expect(now.revisions, `finding ${id}`).toBe(was.revisions + 1);
        expect(now.lock_version, `finding ${id}`).toBe(was.lock_version + 1);
      }
    }
    expect(changed).toBe(report.revisionsCreated);
    expect(after.size).toBe(revisions.size + report.revisionsCreated);
  }, 180_000);
});
