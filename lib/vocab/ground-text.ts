/**
 * Grounding free text against the vocabularies, as a pure function over term rows.
 *
 * A field's text ("C2C12 cells", "Kidney; SKM", "IR, obesity") is cut into pieces and each
 * piece is looked up by label and synonym, ignoring case and spacing, and also in the
 * singular and, for cell lines, without a trailing "cells". A piece is only *grounded* when
 * exactly one term of the field's kinds matches it and matches by its label. A match by
 * synonym alone is a *proposal* for a curator (some synonyms are wrong or broad: CL gives
 * "myofibril" for myotube, MONDO "insulin resistance, severe, digenic" for type 2 diabetes),
 * and so is a piece that several terms match. Nothing else is guessed: abbreviations the
 * vocabularies do not list (SKM, TA, EDL, HFD, UUO…) stay *ungrounded*.
 */
import { KIND_LABELS } from './fields';
import type { TermKind } from './sources';

/** What the index needs of a term row (db `terms` rows and lib/vocab/tsv.ts TermRows both fit). */
export type GroundingTermRow = {
  curie: string;
  kind: string;
  label: string;
  synonyms: readonly string[];
  vocab?: string;
  obsolete?: boolean;
  extra?: Record<string, string> | null;
};

type Entry = { term: GroundingTermRow; via: 'label' | 'synonym' };
export type TextIndex = { byKey: ReadonlyMap<string, readonly Entry[]> };

/** A term a piece matched, and how: by its label, by a synonym, or only once hyphens are dropped or spaced. */
export type Candidate = { curie: string; label: string; kind: string; via: 'label' | 'synonym' | 'spelling' };
/** Why a piece waits for a curator: several terms match, one matches only by a synonym, or a miRNA is named without its arm. */
export type ProposalReason = 'ambiguous' | 'synonym' | 'no_arm';
export const PROPOSAL_REASONS: readonly ProposalReason[] = ['ambiguous', 'synonym', 'no_arm'];

export type GroundedPiece =
  | { text: string; status: 'grounded'; term: { curie: string; label: string }; note: string }
  | { text: string; status: 'proposal'; reason: ProposalReason; candidates: Candidate[]; note: string }
  | { text: string; status: 'ungrounded'; note: string };

/** Case, dashes and spacing do not tell terms apart. */
export function normalizeTermText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '');
}

/** An index of every current term by its normalised label and synonyms. */
export function buildTextIndex(rows: Iterable<GroundingTermRow>): TextIndex {
  const byKey = new Map<string, Entry[]>();
  const add = (key: string, e: Entry) => {
    if (!key) return;
    const list = byKey.get(key);
    if (!list) byKey.set(key, [e]);
    else if (!list.some((x) => x.term.curie === e.term.curie && x.via === e.via)) list.push(e);
  };
  for (const term of rows) {
    if (term.obsolete) continue;
    add(normalizeTermText(term.label), { term, via: 'label' });
    for (const s of term.synonyms) add(normalizeTermText(s), { term, via: 'synonym' });
  }
  return { byKey };
}

/** "NA" and friends mean "not reported": no piece at all. */
const NOT_REPORTED = new Set(['', 'na', 'n/a', 'nd', 'none', 'not reported', 'unknown', '-']);

/** Singular forms of the last word: "neurons" → "neuron", "cardiomyocytes" → "cardiomyocyte", "bodies" → "body". */
function singulars(key: string): string[] {
  const m = /^(.*?)([a-z0-9-]+)$/.exec(key);
  if (!m) return [];
  const [, head, word] = m as unknown as [string, string, string];
  if (word.length < 4 || /(ss|us|is)$/.test(word)) return [];
  const out: string[] = [];
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  return out.map((w) => head + w);
}

/** `respelled`: the key differs from the text by more than case, spacing and number, so a label match there is no label match. */
type Variant = { key: string; onlyKinds?: readonly string[]; respelled?: boolean };

/**
 * The keys a piece is looked up by: as written and in the singular; without a trailing "cells"
 * only a cell line may match ("C2C12 cells"); with its hyphens dropped or spaced ("Pre-Adipocytes"
 * → preadipocyte) a match is only a proposal.
 */
function variantsOf(piece: string, variants: boolean): Variant[] {
  const key = normalizeTermText(piece);
  if (!variants) return [{ key }];
  const plain = [key, ...singulars(key)];
  const out: Variant[] = plain.map((k) => ({ key: k }));
  const bare = key.replace(/[ -]cells?$/, '');
  if (bare !== key && bare) out.push({ key: bare, onlyKinds: ['cell_line'] });
  if (key.includes('-'))
    for (const k of plain)
      out.push({ key: k.replace(/-/g, ''), respelled: true }, { key: k.replace(/-/g, ' '), respelled: true });
  return out;
}

type Via = Candidate['via'];
const RANK: Record<Via, number> = { label: 0, synonym: 1, spelling: 2 };
type Match = Candidate & { note?: string };

/** Every term of any kind that a piece's text matches, each by its best way (label, synonym, respelling). */
function matchesOf(index: TextIndex, piece: string, variants = true): Match[] {
  const found = new Map<string, Match>();
  for (const v of variantsOf(piece, variants)) {
    for (const { term, via: entryVia } of index.byKey.get(v.key) ?? []) {
      if (v.onlyKinds && !v.onlyKinds.includes(term.kind)) continue;
      const via: Via = v.respelled ? 'spelling' : entryVia;
      const had = found.get(term.curie);
      if (!had || RANK[via] < RANK[had.via])
        found.set(term.curie, {
          curie: term.curie,
          label: term.label,
          kind: term.kind,
          via,
          // A Cellosaurus row's own warning ("paper spelling matches 2 entries… check before use").
          note: term.extra?.note || undefined,
        });
    }
  }
  return [...found.values()].sort((a, b) => RANK[a.via] - RANK[b.via] || a.curie.localeCompare(b.curie));
}

const describe = (c: Candidate) => `${c.label} (${c.curie})`;
const candidate = ({ curie, label, kind, via }: Match): Candidate => ({ curie, label, kind, via });

function whyNotLabel(text: string, m: Match): string {
  const how =
    m.via === 'spelling'
      ? `matches ${describe(m)} only with its hyphens dropped or spaced`
      : `is ${m.kind === 'cell_line' ? 'the spelling papers use for' : 'a synonym of'} ${describe(m)}, not its label`;
  return `"${text}" ${how}${m.note ? ` (${m.note})` : ''}.`;
}

/** One piece of text against the terms of the given kinds. */
export function groundPiece(
  index: TextIndex,
  text: string,
  kinds: readonly TermKind[],
  opts: { variants?: boolean } = {},
): GroundedPiece {
  const all = matchesOf(index, text, opts.variants ?? true);
  const fits = all.filter((c) => (kinds as readonly string[]).includes(c.kind));
  if (fits.length === 0) {
    const other = all[0];
    const note = other
      ? `${describe(other)} is ${KIND_LABELS[other.kind as TermKind] ?? other.kind}, which this field does not take.`
      : 'No label or synonym of a term matches.';
    return { text, status: 'ungrounded', note };
  }
  const candidates = fits.map(candidate);
  if (fits.length > 1)
    return {
      text,
      status: 'proposal',
      reason: 'ambiguous',
      candidates,
      note: `${fits.length} terms match: ${fits.map(describe).join('; ')}.`,
    };
  const only = fits[0]!;
  if (only.via !== 'label')
    return { text, status: 'proposal', reason: 'synonym', candidates, note: whyNotLabel(text, only) };
  if (only.note)
    return { text, status: 'proposal', reason: 'ambiguous', candidates, note: `${describe(only)}: ${only.note}.` };
  return { text, status: 'grounded', term: { curie: only.curie, label: only.label }, note: `label of ${only.curie}` };
}

/** Does this text, as a whole, name some term of these kinds (so that it must not be cut at its commas)? */
function namesATerm(index: TextIndex, text: string, kinds: readonly TermKind[]): boolean {
  return matchesOf(index, text).some((c) => (kinds as readonly string[]).includes(c.kind));
}

/**
 * A field's text cut into pieces: at ";", then at "," and at " and " — except where the text
 * between is itself the name of a term ("insulin resistance, severe, digenic"). Never at "/" or
 * "-" ("bone marrow-derived macrophages" and "C3H/10T1/2" stay whole). "NA" gives no piece.
 */
export function splitFieldText(text: string, index?: TextIndex, kinds: readonly TermKind[] = []): string[] {
  const keep = (s: string) => index !== undefined && namesATerm(index, s, kinds);
  const out: string[] = [];
  for (const segment of text.split(';')) {
    const s = segment.trim();
    if (keep(s)) {
      out.push(s);
      continue;
    }
    for (const part of s.split(',')) {
      const p = part.trim().replace(/^and\s+/i, '');
      out.push(...(keep(p) ? [p] : p.split(/\s+and\s+/i).map((x) => x.trim())));
    }
  }
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = normalizeTermText(p);
    if (NOT_REPORTED.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Ground every piece of a field's text against the terms of the field's kinds. */
export function groundText(index: TextIndex, text: string, kinds: readonly TermKind[]): GroundedPiece[] {
  return splitFieldText(text, index, kinds).map((piece) => groundPiece(index, piece, kinds));
}

/** A proposal's stored reason: "<reason>: <note>" (grounding_proposals.reason is one text column). */
export function formatProposalReason(p: { reason: ProposalReason; note: string }): string {
  return `${p.reason}: ${p.note}`;
}

export function parseProposalReason(stored: string): { reason: ProposalReason | null; note: string } {
  const i = stored.indexOf(': ');
  const head = i < 0 ? '' : stored.slice(0, i);
  const reason = PROPOSAL_REASONS.find((r) => r === head) ?? null;
  return { reason, note: reason ? stored.slice(i + 2) : stored };
}
