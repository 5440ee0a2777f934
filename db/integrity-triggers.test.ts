import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEND_ONLY, FROZEN_REVISION, sqlState } from './errors';
import { SEEDED_FINDINGS } from './integrity-test-kit';
import { recordAudit } from './queries/audit';
import { auditEvents, findingRevisions, reviews } from './schema';
import { countOf, failure, openSeededDb, type TestDb, testEngines } from './test-utils';

describe.each(testEngines())('database integrity on %s', (engine) => {
  let t: TestDb;

  beforeAll(async () => {
    ({ t } = await openSeededDb(engine));
  });
  afterAll(() => t?.dispose());

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
      expect(await countOf(t, `select count(*)::int as n from finding_revisions where revision_no = 1`)).toBe(
        SEEDED_FINDINGS,
      );
      expect(await countOf(t, `select count(*)::int as n from findings`)).toBe(SEEDED_FINDINGS);
    });

    it('lets a draft be edited in place until it is submitted', async () => {
      const [rev1] = await t.db
        .select()
        .from(findingRevisions)
        .where(eq(findingRevisions.revisionNo, 1))
        .orderBy(findingRevisions.id)
        .limit(1);
      const [curator] = await t.query<{ id: number }>(`select id from users where email = 'curator@example.org'`);
      // The next revision number of that finding (the seed may have grounded it in a revision 2).
      const next =
        (await countOf(t, `select max(revision_no)::int as n from finding_revisions where finding_id = $1`, [
          rev1!.findingId,
        ])) + 1;
      const { id: _id, createdAt: _c, updatedAt: _u, ...content } = rev1!;
      const [draft] = await t.db
        .insert(findingRevisions)
        .values({
          ...content,
          revisionNo: next,
          basedOnRevisionId: rev1!.id,
          authorId: curator!.id,
          changeSummary: 'Draft edit',
          submittedAt: null,
        })
        .returning();
      expect(draft).toMatchObject({ findingId: rev1!.findingId, revisionNo: next, submittedAt: null });

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
      expect(await countOf(t, `select count(*)::int as n from finding_revisions where id = $1`, [draft!.id])).toBe(0);
    });
  });

  describe('append-only tables (EV002)', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of audit_events', async () => {
      const before = await countOf(t, `select count(*)::int as n from audit_events`);
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
      expect(await countOf(t, `select count(*)::int as n from audit_events`)).toBe(before);
      expect(await countOf(t, `select count(*)::int as n from audit_events where action = 'finding.import'`)).toBe(
        SEEDED_FINDINGS,
      );
    });

    it('still accepts new audit events', async () => {
      const before = await countOf(t, `select count(*)::int as n from audit_events`);
      await recordAudit(t.db, {
        actorId: null,
        action: 'test.append',
        entity: 'test',
        entityId: 7,
        detail: { ok: true },
      });
      expect(await countOf(t, `select count(*)::int as n from audit_events`)).toBe(before + 1);
      const [row] = await t.query<{ entity_id: string; detail: unknown }>(
        `select entity_id, detail from audit_events where action = 'test.append'`,
      );
      expect(row).toEqual({ entity_id: '7', detail: { ok: true } });
    });

    it('refuses UPDATE, DELETE and TRUNCATE of reviews', async () => {
      const before = await countOf(t, `select count(*)::int as n from reviews`);
      // One approval per submitted revision: the seed's 33, and those of the revisions its grounding added.
      const grounded = await countOf(
        t,
        `select count(*)::int as n from reviews where comment like 'Grounded automatically: exact label matches only%'`,
      );
      expect(before).toBe(SEEDED_FINDINGS + grounded);
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
      expect(await countOf(t, `select count(*)::int as n from reviews`)).toBe(before);
      expect(
        await countOf(
          t,
          `select count(*)::int as n from reviews where decision = 'approve' and comment like 'Taken as approved%'`,
        ),
      ).toBe(SEEDED_FINDINGS);
      expect(
        await countOf(
          t,
          `select count(*)::int as n from reviews where decision = 'approve' and comment like 'Grounded automatically%'`,
        ),
      ).toBe(grounded);
    });
  });

  describe('transactions', () => {
    it('a failed transaction leaves nothing behind', async () => {
      const before = await countOf(t, `select count(*)::int as n from audit_events`);
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
      expect(await countOf(t, `select count(*)::int as n from audit_events`)).toBe(before);
      expect(await countOf(t, `select count(*)::int as n from audit_events where action = 'test.rolled_back'`)).toBe(0);
    });

    it('a transaction whose statement fails in the database also leaves nothing behind', async () => {
      const before = await countOf(t, `select count(*)::int as n from audit_events`);
      const err = await failure(
        t.db.transaction(async (tx) => {
          await recordAudit(tx, { actorId: null, action: 'test.rolled_back_db', entity: 'test' });
          // eslint-disable-next-line drizzle/enforce-update-with-where
          await tx.update(reviews).set({ comment: 'tampered' });
        }),
      );
      expect(sqlState(err)).toBe('EV002');
      expect(await countOf(t, `select count(*)::int as n from audit_events`)).toBe(before);
    });
  });
});
