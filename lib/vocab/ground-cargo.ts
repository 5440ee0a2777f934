/**
 * Grounding a cargo item's name: a miRNA to the miRBase mature miRNA of the study's species
 * (lib/vocab/mirna-resolve.ts, species-aware), a protein or mRNA to an HGNC symbol when the study
 * is human. Only an exact, single answer grounds; the rest is a proposal or stays ungrounded,
 * with the reason.
 */
import { CARGO_TERM_KINDS } from './fields';
import { type GroundedPiece, groundPiece, type TextIndex } from './ground-text';
import { type MirnaIndex, resolveMirna } from './mirna-resolve';

export const HUMAN = 'NCBITaxon:9606';

export type CargoIndexes = {
  mirna: MirnaIndex;
  /** HGNC rows (human genes). */
  genes: TextIndex;
  /** A species CURIE as people read it ("Mus musculus"); the CURIE itself when unknown. */
  speciesName: (curie: string) => string;
};

/** Can an item of this cargo type carry a term at all (miRNA, protein, mRNA)? */
export function isGroundableCargo(type: string): boolean {
  return (CARGO_TERM_KINDS[type]?.length ?? 0) > 0;
}

type Ref = { curie: string; label: string };
const ref = (t: Ref) => ({ curie: t.curie, label: t.label, kind: 'mirna', via: 'label' as const });

function groundMirna(ix: CargoIndexes, name: string, species: string): GroundedPiece {
  const r = resolveMirna(ix.mirna, name, species);
  switch (r.status) {
    case 'mature':
      return { text: name, status: 'grounded', term: { curie: r.term.curie, label: r.term.label }, note: r.note };
    case 'no_arm':
    case 'ambiguous':
      return {
        text: name,
        status: 'proposal',
        reason: r.status === 'no_arm' ? 'no_arm' : 'ambiguous',
        candidates: r.candidates.map(ref),
        note: r.note,
      };
    default:
      return { text: name, status: 'ungrounded', note: r.note };
  }
}

/**
 * One cargo item against the vocabularies; null when its type takes no term (lipid, metabolite…).
 * Gene symbols are HGNC's, so human only: in a study of another species a protein stays ungrounded.
 */
export function groundCargoItem(
  ix: CargoIndexes,
  item: { name: string; type: string },
  species: string,
): GroundedPiece | null {
  if (!isGroundableCargo(item.type)) return null;
  if (item.type === 'miRNA') return groundMirna(ix, item.name, species);
  if (species !== HUMAN)
    return {
      text: item.name,
      status: 'ungrounded',
      note: `Gene symbols are HGNC's (human genes only); this study's species is ${ix.speciesName(species)}.`,
    };
  return groundPiece(ix.genes, item.name, ['gene'], { variants: false });
}
