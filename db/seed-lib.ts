import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { and, eq, inArray } from 'drizzle-orm';
import { hashPassword } from '../lib/auth/password';
import { parseCargoCell } from '../lib/cargo/parse';
import { normalizeDoi } from '../lib/doi';
import { findOrgan, findSpecies, organLabel, SKELETAL_MUSCLE, speciesLabel } from '../lib/vocab';
import type { Role } from '../lib/vocab/terms';
import type { Db, Tx } from './client';
import { groundFindings, type GroundingReport } from './grounding';
import { recordAudit } from './queries/audit';
import { refreshListing } from './queries/listing';
import { findingRevisions, findings, reviews, sources, users } from './schema';
import { ensureImportUser, IMPORT_USER_EMAIL } from './system-user';

export const SEED_DATA_DIR = path.join(process.cwd(), 'db', 'seed-data');
export const TABLE1_FILE = 'review-table1.csv';
export const REFERENCES_FILE = 'review-references.csv';
export { IMPORT_USER_EMAIL };
export const REVIEW_CITATION = 'Jia et al. (2025) Front. Physiol. 15:1501957, doi:10.3389/fphys.2024.1501957';

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: 'curator@example.org', name: 'Casey Curator', role: 'curator' },
  { email: 'reviewer@example.org', name: 'Robin Reviewer', role: 'reviewer' },
  { email: 'reviewer2@example.org', name: 'Riley Reviewer', role: 'reviewer' },
  { email: 'admin@example.org', name: 'Ada Admin', role: 'admin' },
];

type ReferenceRow = {
  doi: string;
  authors: string;
  year: string;
  title: string;
  journal: string;
  volume_pages: string;
};
type Table1Row = {
  target_organ: string;
  species: string;
  ev_source: string;
  ev_cargo: string;
  recipient_cell: string;
  model_disease: string;
  result: string;
  reference: string;
  doi: string;
};

function readCsv<T>(dir: string, file: string): T[] {
  return parse(readFileSync(path.join(dir, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as T[];
}

function doiOrThrow(raw: string, where: string): string {
  const r = normalizeDoi(raw);
  if (!r.ok) throw new Error(`${where}: ${r.message}`);
  return r.doi;
}

/** "NA" in the review means "not reported". */
const orEmpty = (s: string) => (s.trim().toUpperCase() === 'NA' ? '' : s.trim());

export type SeedReport = {
  sourcesAdded: number;
  findingsAdded: number;
  demoAccountsAdded: number;
  /** What grounding the findings did (db/grounding.ts); absent with `ground: false`. */
  grounding?: GroundingReport;
};

/**
 * Load the review's references and Table 1, then ground the findings' text
 * in the vocabularies (`ground: false` leaves them as Table 1 has them).
 * Idempotent: a source is keyed by its DOI, a finding by the table row it
 * came from (named in its change summary), a demo account by its email, and
 * grounding never grounds a field twice. The load is one transaction; each
 * finding's grounding is one more, after it.
 */
export async function seedDatabase(
  db: Db,
  opts: { demoPassword?: string; dataDir?: string; ground?: boolean } = {},
): Promise<SeedReport> {
  const dir = opts.dataDir ?? SEED_DATA_DIR;
  const references = readCsv<ReferenceRow>(dir, REFERENCES_FILE);
  const table1 = readCsv<Table1Row>(dir, TABLE1_FILE);
  const demoHash = opts.demoPassword ? await hashPassword(opts.demoPassword) : null;

  const report = await db.transaction(async (tx) => {
    const report: SeedReport = { sourcesAdded: 0, findingsAdded: 0, demoAccountsAdded: 0 };
    const importUserId = await addUsers(tx, demoHash, report);
    await addReferences(tx, references, report);
    await addTable1Findings(tx, table1, importUserId, report);
    return report;
  });
  if (opts.ground !== false) report.grounding = await groundFindings(db);
  return report;
}

/** The system import user (always) and the demo accounts (only with a password); returns the import user's id. */
async function addUsers(tx: Tx, demoHash: string | null, report: SeedReport): Promise<number> {
  const importUserId = await ensureImportUser(tx);

  if (demoHash) {
    for (const a of DEMO_ACCOUNTS) {
      const added = await tx
        .insert(users)
        .values({ ...a, passwordHash: demoHash })
        .onConflictDoNothing()
        .returning({ id: users.id });
      report.demoAccountsAdded += added.length;
    }
  }
  return importUserId;
}

async function addReferences(tx: Tx, references: ReferenceRow[], report: SeedReport): Promise<void> {
  for (const ref of references) {
    const added = await tx
      .insert(sources)
      .values({
        doi: doiOrThrow(ref.doi, `${REFERENCES_FILE} ${ref.title}`),
        title: ref.title || null,
        authors: ref.authors || null,
        journal: ref.journal || null,
        // "2014a": the review's letter suffix disambiguates citations, it is not part of the year.
        year: /^\d{4}/.test(ref.year) ? Number(ref.year.slice(0, 4)) : null,
        volumePages: ref.volume_pages || null,
        metadataOrigin: 'bundled',
      })
      .onConflictDoNothing()
      .returning({ id: sources.id });
    report.sourcesAdded += added.length;
  }
}

/** One approved finding per Table 1 row not loaded before, each with its revision, review and audit event. */
async function addTable1Findings(tx: Tx, table1: Table1Row[], importUserId: number, report: SeedReport) {
  const summaries = table1.map((_, i) => `Imported from ${TABLE1_FILE}, row ${i + 1} (${REVIEW_CITATION})`);
  const existing = await tx
    .select({ summary: findingRevisions.changeSummary })
    .from(findingRevisions)
    .where(and(eq(findingRevisions.authorId, importUserId), inArray(findingRevisions.changeSummary, summaries)));
  const done = new Set(existing.map((e) => e.summary));

  for (const [i, row] of table1.entries()) {
    const changeSummary = summaries[i]!;
    if (done.has(changeSummary)) continue;
    await addTable1Finding(tx, { row, rowNo: i + 1, changeSummary, importUserId }, report);
    report.findingsAdded++;
  }
}

/** The source with this DOI; one named after the table's reference when the references file lacks it. */
async function sourceIdFor(tx: Tx, doi: string, reference: string, report: SeedReport): Promise<number> {
  let [source] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.doi, doi));
  if (!source) {
    [source] = await tx
      .insert(sources)
      .values({ doi, metadataOrigin: 'manual', title: reference })
      .returning({ id: sources.id });
    report.sourcesAdded++;
  }
  return source!.id;
}

async function addTable1Finding(
  tx: Tx,
  {
    row,
    rowNo,
    changeSummary,
    importUserId,
  }: { row: Table1Row; rowNo: number; changeSummary: string; importUserId: number },
  report: SeedReport,
): Promise<void> {
  const where = `${TABLE1_FILE} row ${rowNo}`;
  const organ = findOrgan(row.target_organ);
  const species = findSpecies(row.species);
  if (!organ || !species) throw new Error(`${where}: unknown organ "${row.target_organ}" or species "${row.species}"`);
  const doi = doiOrThrow(row.doi, where);
  const sourceId = await sourceIdFor(tx, doi, row.reference, report);
  const now = new Date();
  const direction = organ.id === SKELETAL_MUSCLE ? 'within_muscle' : 'muscle_to_organ';
  const [finding] = await tx
    .insert(findings)
    .values({
      sourceId,
      status: 'approved',
      createdBy: importUserId,
      approvedAt: now,
      targetOrgan: organ.id,
      origin: SKELETAL_MUSCLE,
      direction,
      species: species.id,
      doi,
    })
    .returning({ id: findings.id });
  const [revision] = await tx
    .insert(findingRevisions)
    .values({
      findingId: finding!.id,
      revisionNo: 1,
      authorId: importUserId,
      changeSummary,
      submittedAt: now,
      targetOrgan: organ.id,
      targetOrganLabel: organLabel(organ.id),
      origin: SKELETAL_MUSCLE,
      originLabel: organLabel(SKELETAL_MUSCLE),
      direction,
      species: species.id,
      speciesLabel: speciesLabel(species.id),
      evSource: row.ev_source.trim(),
      cargo: parseCargoCell(row.ev_cargo),
      recipientCell: row.recipient_cell.trim(),
      modelDisease: orEmpty(row.model_disease),
      result: row.result.trim(),
      evidenceLocation: `${REVIEW_CITATION}, Table 1`,
    })
    .returning({ id: findingRevisions.id });
  await tx
    .update(findings)
    .set({ latestRevisionId: revision!.id, approvedRevisionId: revision!.id })
    .where(eq(findings.id, finding!.id));
  await tx.insert(reviews).values({
    revisionId: revision!.id,
    reviewerId: importUserId,
    decision: 'approve',
    comment: `Taken as approved from the peer-reviewed source review (${REVIEW_CITATION}).`,
  });
  await refreshListing(tx, finding!.id);
  await recordAudit(tx, {
    actorId: importUserId,
    action: 'finding.import',
    entity: 'finding',
    entityId: finding!.id,
    detail: { file: TABLE1_FILE, row: rowNo, doi },
  });
}
