/** Grounding text against the project's real vocabulary files (db/vocab/*.tsv). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUNDED_FIELDS } from './fields';
import {
  buildTextIndex,
  formatProposalReason,
  type GroundedPiece,
  groundPiece,
  groundText,
  parseProposalReason,
  splitFieldText,
} from './ground-text';
import { parseVocabFile, type TermRow } from './tsv';

const DIR = path.join(process.cwd(), 'db', 'vocab');
const read = (f: string) => readFileSync(path.join(DIR, f), 'utf8');
const taxa = parseVocabFile('ncbitaxon.tsv', read('ncbitaxon.tsv'));
const rows: TermRow[] = ['uberon.tsv', 'cl.tsv', 'cellosaurus.tsv', 'disease.tsv', 'hgnc.tsv'].flatMap((f) =>
  parseVocabFile(f, read(f), taxa),
);
const index = buildTextIndex([...rows, ...taxa]);

const EV_SOURCE = GROUNDED_FIELDS.evSourceTerms.kinds;
const RECIPIENT = GROUNDED_FIELDS.recipientCellTerms.kinds;
const DISEASE = GROUNDED_FIELDS.diseaseTerms.kinds;

/** A piece as one line: "text → status curie…". */
const brief = (p: GroundedPiece) =>
  p.status === 'grounded'
    ? `${p.text} → grounded ${p.term.curie}`
    : p.status === 'proposal'
      ? `${p.text} → ${p.reason} ${p.candidates.map((c) => c.curie).join(' ')}`
      : `${p.text} → ungrounded`;

describe('groundText', () => {
  it('grounds a cell line named with "cells", a plural cell type and an organ by their labels', () => {
    expect(groundText(index, 'C2C12 cells', RECIPIENT).map(brief)).toEqual([
      'C2C12 cells → grounded cellosaurus:CVCL_0188',
    ]);
    expect(groundText(index, '  c2c12   CELLS ', RECIPIENT).map(brief)).toEqual([
      'c2c12   CELLS → grounded cellosaurus:CVCL_0188',
    ]);
    expect(groundText(index, 'Schwann cells, dorsal root ganglion cells', RECIPIENT).map(brief)).toEqual([
      'Schwann cells → grounded CL:0002573',
      'dorsal root ganglion cells → ungrounded',
    ]);
    expect(groundText(index, 'Neurons', RECIPIENT).map(brief)).toEqual(['Neurons → grounded CL:0000540']);
    expect(groundText(index, 'gastrocnemius, Plantaris, EDL, soleus', EV_SOURCE).map(brief)).toEqual([
      'gastrocnemius → grounded UBERON:0001388',
      'Plantaris → grounded UBERON:0011905',
      'EDL → ungrounded',
      'soleus → synonym UBERON:0001389',
    ]);
    expect(groundText(index, 'Osteoporosis', DISEASE).map(brief)).toEqual(['Osteoporosis → grounded MONDO:0005298']);
  });

  it('makes the known wrong synonyms proposals, never groundings', () => {
    const myofibril = groundPiece(index, 'myofibril', RECIPIENT);
    expect(myofibril).toMatchObject({ status: 'proposal', reason: 'synonym' });
    expect(myofibril.status === 'proposal' && myofibril.candidates.map((c) => c.curie)).toEqual(['CL:0002372']);
    expect(myofibril.note).toMatch(/synonym of myotube \(CL:0002372\), not its label/);
    // A comma inside a term's name does not cut it: the whole text is MONDO's (wrong) synonym of type 2 diabetes.
    const digenic = groundText(index, 'insulin resistance, severe, digenic', DISEASE);
    expect(digenic.map(brief)).toEqual(['insulin resistance, severe, digenic → synonym MONDO:0005148']);
    // The label itself grounds.
    expect(groundText(index, 'Myotube', EV_SOURCE).map(brief)).toEqual(['Myotube → grounded CL:0002372']);
  });

  it('never maps an abbreviation the vocabularies lack, and only proposes those they list as synonyms', () => {
    for (const [text, kinds] of [
      ['SKM', EV_SOURCE],
      ['TA', EV_SOURCE],
      ['EDL', EV_SOURCE],
      ['FAPs', RECIPIENT],
      ['IR', DISEASE],
      ['HFD', DISEASE],
      ['UUO', DISEASE],
    ] as const)
      expect(groundPiece(index, text, kinds).status, text).toBe('ungrounded');
    // CL lists BMSC and MSC as related synonyms of mesenchymal stem cell; DMD and COPD are MONDO synonyms.
    for (const [text, kinds, curie] of [
      ['BMSCs', RECIPIENT, 'CL:0000134'],
      ['MSCs', EV_SOURCE, 'CL:0000134'],
      ['DMD', DISEASE, 'MONDO:0010679'],
      ['COPD', DISEASE, 'MONDO:0005002'],
    ] as const)
      expect(brief(groundPiece(index, text, kinds))).toBe(`${text} → synonym ${curie}`);
  });

  it('proposes every candidate when several terms match, and says why', () => {
    const huvec = groundPiece(index, 'HUVEC cells', RECIPIENT);
    expect(brief(huvec)).toBe('HUVEC cells → ambiguous cellosaurus:CVCL_0F27 cellosaurus:CVCL_2959');
    // Two Cellosaurus lines are named INS-1 (case aside): two label matches are no grounding.
    const ins1 = groundPiece(index, 'INS-1', RECIPIENT);
    expect(ins1.status).toBe('proposal');
    expect(ins1.status === 'proposal' && ins1.candidates.map((c) => c.curie)).toEqual(
      expect.arrayContaining(['cellosaurus:CVCL_0352', 'cellosaurus:CVCL_VK12']),
    );
    // The spelling papers use is a synonym, with Cellosaurus' own name in the note.
    const hepg2 = groundPiece(index, 'HepG2 cells', RECIPIENT);
    expect(brief(hepg2)).toBe('HepG2 cells → synonym cellosaurus:CVCL_0027');
    expect(hepg2.note).toMatch(/spelling papers use for Hep-G2/);
    // A hyphen is a respelling, not a label match.
    const pre = groundPiece(index, 'Pre-Adipocytes', RECIPIENT);
    expect(brief(pre)).toBe('Pre-Adipocytes → synonym CL:0002334');
    expect(pre.note).toMatch(/hyphens/);
  });

  it('only takes the kinds of term the field accepts', () => {
    const kidney = groundPiece(index, 'Kidney', RECIPIENT);
    expect(kidney.status).toBe('ungrounded');
    expect(kidney.note).toMatch(/kidney \(UBERON:0002113\) is an anatomy term/);
    expect(brief(groundPiece(index, 'Kidney', EV_SOURCE))).toBe('Kidney → grounded UBERON:0002113');
    // Dropping "cells" is for cell lines only: "spleen cells" is not the organ, "kidney cells" is CL's kidney cell.
    expect(groundPiece(index, 'spleen cells', EV_SOURCE).status).toBe('ungrounded');
    expect(brief(groundPiece(index, 'kidney cells', EV_SOURCE))).toBe('kidney cells → grounded CL:1000497');
  });

  it('skips obsolete terms', () => {
    const only = buildTextIndex([
      { curie: 'CL:9', kind: 'cell', label: 'old cell', synonyms: [], obsolete: true },
      { curie: 'CL:8', kind: 'cell', label: 'new cell', synonyms: ['old cell'] },
    ]);
    expect(brief(groundPiece(only, 'old cell', ['cell']))).toBe('old cell → synonym CL:8');
  });
});

describe('splitFieldText', () => {
  it('cuts at ";", "," and " and ", never inside a hyphenated or slashed name', () => {
    expect(splitFieldText('Kidney; SKM')).toEqual(['Kidney', 'SKM']);
    expect(splitFieldText('IR, obesity')).toEqual(['IR', 'obesity']);
    expect(splitFieldText('MSCs and their derived myoblasts')).toEqual(['MSCs', 'their derived myoblasts']);
    expect(splitFieldText('Musclin, CD71, VEGF, and b2-AR')).toEqual(['Musclin', 'CD71', 'VEGF', 'b2-AR']);
    expect(splitFieldText('bone marrow-derived macrophages')).toEqual(['bone marrow-derived macrophages']);
    expect(splitFieldText('C3H/10T1/2 cells; Kidney; kidney')).toEqual(['C3H/10T1/2 cells', 'Kidney']);
  });

  it('gives nothing for "NA" or empty text', () => {
    for (const text of ['NA', '', '  ', 'N/A', 'NA; NA']) expect(splitFieldText(text), text).toEqual([]);
  });

  it('keeps a term whose name has a comma whole', () => {
    expect(splitFieldText('skeletal muscle organ, vertebrate; heart', index, EV_SOURCE)).toEqual([
      'skeletal muscle organ, vertebrate',
      'heart',
    ]);
    expect(groundText(index, 'skeletal muscle organ, vertebrate', EV_SOURCE).map(brief)).toEqual([
      'skeletal muscle organ, vertebrate → grounded UBERON:0014892',
    ]);
  });
});

describe('proposal reasons', () => {
  it('stores the reason and the note in one text and reads them back', () => {
    const stored = formatProposalReason({ reason: 'no_arm', note: 'The paper gives no arm: miR-34a.' });
    expect(parseProposalReason(stored)).toEqual({ reason: 'no_arm', note: 'The paper gives no arm: miR-34a.' });
    expect(parseProposalReason('something else')).toEqual({ reason: null, note: 'something else' });
  });
});
