/**
 * Loading the vocabulary files (db/vocab/*.tsv) into `terms`, `term_ancestors` and `vocab_releases`.
 *
 * Idempotent: a vocabulary whose file hash matches the loaded release is skipped. A newer
 * file updates its terms in place, in one transaction with every other file of the load:
 * - a term it marks obsolete (optional `obsolete` = "true" and `replaced_by` columns; a term
 *   with a replacement is obsolete) or no longer lists is marked obsolete, never deleted, so
 *   findings that use it keep resolving; a term it lists again as current is current again;
 * - `terms.replaced_by` is the *current* term the `replaced_by` chain ends at (A → B → C gives
 *   C; a chain that loops or ends at an obsolete or unknown term gives null), re-resolved over
 *   all terms after every load; the replacement the file states is kept in `extra.replaced_by`;
 * - its release version comes from a `# version: …` line before the header row (or
 *   `# version HP: …` for one vocabulary of a shared file, lib/vocab/tsv.ts fileVersionOf);
 *   without one, the version in lib/vocab/sources.ts VOCABULARIES is kept.
 * Findings are never touched: db/queries/obsolete-uses.ts lists those that use obsolete terms
 * for a curator to review (/admin/vocabularies).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { currentReplacement, type ReplacementLink } from '../lib/vocab/replacement';
import { VOCABULARIES } from '../lib/vocab/sources';
import { closureOf, fileVersionOf, parseVocabFile, searchTextOf, type TermRow } from '../lib/vocab/tsv';
import type { Db, Tx } from './client';
import { termAncestors, terms, vocabReleases } from './schema';

export const VOCAB_DIR = path.join(process.cwd(), 'db', 'vocab');

export type VocabLoad = {
  vocab: string;
  /** The release loaded before this run (null: none was). */
  previousVersion: string | null;
  version: string;
  status: 'loaded' | 'unchanged';
  terms: number;
  /** Terms the database did not hold before. */
  added: number;
  /** Terms current before and obsolete now (the file marks them obsolete or no longer lists them). */
  obsoleted: number;
  /** Terms obsolete before and current again. */
  revived: number;
};
export type VocabLoadReport = VocabLoad[];

const CHUNK = 1_000;

/** Files in load order: NCBITaxon first, since miRBase rows take their species from it. */
function vocabFiles(): string[] {
  const files = [...new Set(VOCABULARIES.map((v) => v.file))];
  return ['ncbitaxon.tsv', ...files.filter((f) => f !== 'ncbitaxon.tsv')];
}

type Parsed = { vocab: string; version: string; sha: string; rows: TermRow[] };

function checkRows(file: string, rows: readonly TermRow[]): void {
  const seen = new Set<string>();
  for (const r of rows) {
    if (!r.curie || !r.label) throw new Error(`${file}: a row without an id or a label (${r.curie || '?'}).`);
    if (seen.has(r.curie)) throw new Error(`${file}: ${r.curie} is listed twice.`);
    seen.add(r.curie);
  }
}

/** Read, parse and check every file before anything is written: a bad file changes nothing. */
function readAll(dir: string): Parsed[] {
  const out: Parsed[] = [];
  let taxa: TermRow[] = [];
  for (const file of vocabFiles()) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const sha = createHash('sha256').update(text).digest('hex');
    let rows: TermRow[];
    try {
      rows = parseVocabFile(file, text, taxa);
    } catch (e) {
      throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    checkRows(file, rows);
    if (file === 'ncbitaxon.tsv') taxa = rows;
    for (const v of VOCABULARIES.filter((x) => x.file === file))
      out.push({
        vocab: v.id,
        version: fileVersionOf(text, v.id) ?? v.version,
        sha,
        rows: rows.filter((r) => r.vocab === v.id),
      });
  }
  return out;
}

async function upsertTerms(tx: Tx, rows: TermRow[], version: string): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => ({
      curie: r.curie,
      vocab: r.vocab,
      kind: r.kind,
      label: r.label,
      synonyms: r.synonyms,
      xrefs: r.xrefs,
      parents: r.parents,
      species: r.species,
      obsolete: r.obsolete ?? false,
      replacedBy: r.replacedBy ?? null,
      sourceVersion: version,
      searchText: searchTextOf(r),
      extra: r.replacedBy ? { ...r.extra, replaced_by: r.replacedBy } : r.extra,
    }));
    const set = Object.fromEntries(
      (
        [
          ['vocab', 'vocab'],
          ['kind', 'kind'],
          ['label', 'label'],
          ['synonyms', 'synonyms'],
          ['xrefs', 'xrefs'],
          ['parents', 'parents'],
          ['species', 'species'],
          ['obsolete', 'obsolete'],
          ['replacedBy', 'replaced_by'],
          ['sourceVersion', 'source_version'],
          ['searchText', 'search_text'],
          ['extra', 'extra'],
        ] as const
      ).map(([key, column]) => [key, sql.raw(`excluded.${column}`)]),
    );
    await tx.insert(terms).values(chunk).onConflictDoUpdate({ target: terms.curie, set });
  }
}

async function replaceClosure(tx: Tx, rows: TermRow[]): Promise<void> {
  const curies = rows.map((r) => r.curie);
  for (let i = 0; i < curies.length; i += CHUNK)
    await tx.delete(termAncestors).where(inArray(termAncestors.curie, curies.slice(i, i + CHUNK)));
  const closure = closureOf(rows);
  for (let i = 0; i < closure.length; i += CHUNK * 5)
    await tx
      .insert(termAncestors)
      .values(closure.slice(i, i + CHUNK * 5).map(([curie, ancestor, depth]) => ({ curie, ancestor, depth })));
}

/** Write one vocabulary's new release; returns its counts. */
async function loadOne(tx: Tx, p: Parsed): Promise<Pick<VocabLoad, 'added' | 'obsoleted' | 'revived'>> {
  const before = new Map(
    (await tx.select({ curie: terms.curie, obsolete: terms.obsolete }).from(terms).where(eq(terms.vocab, p.vocab))).map(
      (r) => [r.curie, r.obsolete],
    ),
  );
  await upsertTerms(tx, p.rows, p.version);
  const present = new Set(p.rows.map((r) => r.curie));
  const gone = [...before].filter(([c, obsolete]) => !obsolete && !present.has(c)).map(([c]) => c);
  for (let i = 0; i < gone.length; i += CHUNK)
    await tx
      .update(terms)
      .set({ obsolete: true })
      .where(inArray(terms.curie, gone.slice(i, i + CHUNK)));
  await replaceClosure(tx, p.rows);
  let added = 0;
  let obsoleted = gone.length;
  let revived = 0;
  for (const r of p.rows) {
    const was = before.get(r.curie);
    if (was === undefined) added++;
    else if (!was && r.obsolete) obsoleted++;
    else if (was && !r.obsolete) revived++;
  }
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(terms)
    .where(sql`${terms.vocab} = ${p.vocab} and ${terms.obsolete}`);
  const values = {
    version: p.version,
    fileSha256: p.sha,
    termCount: p.rows.length,
    obsoleteCount: Number(n),
    loadedAt: new Date(),
  };
  await tx
    .insert(vocabReleases)
    .values({ vocab: p.vocab, ...values })
    .onConflictDoUpdate({ target: vocabReleases.vocab, set: values });
  return { added, obsoleted, revived };
}

/**
 * Point every obsolete term of the loaded vocabularies at the current term its stated
 * replacement chain ends at (lib/vocab/replacement.ts). Chains may cross vocabularies and
 * releases, so this runs over all obsolete terms after every load that changed something.
 */
export async function resolveReplacements(tx: Tx): Promise<void> {
  const obsolete = await tx
    .select({
      curie: terms.curie,
      vocab: terms.vocab,
      stated: sql<string | null>`coalesce(${terms.extra}->>'replaced_by', ${terms.replacedBy})`,
      replacedBy: terms.replacedBy,
    })
    .from(terms)
    .where(eq(terms.obsolete, true));
  const links = new Map<string, ReplacementLink>(
    obsolete.map((t) => [t.curie, { obsolete: true, replacedBy: t.stated }]),
  );
  const targets = [...new Set(obsolete.flatMap((t) => (t.stated && !links.has(t.stated) ? [t.stated] : [])))];
  for (let i = 0; i < targets.length; i += CHUNK)
    for (const { curie } of await tx
      .select({ curie: terms.curie })
      .from(terms)
      .where(inArray(terms.curie, targets.slice(i, i + CHUNK))))
      links.set(curie, { obsolete: false, replacedBy: null });
  const fileVocabs = new Set<string>(VOCABULARIES.map((v) => v.id));
  const changed: Record<string, string | null> = {};
  for (const t of obsolete) {
    if (!fileVocabs.has(t.vocab)) continue;
    const resolved = currentReplacement(t.curie, (c) => links.get(c));
    if (resolved !== t.replacedBy) changed[t.curie] = resolved;
  }
  if (Object.keys(changed).length > 0)
    await tx.execute(sql`
      update terms t set replaced_by = v.value
      from jsonb_each_text(${JSON.stringify(changed)}::jsonb) v
      where t.curie = v.key`);
}

/** Load every vocabulary file of `dir` (see the top of this file). */
export async function loadVocabularies(db: Db, dir = VOCAB_DIR): Promise<VocabLoadReport> {
  const parsed = readAll(dir);
  return db.transaction(async (tx) => {
    const releases = new Map((await tx.select().from(vocabReleases)).map((r) => [r.vocab, r]));
    const report: VocabLoadReport = [];
    for (const p of parsed) {
      const loaded = releases.get(p.vocab);
      // miRBase rows take their species from NCBITaxon: a new taxon file reloads them too.
      const taxaChanged = p.vocab === 'miRBase' && report.some((r) => r.vocab === 'NCBITaxon' && r.status === 'loaded');
      const base = { vocab: p.vocab, previousVersion: loaded?.version ?? null, terms: p.rows.length };
      if (loaded?.fileSha256 === p.sha && !taxaChanged) {
        report.push({ ...base, version: loaded.version, status: 'unchanged', added: 0, obsoleted: 0, revived: 0 });
        continue;
      }
      report.push({ ...base, version: p.version, status: 'loaded', ...(await loadOne(tx, p)) });
    }
    if (report.some((r) => r.status === 'loaded')) await resolveReplacements(tx);
    return report;
  });
}

/** The load report as the CLI prints it: one line per vocabulary loaded, with its release from → to. */
export function describeVocabLoad(report: VocabLoadReport): string[] {
  const loaded = report.filter((r) => r.status === 'loaded');
  if (loaded.length === 0) return ['vocabularies: all up to date'];
  return loaded.map((r) => {
    const release =
      r.previousVersion === null
        ? r.version
        : r.previousVersion === r.version
          ? `${r.version} (file changed, same version: give it a "# version: …" line)`
          : `${r.previousVersion} → ${r.version}`;
    const counts = [
      `${r.terms} terms`,
      r.previousVersion !== null && r.added ? `${r.added} new` : '',
      r.obsoleted ? `${r.obsoleted} now obsolete` : '',
      r.revived ? `${r.revived} current again` : '',
    ].filter(Boolean);
    return `vocabulary ${r.vocab} ${release}: ${counts.join(', ')}`;
  });
}
