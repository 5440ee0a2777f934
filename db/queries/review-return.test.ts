import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, domainFailure, testEngines } from '../test-utils';
import { saveDraft, submitFinding } from './curation';
import { listApprovedFindings } from './findings';
import { decide, reopen, withdraw } from './review';
import { openReviewKit, type ReviewKit } from './review-test-kit';

describe.each(testEngines())('review: rejected, reopened, withdrawn on %s', (engine) => {
  let t: ReviewKit['t'];
  let curator: ReviewKit['curator'];
  let otherCurator: ReviewKit['otherCurator'];
  let reviewer: ReviewKit['reviewer'];
  let reviewer2: ReviewKit['reviewer2'];
  let admin: ReviewKit['admin'];
  let findingRow: ReviewKit['findingRow'];
  let revisionId: ReviewKit['revisionId'];
  let auditTrail: ReviewKit['auditTrail'];
  let givenSubmitted: ReviewKit['givenSubmitted'];
  let queueItem: ReviewKit['queueItem'];

  beforeAll(async () => {
    ({
      t,
      curator,
      otherCurator,
      reviewer,
      reviewer2,
      admin,
      findingRow,
      revisionId,
      auditTrail,
      givenSubmitted,
      queueItem,
    } = await openReviewKit(engine));
  });
  afterAll(() => t.dispose());

  it('a rejected new finding is closed to its curator until an admin reopens it', async () => {
    const f = await givenSubmitted();
    const r = await decide(t.db, reviewer, {
      findingId: f.findingId,
      revisionNo: 1,
      lockVersion: f.lockVersion,
      decision: 'reject',
      comment: 'Out of scope.',
    });
    expect(r).toEqual({ status: 'rejected', lockVersion: f.lockVersion + 1 });
    expect(await findingRow(f.findingId)).toMatchObject({ status: 'rejected', approved_revision_id: null });
    expect((await listApprovedFindings(t.db)).some((x) => x.id === f.findingId)).toBe(false);

    const edit = await domainFailure(
      saveDraft(t.db, curator, {
        findingId: f.findingId,
        lockVersion: r.lockVersion,
        content: f.content,
        changeSummary: 'Try again',
      }),
    );
    expect(edit.kind).toBe('forbidden');
    expect(edit.message).toMatch(/rejected/);
    // Only an admin reopens, and only a rejected finding.
    expect(
      (await domainFailure(reopen(t.db, curator, { findingId: f.findingId, lockVersion: r.lockVersion, comment: '' })))
        .kind,
    ).toBe('forbidden');
    expect(
      (await domainFailure(reopen(t.db, reviewer, { findingId: f.findingId, lockVersion: r.lockVersion, comment: '' })))
        .kind,
    ).toBe('forbidden');
    expect(
      (
        await domainFailure(
          reopen(t.db, admin, { findingId: f.findingId, lockVersion: r.lockVersion - 1, comment: '' }),
        )
      ).kind,
    ).toBe('conflict');
    expect(await countOf(t, `select count(*)::int n from finding_revisions where finding_id = $1`, [f.findingId])).toBe(
      1,
    );

    const re = await reopen(t.db, admin, {
      findingId: f.findingId,
      lockVersion: r.lockVersion,
      comment: ' Worth another look. ',
    });
    expect(re).toEqual({ lockVersion: r.lockVersion + 1 });
    expect((await findingRow(f.findingId)).status).toBe('changes_requested');
    const [ev] = await t.query<{ actor_id: number; detail: Record<string, unknown> }>(
      `select actor_id, detail from audit_events where entity = 'finding' and entity_id = $1 and action = 'finding.reopen'`,
      [String(f.findingId)],
    );
    expect(ev).toEqual({ actor_id: admin.id, detail: { comment: 'Worth another look.' } });
    expect(
      (await domainFailure(reopen(t.db, admin, { findingId: f.findingId, lockVersion: re.lockVersion, comment: '' })))
        .kind,
    ).toBe('conflict');

    const s = await saveDraft(t.db, curator, {
      findingId: f.findingId,
      lockVersion: re.lockVersion,
      content: { ...f.content, result: 'Narrowed claim.' },
      changeSummary: 'Narrow',
    });
    expect(s).toMatchObject({ revisionNo: 2, created: true });
    expect((await findingRow(f.findingId)).status).toBe('draft');
    expect((await auditTrail(f.findingId)).map(([a]) => a)).toEqual([
      'finding.create',
      'finding.submit',
      'review.reject',
      'finding.reopen',
      'finding.revision_start',
    ]);
  });

  it('the author withdraws a submitted revision into a new, equal draft; nobody else can', async () => {
    const f = await givenSubmitted(curator, {
      mechanism: ['Wnt signalling'],
      evidenceQuote: 'EVs promoted ALP activity.',
    });
    for (const someone of [otherCurator, reviewer2, admin]) {
      const e = await domainFailure(withdraw(t.db, someone, { findingId: f.findingId, lockVersion: f.lockVersion }));
      expect(e.kind).toBe('forbidden');
      expect(e.message).toMatch(/author/);
    }
    expect(await countOf(t, `select count(*)::int n from finding_revisions where finding_id = $1`, [f.findingId])).toBe(
      1,
    );
    expect(
      (await domainFailure(withdraw(t.db, curator, { findingId: f.findingId, lockVersion: f.lockVersion - 1 }))).kind,
    ).toBe('conflict');

    const w = await withdraw(t.db, curator, { findingId: f.findingId, lockVersion: f.lockVersion });
    expect(w).toMatchObject({ revisionNo: 2, created: true, lockVersion: f.lockVersion + 1 });
    expect((await findingRow(f.findingId)).status).toBe('draft');
    expect(await queueItem(reviewer, f.publicId)).toBeUndefined();
    const cols = `target_organ, origin, direction, species, ev_source, cargo, recipient_cell, model_disease, result, study_type, effect_direction,
      mechanism, ev_type, separation_methods, particle_analysis, em_methods, markers_positive, markers_negative, evidence_quote, evidence_location, curator_note, change_summary`;
    const revs = await t.query<Record<string, unknown>>(
      `select revision_no, submitted_at is not null as submitted, based_on_revision_id, author_id, ${cols} from finding_revisions where finding_id = $1 order by revision_no`,
      [f.findingId],
    );
    expect(revs.map((r) => [r.revision_no, r.submitted, r.author_id])).toEqual([
      [1, true, curator.id],
      [2, false, curator.id],
    ]);
    expect(revs[1]!.based_on_revision_id).toBe(await revisionId(f.findingId, 1));
    const strip = ({
      revision_no: _n,
      submitted: _s,
      based_on_revision_id: _b,
      author_id: _a,
      ...rest
    }: Record<string, unknown>) => rest;
    expect(strip(revs[1]!)).toEqual(strip(revs[0]!));
    expect(revs[1]!.result).toBe('Muscle EVs promote osteogenic differentiation.');
    expect(revs[1]!.mechanism).toEqual(['Wnt signalling']);
    expect((await auditTrail(f.findingId)).slice(-2)).toEqual([
      ['finding.revision_start', 'curator@example.org'],
      ['finding.withdraw', 'curator@example.org'],
    ]);
    // Nothing is awaiting review any more.
    expect(
      (await domainFailure(withdraw(t.db, curator, { findingId: f.findingId, lockVersion: w.lockVersion }))).kind,
    ).toBe('conflict');
    expect(
      (
        await domainFailure(
          decide(t.db, reviewer, {
            findingId: f.findingId,
            revisionNo: 2,
            lockVersion: w.lockVersion,
            decision: 'approve',
            comment: '',
          }),
        )
      ).kind,
    ).toBe('conflict');
    // It can be submitted again as revision 2.
    expect(await submitFinding(t.db, curator, { findingId: f.findingId, lockVersion: w.lockVersion })).toEqual({
      lockVersion: w.lockVersion + 1,
      revisionNo: 2,
    });
  });
});
