import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { VOCABULARIES } from '../lib/vocab/sources';
import { closureOf, parseVocabFile, searchTextOf, type TermRow } from '../lib/vocab/tsv';
import type { Db, Tx } from './client';
import { termAncestors, terms, vocabReleases } from './schema';

export const VOCAB_DIR = path.join(process.cwd(), 'db', 'vocab');

export type VocabLoadReport = {
  vocab: string;
  version: string;
  status: 'loaded' | 'unchanged';
  terms: number;
  /** Terms the new file no longer has (or marks obsolete): kept, marked obsolete, never deleted. */
  obsoleted: number;
}[];

const CHUNK = 1_000;

/** Files in load order: NCBITaxon first, since miRBase rows take their species from it. */
function vocabFiles(): string[] {
  const files = [...new Set(VOCABULARIES.map((v) => v.file))];
  return ['ncbitaxon.tsv', ...files.filter((f) => f !== 'ncbitaxon.tsv')];
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
      extra: r.extra,
    }));
    await tx
      .insert(terms)
      .values(chunk)
      .onConflictDoUpdate({
        target: terms.curie,
        set: {
          vocab: sql`excluded.vocab`,
          kind: sql`excluded.kind`,
          label: sql`excluded.label`,
          synonyms: sql`excluded.synonyms`,
          xrefs: sql`excluded.xrefs`,
          parents: sql`excluded.parents`,
          species: sql`excluded.species`,
          obsolete: sql`excluded.obsolete`,
          replacedBy: sql`excluded.replaced_by`,
          sourceVersion: sql`excluded.source_version`,
          searchText: sql`excluded.search_text`,
          extra: sql`excluded.extra`,
        },
      });
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

/**
 * Load every vocabulary file into `terms` and `term_ancestors`. Idempotent: a
 * file whose hash matches the loaded release is skipped. A newer file updates
 * its terms in place; a term it lacks is marked obsolete (findings that use it
 * are listed for review, never rewritten).
 */
export async function loadVocabularies(db: Db, dir = VOCAB_DIR): Promise<VocabLoadReport> {
  const report: VocabLoadReport = [];
  let taxa: TermRow[] = [];
  for (const file of vocabFiles()) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const sha = createHash('sha256').update(text).digest('hex');
    const rows = parseVocabFile(file, text, taxa);
    if (file === 'ncbitaxon.tsv') taxa = rows;
    for (const v of VOCABULARIES.filter((x) => x.file === file)) {
      const mine = rows.filter((r) => r.vocab === v.id);
      const [loaded] = await db.select().from(vocabReleases).where(eq(vocabReleases.vocab, v.id));
      if (loaded?.fileSha256 === sha) {
        report.push({
          vocab: v.id,
          version: loaded.version,
          status: 'unchanged',
          terms: loaded.termCount,
          obsoleted: 0,
        });
        continue;
      }
      const obsoleted = await db.transaction(async (tx) => {
        await upsertTerms(tx, mine, v.version);
        const present = new Set(mine.map((r) => r.curie));
        const before = await tx
          .select({ curie: terms.curie })
          .from(terms)
          .where(and(eq(terms.vocab, v.id), eq(terms.obsolete, false)));
        const gone = before.map((r) => r.curie).filter((c) => !present.has(c));
        for (let i = 0; i < gone.length; i += CHUNK)
          await tx
            .update(terms)
            .set({ obsolete: true })
            .where(inArray(terms.curie, gone.slice(i, i + CHUNK)));
        await replaceClosure(tx, mine);
        const values = {
          version: v.version,
          fileSha256: sha,
          termCount: mine.length,
          obsoleteCount: gone.length + mine.filter((r) => r.obsolete).length,
          loadedAt: new Date(),
        };
        await tx
          .insert(vocabReleases)
          .values({ vocab: v.id, ...values })
          .onConflictDoUpdate({ target: vocabReleases.vocab, set: values });
        return gone.length;
      });
      report.push({ vocab: v.id, version: v.version, status: 'loaded', terms: mine.length, obsoleted });
    }
  }
  return report;
}
