/**
 * De-duplication of incoming records against records already seen (existing
 * sources and candidates) and against earlier records of the same batch.
 *
 * Rules, in order, for each incoming record:
 * 1. Same normalized DOI, PMID or PMCID as a seen/earlier record → duplicate
 *    (by that identifier; DOI first, then PMID, then PMCID).
 * 2. Same title key, same year and same first author (both preprints or both
 *    not) → duplicate by 'title_year_author'. Same title far apart in years is
 *    not a duplicate.
 * 3. Same title key (see normalize.ts) — or token Jaccard ≥ 0.9 within a block —
 *    where exactly one of the two is a preprint and the years are within 2 (or
 *    unknown) → a version: an incoming preprint is a 'version' of the published
 *    record; an incoming published record 'supersedes' the preprint (the kept
 *    record of a pair is the published one).
 * 4. Otherwise new.
 * A duplicate's identifiers are indexed to what it duplicates, so a later
 * record sharing only its PMID is found too.
 *
 * Cost: maps by key, so near-linear. The fuzzy title check (only used for
 * preprint ↔ published) compares a record only with records of the other kind
 * in its blocks — same first three title tokens, or same first author with a
 * year within ±2 — and at most MAX_BLOCK_COMPARISONS records of a block.
 */
import { titleKey } from './normalize';
import type { IntakeRecord } from './types';

export type DedupRecord = Pick<
  IntakeRecord,
  'doi' | 'pmid' | 'pmcid' | 'title' | 'year' | 'firstAuthor' | 'isPreprint'
>;
export type SeenRecord = DedupRecord & { id: string };
export type DedupRef = { seen: string } | { incoming: number };
export type DuplicateBy = 'doi' | 'pmid' | 'pmcid' | 'title_year_author';
export type DedupResult =
  | { kind: 'new' }
  | { kind: 'duplicate'; of: DedupRef; by: DuplicateBy }
  | { kind: 'version'; of: DedupRef; by: 'preprint' }
  | { kind: 'supersedes'; of: DedupRef; by: 'preprint' };

export interface DedupKeys {
  doi: string | null;
  pmid: string | null;
  pmcid: string | null;
  titleKey: string;
  tyaKey: string;
}

/** Token Jaccard at or above this counts as the same title (for preprint ↔ published). */
export const NEAR_TITLE_JACCARD = 0.9;
/** Records compared per block at most, so a huge block (a prolific author) stays cheap. */
export const MAX_BLOCK_COMPARISONS = 200;

export function dedupKeys(r: DedupRecord): DedupKeys {
  const t = titleKey(r.title);
  return { doi: r.doi, pmid: r.pmid, pmcid: r.pmcid, titleKey: t, tyaKey: `${t}|${r.year ?? ''}|${r.firstAuthor}` };
}

interface Entry {
  ref: DedupRef;
  year: number | null;
  isPreprint: boolean;
  firstAuthor: string;
  titleKey: string;
  tokens: Set<string>;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

const yearsClose = (a: number | null, b: number | null) => a === null || b === null || Math.abs(a - b) <= 2;

function push<K>(map: Map<K, Entry[]>, key: K, e: Entry) {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

class DedupIndex {
  private ids = new Map<string, DedupRef>();
  private byTitle = new Map<string, Entry[]>();
  private blocks = new Map<string, Entry[]>();

  setIds(k: DedupKeys, ref: DedupRef) {
    for (const [kind, v] of [
      ['doi', k.doi],
      ['pmid', k.pmid],
      ['pmcid', k.pmcid],
    ] as const) {
      if (v && !this.ids.has(`${kind}:${v}`)) this.ids.set(`${kind}:${v}`, ref);
    }
  }

  byId(k: DedupKeys): { of: DedupRef; by: DuplicateBy } | null {
    for (const [kind, v] of [
      ['doi', k.doi],
      ['pmid', k.pmid],
      ['pmcid', k.pmcid],
    ] as const) {
      const of = v ? this.ids.get(`${kind}:${v}`) : undefined;
      if (of) return { of, by: kind };
    }
    return null;
  }

  add(r: DedupRecord, k: DedupKeys, ref: DedupRef) {
    this.setIds(k, ref);
    if (!k.titleKey) return;
    const tokens = new Set(k.titleKey.split(' '));
    const e: Entry = {
      ref,
      year: r.year,
      isPreprint: r.isPreprint,
      firstAuthor: r.firstAuthor,
      titleKey: k.titleKey,
      tokens,
    };
    push(this.byTitle, k.titleKey, e);
    // Near titles only matter between a preprint and a published paper: blocks are per side.
    const side = r.isPreprint ? 'p' : 'j';
    push(this.blocks, `${side}t:${k.titleKey.split(' ').slice(0, 3).join(' ')}`, e);
    if (r.firstAuthor && r.year !== null) push(this.blocks, `${side}a:${r.firstAuthor}|${r.year}`, e);
  }

  /** Records with the same title key, then near titles from the record's blocks. */
  *candidates(r: DedupRecord, k: DedupKeys): Generator<{ e: Entry; exact: boolean }> {
    for (const e of this.byTitle.get(k.titleKey) ?? []) yield { e, exact: true };
    const other = r.isPreprint ? 'j' : 'p';
    const blockKeys = [`${other}t:${k.titleKey.split(' ').slice(0, 3).join(' ')}`];
    if (r.firstAuthor && r.year !== null) {
      for (let d = -2; d <= 2; d++) blockKeys.push(`${other}a:${r.firstAuthor}|${r.year + d}`);
    }
    const tokens = new Set(k.titleKey.split(' '));
    for (const key of blockKeys) {
      for (const e of (this.blocks.get(key) ?? []).slice(0, MAX_BLOCK_COMPARISONS)) {
        // Jaccard ≥ 0.9 needs set sizes within 10 % of each other: skip the rest without counting.
        const small = Math.min(tokens.size, e.tokens.size) / Math.max(tokens.size, e.tokens.size);
        if (e.titleKey === k.titleKey || small < NEAR_TITLE_JACCARD) continue;
        if (jaccard(tokens, e.tokens) >= NEAR_TITLE_JACCARD) yield { e, exact: false };
      }
    }
  }
}

function byTitle(index: DedupIndex, r: DedupRecord, k: DedupKeys): DedupResult | null {
  if (!k.titleKey) return null;
  let version: DedupRef | null = null;
  for (const { e, exact } of index.candidates(r, k)) {
    if (exact && e.isPreprint === r.isPreprint && e.year === r.year && e.firstAuthor === r.firstAuthor) {
      return { kind: 'duplicate', of: e.ref, by: 'title_year_author' };
    }
    if (!version && e.isPreprint !== r.isPreprint && yearsClose(e.year, r.year)) version = e.ref;
  }
  if (!version) return null;
  return r.isPreprint
    ? { kind: 'version', of: version, by: 'preprint' }
    : { kind: 'supersedes', of: version, by: 'preprint' };
}

/** For each incoming record (same order): new, or what it duplicates / is a version of. */
export function findDuplicates(incoming: DedupRecord[], seen: SeenRecord[]): DedupResult[] {
  const index = new DedupIndex();
  for (const s of seen) index.add(s, dedupKeys(s), { seen: s.id });
  return incoming.map((r, i) => {
    const k = dedupKeys(r);
    const ref: DedupRef = { incoming: i };
    const result: DedupResult = (() => {
      const id = index.byId(k);
      if (id) return { kind: 'duplicate', ...id };
      return byTitle(index, r, k) ?? { kind: 'new' };
    })();
    if (result.kind === 'duplicate') index.setIds(k, result.of);
    else index.add(r, k, ref);
    return result;
  });
}
