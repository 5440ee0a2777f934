import { createHash } from 'node:crypto';
import { desc, eq, type SQL, sql } from 'drizzle-orm';
import { DomainError } from '../../lib/errors';
import { buildDataPackage } from '../../lib/export/datapackage';
import { buildEvidenceCollection, evidenceBytes } from '../../lib/export/evidence-jsonld';
import { RELEASE_FILES, type ReleaseFileFormat, releaseInputSchema } from '../../lib/export/release';
import type { Db, DbOrTx } from '../client';
import { sqlState, UNIQUE_VIOLATION } from '../errors';
import { releaseFiles, releaseFindings, releases, users } from '../schema';
import { recordAudit } from './audit';
import { type Actor, parseOrThrow } from './finding-tx';
import { iterateExportRows } from './export';
import { storedReleaseFile } from './export-records';
import { listReleaseExclusions, notesWithExclusions } from './release-exclusions';
import { getVocabularySnapshot } from './vocab-releases';

export type ReleaseFileInfo = { format: ReleaseFileFormat; sha256: string; bytes: number };

export type ReleaseSummary = {
  id: number;
  tag: string;
  notes: string;
  createdAt: Date;
  createdBy: string;
  findingCount: number;
  sourceCount: number;
  /** SHA-256 (hex) of findings.csv. */
  checksum: string;
  files: ReleaseFileInfo[];
};

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const tagTaken = (tag: string) =>
  new DomainError('conflict', 'release', `A release tagged ${tag} already exists; tags are never reused.`, 'tag');

/** Where links in stored files point when the caller does not say (scripts, tests): the dev server. */
const DEFAULT_ORIGIN = 'http://localhost:3000';

/**
 * Cut a release (admins only), in one transaction: pin the approved revision
 * of every approved finding, render findings.csv (no BOM), findings.json and
 * evidence.jsonld (W3C Web Annotations, with links under `opts.origin`, the
 * app's public origin) from exactly those revisions, describe them in
 * datapackage.json, store the four files with their SHA-256, and record the
 * audit event. Repeatable read, so the files show one consistent state of the data.
 */
export async function cutRelease(
  db: Db,
  actor: Actor,
  input: unknown,
  opts: { origin?: string } = {},
): Promise<ReleaseSummary> {
  if (actor.role !== 'admin') throw new DomainError('forbidden', 'release', 'Only an admin can cut a release.');
  const { tag, notes } = parseOrThrow(releaseInputSchema, input, 'release');
  try {
    const id = await db.transaction(
      async (tx) => {
        const [taken] = await tx.select({ id: releases.id }).from(releases).where(eq(releases.tag, tag));
        if (taken) throw tagTaken(tag);
        const createdAt = new Date();
        // Findings of retracted sources stay out unless a reviewer kept them in; the notes say which and why.
        const excluded = await listReleaseExclusions(tx);
        const leftOut = excluded.map((x) => x.findingId);
        const [release] = await tx
          .insert(releases)
          .values({
            tag,
            notes: notesWithExclusions(notes, excluded),
            createdBy: actor.id,
            createdAt,
            findingCount: 0,
            sourceCount: 0,
            checksum: '',
          })
          .returning({ id: releases.id });
        const releaseId = release!.id;
        await tx.execute(sql`
          insert into ${releaseFindings} (release_id, finding_id, revision_id)
          select ${releaseId}, id, approved_revision_id from findings where approved_revision_id is not null
            and id not in (select value::int from jsonb_array_elements_text(${JSON.stringify(leftOut)}::jsonb))`);
        const [counts] = await tx
          .select({ findings: sql<number>`count(*)::int`, sources: sql<number>`count(distinct f.source_id)::int` })
          .from(sql`${releaseFindings} rf join findings f on f.id = rf.finding_id`)
          .where(sql`rf.release_id = ${releaseId}`);

        const origin = opts.origin ?? DEFAULT_ORIGIN;
        const count = Number(counts!.findings);
        const { files, checksum } = await renderReleaseFiles(tx, { releaseId, tag, createdAt, origin, count });
        await tx.insert(releaseFiles).values(
          files.map((f) => ({
            releaseId,
            format: f.format,
            contentType: Object.values(RELEASE_FILES).find((r) => r.format === f.format)!.contentType,
            body: f.body,
            sha256: sha256(f.body),
          })),
        );
        await tx
          .update(releases)
          .set({ findingCount: Number(counts!.findings), sourceCount: Number(counts!.sources), checksum })
          .where(eq(releases.id, releaseId));
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'release.create',
          entity: 'release',
          entityId: releaseId,
          detail: {
            tag,
            findingCount: Number(counts!.findings),
            sourceCount: Number(counts!.sources),
            checksum,
            excluded: leftOut,
          },
        });
        return releaseId;
      },
      { isolationLevel: 'repeatable read' },
    );
    return (await summaries(db, eq(releases.id, id)))[0]!;
  } catch (e) {
    // Two admins cutting the same tag at once: the unique index decides.
    if (sqlState(e) === UNIQUE_VIOLATION) throw tagTaken(tag);
    throw e;
  }
}

/**
 * The release's files, rendered from the revisions it pinned; `checksum` is findings.csv's SHA-256.
 * findings.csv and findings.json are the pinned revisions' stored export records (the live export's
 * bytes); evidence.jsonld is built from their rows.
 */
async function renderReleaseFiles(
  tx: DbOrTx,
  r: { releaseId: number; tag: string; createdAt: Date; origin: string; count: number },
): Promise<{ files: { format: ReleaseFileFormat; body: Buffer }[]; checksum: string }> {
  const csv = await storedReleaseFile(tx, r.releaseId, 'csv', r.count);
  const json = await storedReleaseFile(tx, r.releaseId, 'json', r.count);
  const rows = iterateExportRows(tx, { releaseId: r.releaseId });
  const evidence = evidenceBytes(await buildEvidenceCollection(rows, { tag: r.tag, origin: r.origin }));
  const checksum = sha256(csv);
  // The vocabulary versions of this moment go into the stored file, so the release keeps them after any reload.
  const vocabularies = await getVocabularySnapshot(tx);
  const dataPackage = buildDataPackage({
    tag: r.tag,
    created: r.createdAt,
    csvSha256: checksum,
    csvBytes: csv.length,
    evidence: { sha256: sha256(evidence), bytes: evidence.length },
    vocabularies,
  });
  const pkg = Buffer.from(`${JSON.stringify(dataPackage, null, 2)}\n`, 'utf8');
  const files: { format: ReleaseFileFormat; body: Buffer }[] = [
    { format: 'csv', body: csv },
    { format: 'json', body: json },
    { format: 'datapackage', body: pkg },
    { format: 'evidence', body: evidence },
  ];
  return { files, checksum };
}

async function summaries(db: DbOrTx, where: SQL | undefined): Promise<ReleaseSummary[]> {
  const rows = await db
    .select({
      id: releases.id,
      tag: releases.tag,
      notes: releases.notes,
      createdAt: releases.createdAt,
      createdBy: users.name,
      findingCount: releases.findingCount,
      sourceCount: releases.sourceCount,
      checksum: releases.checksum,
    })
    .from(releases)
    .innerJoin(users, eq(users.id, releases.createdBy))
    .where(where)
    .orderBy(desc(releases.createdAt), desc(releases.id));
  if (!rows.length) return [];
  const files = await db
    .select({
      releaseId: releaseFiles.releaseId,
      format: releaseFiles.format,
      sha256: releaseFiles.sha256,
      bytes: sql<number>`octet_length(${releaseFiles.body})::int`,
    })
    .from(releaseFiles)
    .where(
      sql`${releaseFiles.releaseId} in (${sql.join(
        rows.map((r) => sql`${r.id}`),
        sql`, `,
      )})`,
    );
  return rows.map((r) => ({
    ...r,
    files: files
      .filter((f) => f.releaseId === r.id)
      .map((f) => ({ format: f.format as ReleaseFileFormat, sha256: f.sha256, bytes: Number(f.bytes) })),
  }));
}

/** Every release, newest first, with its files' sizes and checksums (not their bodies). */
export async function listReleases(db: DbOrTx): Promise<ReleaseSummary[]> {
  return summaries(db, undefined);
}

export async function getRelease(db: DbOrTx, tag: string): Promise<ReleaseSummary | null> {
  const [r] = await summaries(db, eq(releases.tag, tag));
  return r ?? null;
}

/** A stored release file, byte for byte as it was cut. */
export async function getReleaseFile(
  db: DbOrTx,
  tag: string,
  format: ReleaseFileFormat,
): Promise<{ body: Buffer; sha256: string; contentType: string } | null> {
  const [f] = await db
    .select({ body: releaseFiles.body, sha256: releaseFiles.sha256, contentType: releaseFiles.contentType })
    .from(releaseFiles)
    .innerJoin(releases, eq(releases.id, releaseFiles.releaseId))
    .where(sql`${releases.tag} = ${tag} and ${releaseFiles.format} = ${format}`);
  if (!f) return null;
  // PGlite hands bytea back as a Uint8Array, postgres.js as a Buffer.
  const body = Buffer.isBuffer(f.body)
    ? f.body
    : Buffer.from((f.body as Uint8Array).buffer, (f.body as Uint8Array).byteOffset, (f.body as Uint8Array).byteLength);
  return { body, sha256: f.sha256, contentType: f.contentType };
}
