import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMirnaIndex, mirnaIndexFromTermRows, resolveMirna, type MirnaResolution } from './mirna-resolve';
import { parseVocabFile, type TermRow } from './tsv';

// The real vocabulary files: every accession below was checked against db/vocab/mirbase-mature.tsv.
const dir = path.join(import.meta.dirname, '..', '..', 'db', 'vocab');
const taxa = parseVocabFile('ncbitaxon.tsv', readFileSync(path.join(dir, 'ncbitaxon.tsv'), 'utf8'));
const rows = parseVocabFile('mirbase-mature.tsv', readFileSync(path.join(dir, 'mirbase-mature.tsv'), 'utf8'), taxa);
const index = mirnaIndexFromTermRows([...taxa, ...rows]);
const speciesOf = new Map(rows.map((r) => [r.curie, r.species]));

const SPECIES = { hsa: 'NCBITaxon:9606', mmu: 'NCBITaxon:10090', rno: 'NCBITaxon:10116' } as const;
type Code = keyof typeof SPECIES;

/**
 * [species, name as the paper writes it, expected answer, a phrase the note must carry].
 * Answer: "exact <label> <MIMAT>", "release18 <label> <MIMAT>", "no_arm|ambiguous <label> <MIMAT>, …" or "ungrounded".
 */
const CASES: [Code, string, string, string?][] = [
  // human: spellings of miR-206, which miRBase 22 names without arm in human
  ['hsa', 'miR-206', 'exact hsa-miR-206 MIMAT0000462', 'only mature miRNA of that name'],
  ['hsa', 'microRNA-206', 'exact hsa-miR-206 MIMAT0000462'],
  ['hsa', 'miR206', 'exact hsa-miR-206 MIMAT0000462'],
  ['hsa', 'mir-206', 'exact hsa-miR-206 MIMAT0000462'],
  ['hsa', 'MIR-206', 'exact hsa-miR-206 MIMAT0000462'],
  ['hsa', 'hsa-miR-206', 'exact hsa-miR-206 MIMAT0000462'],
  ['hsa', 'miR-206-3p', 'ambiguous hsa-miR-206 MIMAT0000462', 'not grounded automatically'],
  ['hsa', 'pre-miR-206', 'no_arm hsa-miR-206 MIMAT0000462', 'names the precursor (pre-miR-206)'],
  ['hsa', 'mmu-miR-206', 'ungrounded', 'species prefix mmu-'],
  // human: arms, no arm, release-18 names
  ['hsa', 'miR-34a', 'no_arm hsa-miR-34a-5p MIMAT0000255, hsa-miR-34a-3p MIMAT0004557', 'kept at the precursor level'],
  ['hsa', 'miR-34a-5p', 'exact hsa-miR-34a-5p MIMAT0000255', 'hsa-miR-34a-3p (MIMAT0004557)'],
  ['hsa', 'HSA-MIR-34A-3P', 'exact hsa-miR-34a-3p MIMAT0004557'],
  ['hsa', 'miR-34', 'ungrounded', 'hsa-miR-34a, hsa-miR-34b, hsa-miR-34c'],
  ['hsa', 'miR-1', 'release18 hsa-miR-1-3p MIMAT0000416', 'Called hsa-miR-1 in miRBase 18'],
  ['hsa', 'miR-133a', 'release18 hsa-miR-133a-3p MIMAT0000427', 'hsa-miR-133a-5p (MIMAT0026478)'],
  ['hsa', 'miR-203', 'release18 hsa-miR-203a-3p MIMAT0000264', 'Called hsa-miR-203 in miRBase 18'],
  ['hsa', 'miR-3545-5p', 'release18 hsa-miR-203b-5p MIMAT0019813'],
  ['hsa', 'miR-133b', 'exact hsa-miR-133b MIMAT0000770'],
  ['hsa', 'miR-133b-3p', 'ambiguous hsa-miR-133b MIMAT0000770', 'without arm'],
  ['hsa', 'miR-21*', 'ambiguous hsa-miR-21-5p MIMAT0000076, hsa-miR-21-3p MIMAT0004494', 'cannot be told'],
  // human: let-7 family
  ['hsa', 'let-7a', 'no_arm hsa-let-7a-5p MIMAT0000062, hsa-let-7a-3p MIMAT0004481, hsa-let-7a-2-3p MIMAT0010195'],
  ['hsa', 'Let-7a-5p', 'exact hsa-let-7a-5p MIMAT0000062'],
  ['hsa', 'let7c', 'release18 hsa-let-7c-5p MIMAT0000064', 'Called hsa-let-7c in miRBase 18'],
  ['hsa', 'let-7', 'ungrounded', 'names a family'],
  ['hsa', 'let-7f-3p', 'ambiguous hsa-let-7f-1-3p MIMAT0004486, hsa-let-7f-2-3p MIMAT0004487', 'per precursor copy'],
  // human: copies and slash families
  ['hsa', 'let-7a-2', 'ambiguous hsa-let-7a-5p MIMAT0000062, hsa-let-7a-3p MIMAT0004481, hsa-let-7a-2-3p MIMAT0010195'],
  ['hsa', 'miR-133a-1', 'ambiguous hsa-miR-133a-5p MIMAT0026478, hsa-miR-133a-3p MIMAT0000427', 'one copy'],
  ['hsa', 'miR-133a-1-3p', 'ambiguous hsa-miR-133a-3p MIMAT0000427', 'whatever the copy'],
  [
    'hsa',
    'miR-29b',
    'no_arm hsa-miR-29b-1-5p MIMAT0004514, hsa-miR-29b-3p MIMAT0000100, hsa-miR-29b-2-5p MIMAT0004515',
  ],
  ['hsa', 'miR-29b-5p', 'ambiguous hsa-miR-29b-1-5p MIMAT0004514, hsa-miR-29b-2-5p MIMAT0004515'],
  ['hsa', 'miR-27a/b-3p', 'ambiguous hsa-miR-27a-3p MIMAT0000084, hsa-miR-27b-3p MIMAT0000419', 'own cargo item'],
  // human: one species only, unknown
  ['hsa', 'miR-1246', 'exact hsa-miR-1246 MIMAT0005898'],
  ['hsa', 'miR-21a-5p', 'ungrounded', 'mmu only'],
  ['hsa', 'miR-290', 'ungrounded', 'mmu, rno only'],
  ['hsa', 'miR-1b', 'ungrounded', 'never grounded to another species'],
  ['hsa', 'miR-99999', 'ungrounded', 'request a term'],
  ['hsa', 'VEGF', 'ungrounded', 'not a miRNA name'],
  // mouse: the examples
  ['mmu', 'miR-34a', 'no_arm mmu-miR-34a-5p MIMAT0000542, mmu-miR-34a-3p MIMAT0017022'],
  ['mmu', 'mmu-miR-34a-5p', 'exact mmu-miR-34a-5p MIMAT0000542'],
  ['mmu', 'miR-206', 'no_arm mmu-miR-206-5p MIMAT0017004, mmu-miR-206-3p MIMAT0000239', '(mmu-miR-206)'],
  ['mmu', 'MIR206', 'no_arm mmu-miR-206-5p MIMAT0017004, mmu-miR-206-3p MIMAT0000239'],
  ['mmu', 'microRNA-206-3p', 'exact mmu-miR-206-3p MIMAT0000239'],
  ['mmu', 'hsa-miR-206', 'ungrounded', 'species prefix hsa-'],
  // mouse: renamed since release 18
  ['mmu', 'miR-21', 'no_arm mmu-miR-21a-5p MIMAT0000530, mmu-miR-21a-3p MIMAT0004628', 'was mmu-miR-21-5p'],
  ['mmu', 'miR-21-5p', 'release18 mmu-miR-21a-5p MIMAT0000530', 'Called mmu-miR-21-5p in miRBase 18'],
  ['mmu', 'miR-21a-5p', 'exact mmu-miR-21a-5p MIMAT0000530'],
  ['mmu', 'miR-126-3p', 'release18 mmu-miR-126a-3p MIMAT0000138'],
  ['mmu', 'miR-3107', 'no_arm mmu-miR-486b-5p MIMAT0014943, mmu-miR-486b-3p MIMAT0014944', 'was mmu-miR-3107-5p'],
  ['mmu', 'mmu-miR-1982.1-3p', 'release18 mmu-miR-1982-3p MIMAT0009460'],
  ['mmu', 'mmu-miR-3102-5p.2-5p', 'exact mmu-miR-3102-5p.2-5p MIMAT0014934'],
  // mouse: let-7, families, copies, slash
  ['mmu', 'let-7a', 'no_arm mmu-let-7a-5p MIMAT0000521, mmu-let-7a-1-3p MIMAT0004620, mmu-let-7a-2-3p MIMAT0017015'],
  ['mmu', 'let-7a-3p', 'ambiguous mmu-let-7a-1-3p MIMAT0004620, mmu-let-7a-2-3p MIMAT0017015'],
  ['mmu', 'let-7', 'ungrounded', 'mmu-let-7j, mmu-let-7k'],
  ['mmu', 'miR-1', 'ungrounded', 'mmu-miR-1a, mmu-miR-1b'],
  ['mmu', 'miR-1a-3p', 'exact mmu-miR-1a-3p MIMAT0000123'],
  ['mmu', 'miR-133b', 'no_arm mmu-miR-133b-5p MIMAT0017083, mmu-miR-133b-3p MIMAT0000769'],
  ['mmu', 'miR-27a/b-3p', 'ambiguous mmu-miR-27a-3p MIMAT0000537, mmu-miR-27b-3p MIMAT0000126'],
  [
    'mmu',
    'miR-15/16',
    'ambiguous mmu-miR-16-5p MIMAT0000527, mmu-miR-16-1-3p MIMAT0004625, mmu-miR-16-2-3p MIMAT0017018',
  ],
  // mouse: one species only
  ['mmu', 'miR-290a-5p', 'exact mmu-miR-290a-5p MIMAT0000366'],
  ['mmu', 'miR-1246', 'ungrounded', 'hsa, bta only'],
  // rat: release 18 names still spoken today
  ['rno', 'miR-206', 'release18 rno-miR-206-3p MIMAT0000879', 'Called rno-miR-206 in miRBase 18'],
  ['rno', 'mir-206', 'release18 rno-miR-206-3p MIMAT0000879', 'rno-miR-206-5p (MIMAT0017154)'],
  ['rno', 'miR-206*', 'release18 rno-miR-206-5p MIMAT0017154', 'Called rno-miR-206* in miRBase 18'],
  ['rno', 'rno-miR-206-5p', 'exact rno-miR-206-5p MIMAT0017154'],
  ['rno', 'miR-34a', 'release18 rno-miR-34a-5p MIMAT0000815'],
  ['rno', 'pre-miR-34a', 'no_arm rno-miR-34a-5p MIMAT0000815, rno-miR-34a-3p MIMAT0017106'],
  ['rno', 'miR-29b', 'release18 rno-miR-29b-3p MIMAT0000801'],
  ['rno', 'miR-126*', 'release18 rno-miR-126a-5p MIMAT0000831'],
  ['rno', 'let-7a', 'release18 rno-let-7a-5p MIMAT0000774'],
  ['rno', 'let-7a-3p', 'ambiguous rno-let-7a-1-3p MIMAT0017085, rno-let-7a-2-3p MIMAT0017086'],
  ['rno', 'let-7', 'ungrounded', 'names a family'],
  ['rno', 'miR-7', 'ungrounded', 'rno-miR-7a, rno-miR-7b'],
  // rat: single mature without arm, one species only
  ['rno', 'miR-486', 'exact rno-miR-486 MIMAT0037265'],
  ['rno', 'miR-486-5p', 'ambiguous rno-miR-486 MIMAT0037265', 'not grounded automatically'],
  ['rno', 'miR-290', 'exact rno-miR-290 MIMAT0000893'],
  ['rno', 'miR-1b', 'exact rno-miR-1b MIMAT0037263'],
  ['rno', 'miR-21-5p', 'exact rno-miR-21-5p MIMAT0000790'],
  ['rno', 'miR-21a-5p', 'ungrounded', 'mmu only'],
  ['rno', 'miR-1246', 'ungrounded'],
  ['rno', 'miR-27a/b-3p', 'ambiguous rno-miR-27a-3p MIMAT0000799, rno-miR-27b-3p MIMAT0000798'],
  ['rno', 'hsa-let-7a-5p', 'ungrounded', 'species prefix hsa-'],
];

/** The resolution in the table's notation. */
function show(r: MirnaResolution): string {
  const term = (t: { curie: string; label: string }) => `${t.label} ${t.curie.replace('mirbase.mature:', '')}`;
  if (r.status === 'mature') return `${r.via} ${term(r.term)}`;
  if (r.status === 'ungrounded') return 'ungrounded';
  return `${r.status} ${r.candidates.map(term).join(', ')}`;
}

describe('resolveMirna: the resolution table (real miRBase 22 data)', () => {
  it.each(CASES)('%s %s → %s', (code, name, expected, phrase) => {
    const r = resolveMirna(index, name, SPECIES[code]);
    expect(show(r)).toBe(expected);
    expect(r.note.length).toBeGreaterThan(0);
    if (phrase) expect(r.note).toContain(phrase);
  });

  it('has at least 40 cases across human, mouse and rat', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    for (const code of Object.keys(SPECIES)) expect(CASES.filter((c) => c[0] === code).length).toBeGreaterThan(15);
  });

  it('says the paper names no arm, in the words of the issue', () => {
    expect(resolveMirna(index, 'miR-34a', SPECIES.mmu).note).toBe(
      'The paper names no arm: kept at the precursor level (mmu-miR-34a); ' +
        'candidates: mmu-miR-34a-5p (MIMAT0000542), mmu-miR-34a-3p (MIMAT0017022).',
    );
  });

  it('prefers the current name when a miRBase 18 name is now another accession’s name (macaque miR-519a)', () => {
    // mml-miR-519a is MIMAT0036445 in release 22; in release 18 it was MIMAT0006384's name (now mml-miR-519a-3p).
    const r = resolveMirna(index, 'miR-519a', 'NCBITaxon:9544');
    expect(show(r)).toBe('exact mml-miR-519a MIMAT0036445');
  });

  it('leaves a species without miRBase data ungrounded', () => {
    const r = resolveMirna(index, 'miR-206', 'NCBITaxon:9925'); // goat: no miRBase rows in this subset
    expect(r.status).toBe('ungrounded');
    expect(r.note).toContain('NCBITaxon:9925');
  });
});

describe('resolveMirna: properties over every human, mouse and rat name', () => {
  const ours = rows.filter((r) => Object.values(SPECIES).some((s) => s === r.species));
  const bare = (n: string) => n.replace(/^[a-z]{3}-/, '');

  it('resolves every miRBase 22 name to itself, with or without its species prefix', () => {
    const wrong = ours.flatMap((r) =>
      [r.label, bare(r.label)]
        .map((n) => [n, show(resolveMirna(index, n, r.species!))] as const)
        .filter(([, got]) => got !== `exact ${r.label} ${r.extra.accession}`),
    );
    expect(wrong).toEqual([]);
    expect(ours.length).toBe(2656 + 1978 + 764);
  });

  it('resolves every miRBase 18 name that is no current name to its accession', () => {
    const current = new Set(ours.map((r) => r.label.toLowerCase()));
    const renamed = ours.filter(
      (r) => r.extra.name_in_release_18 && !current.has(r.extra.name_in_release_18.toLowerCase()),
    );
    const wrong = renamed
      .map((r) => [r.extra.name_in_release_18!, show(resolveMirna(index, r.extra.name_in_release_18!, r.species!))])
      .filter(([, got], i) => got !== `release18 ${renamed[i]!.label} ${renamed[i]!.extra.accession}`);
    expect(wrong).toEqual([]);
    expect(renamed.length).toBeGreaterThan(600);
  });

  it('never returns a term of another species, whatever the name', () => {
    const names = new Set<string>(['let-7', 'miR-27a/b-3p', 'miR-23a/27a', 'miR-15/16', 'pre-miR-21', 'miR-99999']);
    for (const r of ours)
      for (const n of [r.label, r.extra.name_in_release_18].filter((x): x is string => !!x)) {
        const b = bare(n);
        const stem = b.replace(/(-[35]p)?\*?$/, '');
        // As written (with its own species prefix: ungrounded in the two other species), bare, and variations of it.
        for (const v of [n, b, stem, `${stem}*`, `${stem}-5p`, `${stem}-3p`, stem.replace(/-\d+$/, '')]) names.add(v);
      }
    const wrong: string[] = [];
    let checked = 0;
    for (const name of names)
      for (const species of Object.values(SPECIES)) {
        const r = resolveMirna(index, name, species);
        const terms = r.status === 'mature' ? [r.term] : r.candidates;
        for (const t of terms) if (speciesOf.get(t.curie) !== species) wrong.push(`${name} in ${species} → ${t.label}`);
        const prefix = /^(hsa|mmu|rno)-/.exec(name)?.[1];
        if (prefix && SPECIES[prefix as Code] !== species && r.status !== 'ungrounded')
          wrong.push(`${name} in ${species}`);
        checked += terms.length;
      }
    expect(wrong).toEqual([]);
    expect(names.size).toBeGreaterThan(15_000);
    expect(checked).toBeGreaterThan(20_000);
  });
});

describe('buildMirnaIndex', () => {
  const row = (curie: string, name: string, species = 'NCBITaxon:1', nameInRelease18?: string) => ({
    curie,
    name,
    species,
    nameInRelease18,
  });

  it('proposes, never picks, when two accessions share a name', () => {
    const idx = buildMirnaIndex([row('mirbase.mature:A', 'xyz-miR-9-5p'), row('mirbase.mature:B', 'xyz-miR-9-5p')]);
    const r = resolveMirna(idx, 'miR-9-5p', 'NCBITaxon:1');
    expect(r.status).toBe('ambiguous');
    expect(r.status !== 'mature' && r.candidates.map((c) => c.curie)).toEqual(['mirbase.mature:A', 'mirbase.mature:B']);
  });

  it('does not take a miRBase 18 name shared by two accessions as deterministic', () => {
    const idx = buildMirnaIndex([
      row('mirbase.mature:A', 'xyz-miR-9a-5p', 'NCBITaxon:1', 'xyz-miR-9'),
      row('mirbase.mature:B', 'xyz-miR-9b-5p', 'NCBITaxon:1', 'xyz-miR-9'),
    ]);
    expect(resolveMirna(idx, 'miR-9', 'NCBITaxon:1').status).toBe('ambiguous');
  });

  it('reads only miRNA terms with a species from term rows', () => {
    const term = (curie: string, label: string, kind: TermRow['kind'], species: string | null): TermRow => ({
      ...{ curie, label, kind, species, vocab: 'x', synonyms: [], xrefs: [], parents: [] },
      extra: {},
    });
    const idx = mirnaIndexFromTermRows([
      term('mirbase.mature:A', 'xyz-miR-9', 'mirna', 'NCBITaxon:1'),
      term('HGNC:1', 'xyz-miR-10', 'gene', 'NCBITaxon:1'),
      term('mirbase.mature:C', 'xyz-miR-11', 'mirna', null),
    ]);
    expect(show(resolveMirna(idx, 'miR-9', 'NCBITaxon:1'))).toBe('exact xyz-miR-9 A');
    expect(resolveMirna(idx, 'miR-10', 'NCBITaxon:1').status).toBe('ungrounded');
    expect(resolveMirna(idx, 'miR-11', 'NCBITaxon:1').status).toBe('ungrounded');
  });
});
