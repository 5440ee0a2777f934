/**
 * Cargo cells as printed in the review's Table 1 ("miR-1, miR-2-6, and
 * miR-499; miR-206") → structured cargo items. The rule, also exported as
 * CARGO_RULE_TEXT for the README:
 *
 * 1. A cell that is "NA" (or empty) means no cargo identified: [].
 * 2. Split on ";", on "," followed by a space (", and" too) and on " and ".
 *    "/" never splits: "miR-27a/b-3p" and "AAV-miR-23a/27a" stay one item,
 *    and "1,2-diacylglycerol" (comma without space) stays whole.
 * 3. Drop empty and "NA" pieces ("NA; miR-16" → miR-16); drop repeats.
 * 4. Type each piece, first match wins:
 *    - miRNA: contains miR-/let-7 (any case), also after a delivery-vector
 *      prefix ("AAV-miR-29a", "Exo/miR29", "pLamp2b/MSTP-miR-26a");
 *    - circRNA / lncRNA: "circ…" / "lnc…" names;
 *    - other: delivery constructs ("Lamp2b-RVG vector", "… plasmid");
 *    - DNA / mRNA: "DNA", "mtDNA", "cDNA" / "mRNA";
 *    - protein: enzyme, receptor, factor, cytokine or myokine words
 *      ("lactate dehydrogenase A", "nitric oxide synthase", "interleukin-6",
 *      "Musclin"), checked before lipids and metabolites so that an enzyme
 *      named after its substrate stays a protein;
 *    - lipid: palmitate, cholesterol (also "intramuscular cholesterol
 *      contents"), ceramides, phospholipids, fatty acids and their salts;
 *    - metabolite: lactate, succinate, pyruvate, other small metabolites;
 *    - protein: a one-word gene/protein symbol with a digit or an inner
 *      capital (CD71, VEGF, Prrx2, RAB35, pro-BDNF, b2-AR, FDNC5);
 *    - other: anything else.
 * 5. Names are kept as printed (typos included; curators correct them
 *    through the app), except that a bare miRNA name is spelled the miRBase
 *    way ("MIR133A" → "miR-133a"). A miRNA with a delivery-vector prefix is
 *    kept exactly as printed ("AAV-miR-29a", "Exo/miR29"): the vector is part
 *    of what the paper tested, and stripping it would merge it with the
 *    endogenous miRNA.
 */
import type { CargoItem } from '../finding/schema';
import { toCargoItem } from './classify';
import { normalizeMirnaName } from './mirna';

export const CARGO_RULE_TEXT = [
  'Cargo cells of the review’s Table 1 are split into items as follows.',
  '1. A cell that is "NA" (or empty) means no cargo identified: no items.',
  '2. Split on ";", on "," followed by a space (also ", and") and on " and ". "/" never splits: "miR-27a/b-3p" and "AAV-miR-23a/27a" stay one item.',
  '3. Empty and "NA" pieces are dropped ("NA; miR-16" → miR-16), and so are repeats.',
  '4. Each piece gets a type, first match wins: miRNA if it contains miR-/let-7 in any case, also after a delivery-vector prefix ("AAV-miR-29a", "Exo/miR29"); circRNA/lncRNA for circ…/lnc… names; other for delivery constructs ("Lamp2b-RVG vector"); DNA/mRNA for DNA, mtDNA, mRNA; protein for enzyme, receptor, factor, cytokine or myokine names ("lactate dehydrogenase A", "nitric oxide synthase", "interleukin-6", "Musclin"); lipid for palmitate, cholesterol (also "intramuscular cholesterol contents"), ceramides, phospholipids and fatty acids; metabolite for lactate, succinate, pyruvate and other small metabolites; protein for a one-word gene/protein symbol with a digit or an inner capital (CD71, VEGF, Prrx2, RAB35, pro-BDNF, b2-AR); other for anything else.',
  '5. Names are kept as printed, except that a bare miRNA name is spelled the miRBase way ("MIR133A" → "miR-133a", "HSA-MIR-21-5P" → "hsa-miR-21-5p"). A miRNA with a delivery-vector prefix is kept exactly as printed ("AAV-miR-29a"), since the vector is part of what was tested.',
].join('\n');

const SEPARATOR = /\s*;\s*|\s*,\s+(?:and\s+)?|\s+and\s+/i;
const NOT_AVAILABLE = /^(?:NA|N\/A)$/;

/** Split a printed cargo cell into typed cargo items (see CARGO_RULE_TEXT). */
export function parseCargoCell(cell: string): CargoItem[] {
  const items: CargoItem[] = [];
  const seen = new Set<string>();
  for (const raw of cell.split(SEPARATOR)) {
    const piece = raw.trim();
    if (piece === '' || NOT_AVAILABLE.test(piece)) continue;
    const item = toCargoItem(piece);
    const key = itemKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

function itemKey(item: CargoItem): string {
  const name = item.type === 'miRNA' ? normalizeMirnaName(item.name) : item.name.trim().replace(/\s+/g, ' ');
  return `${item.type}:${name.toLowerCase()}`;
}

/**
 * Order-independent key of a cargo set, for spotting duplicate findings:
 * "type:name" per item (miRNA names miRBase-normalized, all names
 * lower-cased, whitespace collapsed), de-duplicated, sorted, joined by "|".
 * An empty set gives "".
 */
export function cargoKey(items: readonly CargoItem[]): string {
  return [...new Set(items.map(itemKey))].sort().join('|');
}

/** Cargo names as one line, for search and export: "miR-1; miR-206". */
export function cargoText(items: readonly CargoItem[]): string {
  return items.map((i) => i.name).join('; ');
}
