import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { cargoKey } from '../../lib/cargo/parse';
import type { FindingContent } from '../../lib/finding/schema';
import type { Db, Tx } from '../client';
import { findingRevisions, findings } from '../schema';

const normalizeCell = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Other live findings on the same source with the same organ, recipient cell and cargo set. */
export async function findDuplicates(
  tx: Tx | Db,
  findingId: number | null,
  sourceId: number,
  c: Pick<FindingContent, 'targetOrgan' | 'recipientCell' | 'cargo'>,
) {
  // Compare with what stands: the approved revision, and a latest one still awaiting review
  // (a rejected or changes-requested edit does not block anyone).
  const candidates = await tx
    .select({ publicId: findings.publicId, rev: findingRevisions })
    .from(findings)
    .innerJoin(
      findingRevisions,
      sql`(${findingRevisions.id} = ${findings.approvedRevisionId} or (${findingRevisions.id} = ${findings.latestRevisionId} and ${findings.status} = 'submitted'))`,
    )
    .where(
      and(
        eq(findings.sourceId, sourceId),
        ne(findings.status, 'rejected'),
        findingId == null ? undefined : ne(findings.id, findingId),
        isNotNull(findingRevisions.submittedAt),
      ),
    );
  const key = cargoKey(c.cargo);
  const same = candidates.filter(
    (x) =>
      x.rev.targetOrgan === c.targetOrgan &&
      normalizeCell(x.rev.recipientCell) === normalizeCell(c.recipientCell) &&
      cargoKey(x.rev.cargo) === key,
  );
  return [...new Set(same.map((x) => x.publicId))];
}
