/**
 * The grounding queue on both engines: a curator's choice on a proposal the seed's grounding opened
 * is a normal revision of the finding (to review) and closes the proposal; twice is a conflict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revisionToContent } from '../../lib/finding/from-row';
import { groundFindings } from '../grounding';
import { type DemoActors, domainFailure, openSeededDb, type TestDb, testEngines } from '../test-utils';
import { saveDraft, submitFinding } from './curation';
import { getRevision } from './findings';
import { listOpenProposals, resolveGroundingProposal } from './grounding-proposals';
import { decide } from './review';

type Proposal = { id: number; finding_id: number; field: string; text: string };

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

describe.each(testEngines())('the grounding queue on %s', (engine) => {
  let t: TestDb;
  let people: DemoActors;

  beforeAll(async () => {
    const seeded = await openSeededDb(engine);
    t = seeded.t;
    people = seeded;
  }, 180_000);
  afterAll(() => t?.dispose());

  /** An open proposal of the field and text, on a finding with (or without) a revision of its own grounding. */
  const proposal = async (field: string, text: string, revisions?: number) =>
    (
      await t.query<Proposal>(
        `select p.id, p.finding_id, p.field, p.text from grounding_proposals p
          where p.status = 'open' and p.field = $1 and p.text = $2
            and ($3::int is null or (select count(*) from finding_revisions r where r.finding_id = p.finding_id) = $3)
          order by p.id limit 1`,
        [field, text, revisions ?? null],
      )
    )[0]!;
  const revisionsOf = (findingId: number) =>
    t.query<{ revision_no: number; row: string }>(
      `select revision_no, to_jsonb(r)::text as row from finding_revisions r where finding_id = $1 order by revision_no`,
      [findingId],
    );
  const latest = async (findingId: number) => {
    const [f] = await t.query<{ latest_revision_id: number; status: string; lock_version: number }>(
      `select latest_revision_id, status, lock_version from findings where id = $1`,
      [findingId],
    );
    return { ...f!, revision: (await getRevision(t.db, f!.latest_revision_id))! };
  };

  it('lists the open proposals page by page, oldest first', async () => {
    const first = await listOpenProposals(t.db, { limit: 5 });
    expect(first.total).toBeGreaterThan(5);
    expect(first.rows).toHaveLength(5);
    const second = await listOpenProposals(t.db, { after: first.next!, limit: 5 });
    expect(second.rows[0]!.id).toBeGreaterThan(first.rows[4]!.id);
    expect(first.rows[0]).toMatchObject({ publicId: expect.stringMatching(/^EVX-/), fieldLabel: expect.any(String) });
  });

  it('grounds the chosen term in a new revision that goes to review, and closes the proposal', async () => {
    // A finding the seed grounded (revision 2), whose recipient cell list holds "BMSCs" as text.
    const p = await proposal('recipientCellTerms', 'BMSCs', 2);
    const before = await revisionsOf(p.finding_id);
    const r = await resolveGroundingProposal(t.db, people.curator, { proposalId: p.id, curie: 'CL:0000134' });
    expect(r).toMatchObject({ status: 'resolved', revisionNo: 3 });
    const now = await latest(p.finding_id);
    expect(now.status).toBe('submitted');
    expect(now.revision).toMatchObject({ revisionNo: 3, authorId: people.curator.id });
    expect(now.revision.recipientCellTerms).toContainEqual({ curie: 'CL:0000134', label: 'mesenchymal stem cell' });
    expect(now.revision.recipientCellTerms.some((x) => x.curie === null && x.label === 'BMSCs')).toBe(false);
    expect(now.revision.changeSummary).toContain('Grounding queue: "BMSCs"');
    // Earlier revisions are as they were.
    expect((await revisionsOf(p.finding_id)).slice(0, before.length)).toEqual(before);
    const [row] = await t.query<{ status: string; resolved_by: number; resolved: boolean }>(
      `select status, resolved_by, resolved_at is not null as resolved from grounding_proposals where id = $1`,
      [p.id],
    );
    expect(row).toEqual({ status: 'resolved', resolved_by: people.curator.id, resolved: true });

    const twice = await domainFailure(
      resolveGroundingProposal(t.db, people.reviewer, { proposalId: p.id, curie: 'CL:0000134' }),
    );
    expect(twice.code).toBe('conflict:grounding_proposal');
    expect(twice.message).toMatch(/resolved already by Casey Curator/);
  });

  it('builds the list from the text when nothing of the finding grounded by itself', async () => {
    const p = await proposal('recipientCellTerms', 'BMSCs', 1);
    const r = await resolveGroundingProposal(t.db, people.curator, { proposalId: p.id, curie: 'CL:0000134' });
    expect(r).toMatchObject({ status: 'resolved', revisionNo: 2 });
    expect((await latest(p.finding_id)).revision.recipientCellTerms).toEqual([
      { curie: 'CL:0000134', label: 'mesenchymal stem cell' },
    ]);
  });

  it('grounds a cargo miRNA named without its arm to the arm the curator chooses', async () => {
    const p = await proposal('cargo', 'miR-34a');
    await resolveGroundingProposal(t.db, people.curator, {
      proposalId: p.id,
      curie: 'mirbase.mature:MIMAT0000542',
    });
    const cargo = parse<{ name: string; curie?: string }[]>((await latest(p.finding_id)).revision.cargo);
    expect(cargo.find((c) => c.name === 'miR-34a')).toMatchObject({ curie: 'mirbase.mature:MIMAT0000542' });
  });

  it('dismisses with "none of these": no revision, and grounding again does not reopen it', async () => {
    const p = await proposal('diseaseTerms', 'DMD');
    const before = await revisionsOf(p.finding_id);
    expect(await resolveGroundingProposal(t.db, people.curator, { proposalId: p.id, curie: null })).toMatchObject({
      status: 'dismissed',
    });
    expect(await revisionsOf(p.finding_id)).toEqual(before);
    const again = await groundFindings(t.db);
    expect(again.proposalsOpened).toBe(0);
    expect(await t.query(`select status from grounding_proposals where id = $1`, [p.id])).toEqual([
      { status: 'dismissed' },
    ]);
  });

  it('refuses a term that was not proposed, with the field named', async () => {
    const p = await proposal('evSourceTerms', 'soleus');
    const e = await domainFailure(
      resolveGroundingProposal(t.db, people.curator, { proposalId: p.id, curie: 'UBERON:0001388' }),
    );
    expect(e.kind).toBe('invalid');
    expect(e.fields?.curie).toMatch(/proposed terms/);
  });

  it('refuses while someone else has an open draft of the finding, naming them; and the actor’s own draft', async () => {
    const p = await proposal('evSourceTerms', 'soleus');
    const f = await latest(p.finding_id);
    await saveDraft(t.db, people.reviewer2, {
      findingId: p.finding_id,
      lockVersion: f.lock_version,
      content: { ...revisionToContent(f.revision), curatorNote: 'Editing' },
      changeSummary: 'An edit in progress',
    });
    const other = await domainFailure(
      resolveGroundingProposal(t.db, people.curator, { proposalId: p.id, curie: 'UBERON:0001389' }),
    );
    expect(other.code).toBe('conflict:finding');
    expect(other.message).toMatch(/Riley Reviewer has an unsubmitted draft/);
    const own = await domainFailure(
      resolveGroundingProposal(t.db, people.reviewer2, { proposalId: p.id, curie: 'UBERON:0001389' }),
    );
    expect(own.message).toMatch(/You have an unsubmitted draft/);
    expect(await t.query(`select status from grounding_proposals where id = $1`, [p.id])).toEqual([{ status: 'open' }]);
  });

  it('is a conflict when the finding changed so that the text is no longer there', async () => {
    const p = await proposal('recipientCellTerms', 'Cardiomyocytes');
    const f = await latest(p.finding_id);
    const content = revisionToContent(f.revision);
    const saved = await saveDraft(t.db, people.curator, {
      findingId: p.finding_id,
      lockVersion: f.lock_version,
      content: { ...content, recipientCell: 'Ventricular cells', recipientCellTerms: [] },
      changeSummary: 'Recipient cells as the paper names them',
    });
    const sub = await submitFinding(t.db, people.curator, { findingId: p.finding_id, lockVersion: saved.lockVersion });
    await decide(t.db, people.reviewer, { findingId: p.finding_id, ...sub, decision: 'approve', comment: '' });
    const e = await domainFailure(
      resolveGroundingProposal(t.db, people.reviewer2, { proposalId: p.id, curie: 'CL:0000746' }),
    );
    expect(e.code).toBe('conflict:grounding_proposal');
    expect(e.message).toMatch(/changed since this was proposed/);
  });
});
