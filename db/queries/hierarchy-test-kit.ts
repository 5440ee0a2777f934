/** Approved findings with chosen organ terms, and the recursive checks the hierarchy filters are held to. */
import { MOUSE, makeContent, openSeededDb, type TestDb } from '../test-utils';
import type { Engine } from '../client';
import { type Actor, createFinding, submitFinding } from './curation';
import { decide } from './review';

export const NERVOUS_SYSTEM = 'UBERON:0001016';
export const ADIPOSE_TISSUE = 'UBERON:0001013';
export const BONE_GROUP = 'UBERON:0001474';
export const BRAIN = 'UBERON:0000955';
export const SPINAL_CORD = 'UBERON:0002240';
export const SCIATIC_NERVE = 'UBERON:0001322';
export const WHITE_ADIPOSE = 'UBERON:0001347';
export const BROWN_ADIPOSE = 'UBERON:0001348';
export const EPIDIDYMAL_FAT_PAD = 'UBERON:0010412';
export const BONE_MARROW = 'UBERON:0002371';
export const LIVER = 'UBERON:0002107';
/** Under none of the 16 organ groups. */
export const STOMACH = 'UBERON:0000945';
export const RAT = 'NCBITaxon:10116';

export type HierarchyKit = { t: TestDb; curator: Actor; reviewer: Actor; sourceId: number };

export async function openHierarchyKit(engine: Engine): Promise<HierarchyKit> {
  const { t, curator, reviewer } = await openSeededDb(engine);
  const [s] = await t.query<{ id: number }>(
    `insert into sources (doi, title, metadata_origin) values ('10.5555/hierarchy.test', 'A hierarchy test paper', 'manual') returning id`,
  );
  return { t, curator, reviewer, sourceId: s!.id };
}

/** A finding created, submitted and approved with these content overrides; its id. */
export async function givenApproved(k: HierarchyKit, over: Record<string, unknown>): Promise<number> {
  const { t, curator, reviewer, sourceId } = k;
  const created = await createFinding(t.db, curator, { sourceId, content: makeContent(over) });
  const submitted = await submitFinding(t.db, curator, { findingId: created.findingId, lockVersion: 0 });
  await decide(t.db, reviewer, {
    findingId: created.findingId,
    revisionNo: 1,
    lockVersion: submitted.lockVersion,
    decision: 'approve',
    comment: '',
  });
  return created.findingId;
}

/**
 * The term and every term under it, walked down terms.parents with WITH RECURSIVE — on purpose
 * not the term_ancestors closure the queries use, so the two are checked against each other.
 */
const SUBTREE = `with recursive sub(curie) as (
    select $1::text
    union
    select t.curie from terms t join sub on sub.curie = any(t.parents))`;

/** Approved findings whose `column` is the term or under it (the recursive check). */
export async function recursiveIds(
  t: TestDb,
  column: 'target_organ' | 'origin',
  curie: string,
  extra = '',
  params: unknown[] = [],
): Promise<number[]> {
  const rows = await t.query<{ id: number }>(
    `${SUBTREE} select id from findings where approved_revision_id is not null
       and ${column} in (select curie from sub) ${extra} order by id`,
    [curie, ...params],
  );
  return rows.map((r) => r.id);
}

/** Approved findings that use the term or one under it in any grounded field (the recursive check). */
export async function recursiveTermIds(t: TestDb, curie: string): Promise<number[]> {
  const rows = await t.query<{ id: number }>(
    `${SUBTREE} select id from findings where approved_revision_id is not null
       and term_curies && array(select curie from sub) order by id`,
    [curie],
  );
  return rows.map((r) => r.id);
}

export { MOUSE };
