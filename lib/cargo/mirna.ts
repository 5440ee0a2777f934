/**
 * miRNA names in miRBase style, so that "MIR133A", "mir-133A" and "miR133a"
 * are one cargo item when curators search, deduplicate or export.
 *
 * Shape recognised (case-insensitive, hyphen/dash variants and a missing
 * hyphen after "miR" tolerated):
 *
 *   [species-]  miR | miRNA | microRNA | let  -  id [-copy] [/alt ...] [-5p|-3p] [*]
 *
 * Output: species code lower-case ("hsa-"), "miR" (mature form; papers mix
 * the precursor "mir" spelling freely), or "let" for the let-7 family, id and
 * letter suffixes lower-case ("miR-27a/b-3p"), arm lower-case, star kept.
 *
 * A species prefix is recognised when it is a known miRBase code in any case
 * ("HSA-") or any other 3-4 letter code already written lower-case ("cgr-"):
 * miRBase codes are always lower-case, while upper-case prefixes such as
 * "AAV-" are delivery vectors, not species. Lower-case words that mean
 * something else ("pre-", "pri-", "anti-", "exo-") are never species.
 */

/** miRBase species codes for the organisms curated here (and a few model organisms). */
export const MIRBASE_SPECIES_PREFIXES = [
  'hsa', // human
  'mmu', // mouse
  'rno', // rat
  'ssc', // pig
  'bta', // cattle
  'oar', // sheep
  'eca', // horse
  'cfa', // dog
  'ocu', // rabbit
  'mml', // rhesus macaque
  'ptr', // chimpanzee
  'gga', // chicken
  'dre', // zebrafish
  'chi', // goat
  'xtr', // Xenopus tropicalis
  'xla', // Xenopus laevis
  'cel', // C. elegans
  'dme', // Drosophila
] as const;

const KNOWN_PREFIXES = new Set<string>(MIRBASE_SPECIES_PREFIXES);
const NOT_SPECIES = new Set(['pre', 'pri', 'anti', 'exo', 'aav', 'evs', 'sevs']);

const DASH = '[-\u2010\u2011\u2012\u2013]';
const ID = '\\d+[a-z]*';
const MIRNA_RE = new RegExp(
  `^(?:([a-z]{3,4})${DASH})?` + // species prefix
    `(microrna|mirna|mir|let)${DASH}?\\s?` + // miR / let
    `(${ID}(?:${DASH}\\d+)?(?:/(?:${ID}|[a-z]+)(?:${DASH}\\d+)?)*)` + // id, copy number, slash family
    `(?:${DASH}([35]p))?` + // arm
    `(\\*)?$`, // star (passenger strand)
  'i',
);
const DASH_RE = new RegExp(DASH, 'g');

function isSpeciesPrefix(prefix: string): boolean {
  const lower = prefix.toLowerCase();
  if (KNOWN_PREFIXES.has(lower)) return true;
  return prefix === lower && !NOT_SPECIES.has(lower);
}

type Parts = { prefix: string | null; family: 'miR' | 'let'; id: string; arm: string | null; star: boolean };

function parseMirna(name: string): Parts | null {
  const m = MIRNA_RE.exec(name.trim());
  if (!m) return null;
  const [, rawPrefix, stem, id, arm, star] = m;
  if (stem === undefined || id === undefined) return null;
  if (rawPrefix !== undefined && !isSpeciesPrefix(rawPrefix)) return null;
  const family = stem.toLowerCase() === 'let' ? 'let' : 'miR';
  // let-7 is the only "let" family; "let-12" is not a miRNA name.
  if (family === 'let' && !/^7/.test(id)) return null;
  return {
    prefix: rawPrefix?.toLowerCase() ?? null,
    family,
    id: id.replace(DASH_RE, '-').toLowerCase(),
    arm: arm?.toLowerCase() ?? null,
    star: star !== undefined,
  };
}

/** Whether `name` is a bare miRNA name (optionally with a miRBase species prefix). */
export function isMirnaName(name: string): boolean {
  return parseMirna(name) !== null;
}

/**
 * miRBase-style spelling of a miRNA name: `MIR133A` → `miR-133a`,
 * `HSA-MIR-21-5P` → `hsa-miR-21-5p`, `Let-7A` → `let-7a`. Anything that is
 * not a bare miRNA name comes back trimmed and otherwise unchanged.
 */
export function normalizeMirnaName(name: string): string {
  const p = parseMirna(name);
  if (!p) return name.trim();
  return `${p.prefix ? `${p.prefix}-` : ''}${p.family}-${p.id}${p.arm ? `-${p.arm}` : ''}${p.star ? '*' : ''}`;
}
