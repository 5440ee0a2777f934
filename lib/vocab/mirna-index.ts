/**
 * The mature miRNAs of miRBase as lookup maps for lib/vocab/mirna-resolve.ts: by current (release 22) name,
 * by release-18 name, by stem, by family, and which species hold a name. Every key is lower-case.
 */
import { normalizeMirnaName } from '../cargo/mirna';
import type { TermRow } from './tsv';

export type MatureMirna = { curie: string; name: string; species: string; nameInRelease18?: string };
export type MirnaTerm = { curie: string; label: string };
export type MirnaResolution =
  | { status: 'mature'; term: MirnaTerm; via: 'exact' | 'release18'; note: string }
  | { status: 'no_arm'; candidates: MirnaTerm[]; note: string }
  | { status: 'ambiguous'; candidates: MirnaTerm[]; note: string }
  | { status: 'ungrounded'; candidates: []; note: string };

/** A mature miRNA with the parts of its current name (copy number and arm; null when the name has none). */
export type Entry = {
  curie: string;
  label: string;
  species: string;
  old?: string;
  copy: string | null;
  arm: string | null;
};
export type Lookup = Map<string, Entry[]>;

/** Opaque: build it with buildMirnaIndex or mirnaIndexFromTermRows. Every key is lower-case. */
export type MirnaIndex = {
  readonly codeOf: ReadonlyMap<string, string>; // NCBITaxon CURIE → miRBase code ("mmu")
  readonly byName: Lookup; // miRBase 22 name
  readonly byOld: Lookup; // miRBase 18 name, where it differs
  readonly byBase: Lookup; // "mmu-mir-34a" → every current name of that stem (any copy, any arm or none)
  readonly byOldBase: Lookup; // the same by miRBase 18 names
  readonly members: Map<string, Set<string>>; // "hsa-let-7" → { "hsa-let-7a", "hsa-let-7b", … }
  readonly codesOf: Map<string, Set<string>>; // any of the names above without species: "mir-290" → { mmu, rno }
};

/** `hsa-miR-133a-1-3p*` → code, stem "hsa-miR-133a" (number "133", letters "a"), copy, arm, star. */
export type Parts = {
  code: string;
  family: string;
  num: string;
  letters: string;
  copy: string | null;
  arm: string | null;
};
export const CANONICAL = /^([a-z]{3,4})-(miR|let)-(\d+)([a-z]*)(?:-(\d+))?(?:-([35]p))?(\*)?$/;

export function parseCanonical(name: string): (Parts & { star: boolean }) | null {
  const m = CANONICAL.exec(name);
  if (!m) return null;
  return {
    code: m[1]!,
    family: m[2]!,
    num: m[3]!,
    letters: m[4]!,
    copy: m[5] ?? null,
    arm: m[6] ?? null,
    star: !!m[7],
  };
}

export const stemOf = (p: Parts): string => `${p.code}-${p.family}-${p.num}${p.letters}`;
export const lc = (s: string): string => s.toLowerCase();
export const accession = (curie: string): string => curie.slice(curie.indexOf(':') + 1);
export const fmt = (e: Entry): string => `${e.label} (${accession(e.curie)})`;
export const byLength = (a: string, b: string): number => a.length - b.length || a.localeCompare(b);
export const fmtAll = (es: readonly Entry[]): string => es.map(fmt).join(', ');
export const toTerm = (e: Entry): MirnaTerm => ({ curie: e.curie, label: e.label });

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildMirnaIndex(rows: readonly MatureMirna[]): MirnaIndex {
  const index: MirnaIndex = {
    codeOf: new Map(),
    byName: new Map(),
    byOld: new Map(),
    byBase: new Map(),
    byOldBase: new Map(),
    members: new Map(),
    codesOf: new Map(),
  };
  const seen = (name: string) => {
    const key = lc(name.slice(name.indexOf('-') + 1));
    index.codesOf.set(key, (index.codesOf.get(key) ?? new Set()).add(name.slice(0, name.indexOf('-'))));
  };
  const codeOf = index.codeOf as Map<string, string>;
  for (const r of rows) {
    // miRBase's own spelling is canonical for all but a handful of names ("mmu-miR-1982.1-3p"): those match exactly only.
    const p = parseCanonical(normalizeMirnaName(r.name));
    const old = r.nameInRelease18 || undefined;
    const e: Entry = {
      curie: r.curie,
      label: r.name,
      species: r.species,
      old,
      copy: p?.copy ?? null,
      arm: p?.arm ?? null,
    };
    const code = r.name.slice(0, r.name.indexOf('-'));
    if (!codeOf.has(r.species) && code) codeOf.set(r.species, code);
    push(index.byName, lc(r.name), e);
    seen(r.name);
    if (p) push(index.byBase, lc(stemOf(p)), e);
    if (p) seen(stemOf(p));
    if (p?.letters) {
      const fam = lc(`${p.code}-${p.family}-${p.num}`);
      index.members.set(fam, (index.members.get(fam) ?? new Set()).add(stemOf(p)));
    }
    if (!old) continue;
    push(index.byOld, lc(normalizeMirnaName(old)), e);
    seen(normalizeMirnaName(old));
    const o = parseCanonical(normalizeMirnaName(old));
    if (o) push(index.byOldBase, lc(stemOf(o)), e);
    if (o) seen(stemOf(o));
  }
  return index;
}

/** From terms of kind 'mirna' as parseVocabFile gives them (species = NCBITaxon CURIE, extra.name_in_release_18). */
export function mirnaIndexFromTermRows(
  rows: readonly Pick<TermRow, 'curie' | 'label' | 'species' | 'extra' | 'kind'>[],
): MirnaIndex {
  return buildMirnaIndex(
    rows
      .filter((r) => r.kind === 'mirna' && r.species)
      .map((r) => ({
        curie: r.curie,
        name: r.label,
        species: r.species!,
        nameInRelease18: r.extra.name_in_release_18,
      })),
  );
}
