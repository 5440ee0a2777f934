/** What the term-request tests share: a seeded database, its people as use-case actors, and the seam. */
import type { z } from 'zod';
import type { Actor as SessionActor } from '../../server/session';
import { execute, type UseCase } from '../../server/use-case';
import type { Engine } from '../client';
import { countOf, makeContent, openSeededDb } from '../test-utils';

export const MSC = 'CL:0000134'; // mesenchymal stem cell
export const STEM_CELL = 'CL:0000034';
export const LIVER = 'UBERON:0002107';
export const C2C12 = 'cellosaurus:CVCL_0188';

export const asActor = (a: { id: number; role: SessionActor['role'] }): SessionActor => ({
  email: `${a.id}@example.org`,
  name: `User ${a.id}`,
  ...a,
  via: 'session',
  scope: 'write',
});

export const makeRequest = (over: Record<string, unknown> = {}) => ({
  kind: 'cell',
  label: 'Marrow stromal progenitor (H4 test)',
  definition: 'A stromal progenitor cell isolated from bone marrow aspirates, as the papers describe it.',
  parentCurie: MSC,
  reason: 'Three papers name it; CL has no term this specific.',
  ...over,
});

export async function openTermRequestKit(engine: Engine) {
  const seeded = await openSeededDb(engine);
  const { t } = seeded;
  const people = {
    curator: asActor(seeded.curator),
    reviewer: asActor(seeded.reviewer),
    reviewer2: asActor(seeded.reviewer2),
    admin: asActor(seeded.admin),
  };
  const [s] = await t.query<{ id: number }>(
    `insert into sources (doi, title, metadata_origin) values ('10.5555/term.requests', 'Term request tests', 'manual') returning id`,
  );
  const run = <S extends z.ZodType, O>(uc: UseCase<S, O>, actor: SessionActor | null, raw: unknown) =>
    execute(uc, actor, raw, t.db).then((r) => r.output);
  const counts = async () => ({
    requests: await countOf(t, `select count(*) as n from term_requests`),
    local: await countOf(t, `select count(*) as n from terms where vocab = 'EVXT'`),
    ancestors: await countOf(t, `select count(*) as n from term_ancestors where curie like 'EVXT:%'`),
  });
  const requestRow = async (id: number) =>
    (
      await t.query<{ status: string; resolved_term: string | null; resolved_by: number | null }>(
        `select status, resolved_term, resolved_by from term_requests where id = $1`,
        [id],
      )
    )[0]!;
  return { ...seeded, ...people, t, sourceId: s!.id, run, counts, requestRow, makeContent };
}
