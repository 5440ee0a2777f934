import { eq } from 'drizzle-orm';
import { fetchCrossrefWork } from '../../lib/crossref';
import { normalizeDoi } from '../../lib/doi';
import { DomainError } from '../../lib/errors';
import {
  type LookupOptions,
  type LookupResult,
  LOOKUP_REASONS,
  lookupReason,
  resolveLookupOptions,
} from '../../lib/sources/lookup';
import {
  type NewSourceOrigin,
  NEW_SOURCE_ORIGINS,
  type SourceMetadataEditInput,
  sourceMetadataEditSchema,
  type SourceMetadataInput,
  sourceMetadataSchema,
} from '../../lib/sources/schema';
import type { Db, DbOrTx } from '../client';
import { sqlState, toDomainError, UNIQUE_VIOLATION } from '../errors';
import { type Source, sources } from '../schema';
import { recordAudit } from './audit';
import { env } from '../../server/env';

const EDITABLE = ['title', 'authors', 'journal', 'year', 'volumePages', 'pmid'] as const;

/** The source with this DOI (any written form), or undefined. */
export async function findSourceByDoi(db: DbOrTx, doi: string): Promise<Source | undefined> {
  const n = normalizeDoi(doi);
  if (!n.ok) return undefined;
  const [s] = await db.select().from(sources).where(eq(sources.doi, n.doi)).limit(1);
  return s;
}

/** Records a new source; the DOI is unique, a second one is a conflict on the `doi` field. */
export async function createSource(
  db: Db,
  actorId: number,
  input: SourceMetadataInput,
  origin: NewSourceOrigin,
): Promise<Source> {
  const data = sourceMetadataSchema.parse(input);
  if (!NEW_SOURCE_ORIGINS.includes(origin)) throw new DomainError('invalid', 'source', 'Unknown metadata origin.');
  try {
    return await db.transaction(async (tx) => {
      const [s] = await tx
        .insert(sources)
        .values({ ...data, metadataOrigin: origin, createdBy: actorId })
        .returning();
      if (!s) throw new Error('insert returned no row');
      await recordAudit(tx, {
        actorId,
        action: 'source.create',
        entity: 'source',
        entityId: s.id,
        detail: { doi: s.doi, origin },
      });
      return s;
    });
  } catch (e) {
    if (sqlState(e) === UNIQUE_VIOLATION)
      throw new DomainError('conflict', 'source', 'This DOI is already recorded.', 'doi');
    if (e instanceof DomainError) throw e;
    return toDomainError(e, 'source');
  }
}

/**
 * Changes a source's bibliographic fields (never its DOI). Writes nothing,
 * not even an audit event, when nothing changed. The metadata origin stays:
 * it says where the record came from.
 */
export async function updateSourceMetadata(
  db: Db,
  actorId: number,
  sourceId: number,
  input: SourceMetadataEditInput,
): Promise<{ source: Source; changed: string[] }> {
  const data = sourceMetadataEditSchema.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(sources).where(eq(sources.id, sourceId)).for('update');
      if (!before) throw new DomainError('not_found', 'source', 'No such source.');
      const changed = EDITABLE.filter((k) => before[k] !== data[k]);
      if (changed.length === 0) return { source: before, changed };
      const [after] = await tx
        .update(sources)
        .set({ ...data, updatedAt: new Date() })
        .where(eq(sources.id, sourceId))
        .returning();
      if (!after) throw new Error('update returned no row');
      await recordAudit(tx, {
        actorId,
        action: 'source.update',
        entity: 'source',
        entityId: sourceId,
        detail: { doi: before.doi, changed },
      });
      return { source: after, changed };
    });
  } catch (e) {
    if (e instanceof DomainError) throw e;
    return toDomainError(e, 'source');
  }
}

/**
 * Step 1 of adding a source: is the DOI well-formed, already recorded (the
 * review's references are seeded as sources), or known to Crossref? Any
 * Crossref failure falls back to manual entry with a reason to show.
 */
export async function lookupDoi(db: DbOrTx, rawDoi: string, opts: LookupOptions = {}): Promise<LookupResult> {
  const n = normalizeDoi(rawDoi);
  if (!n.ok) return { kind: 'invalid', message: n.message };
  const doi = n.doi;
  if (await findSourceByDoi(db, doi)) return { kind: 'existing', doi };

  const o = resolveLookupOptions(opts, env());
  if (o.off) return { kind: 'manual', doi, reason: LOOKUP_REASONS.off };
  const r = await fetchCrossrefWork(doi, { baseUrl: o.baseUrl, mailto: o.mailto, timeoutMs: o.timeoutMs });
  if (!r.ok) return { kind: 'manual', doi, reason: lookupReason(r.reason) };
  // Keep the DOI as asked for: what the curator typed is what the finding cites.
  return { kind: 'crossref', metadata: { ...r.metadata, doi } };
}
