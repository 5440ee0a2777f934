/**
 * miRNA names in running text, in the spellings papers use: miR-133a, miR133a, microRNA-133a,
 * MIR-133A, miRNA-486, let-7d-3p, hsa-miR-21-5p, pre-miR-1, miR-21*, and lists:
 *
 * - "miR-23a/27a" and "miR-27a/b-3p" give one mention per miRNA: the first covers "miR-23a", each
 *   next one only its own piece ("27a", "b-3p"); an arm written at the end belongs to every member
 *   (each mention's `name` says the full name: miR-23a-3p, miR-27a-3p).
 * - "miR-1, -133a and -206" gives "miR-1", "-133a" and "-206" (named miR-133a, miR-206).
 *
 * A species prefix ("hsa-") names the species the mention is grounded in; otherwise the study's
 * species (if given) is. Grounding is lib/vocab/mirna-resolve.ts: a mention gets a curie only when
 * the resolver finds exactly one mature miRNA; its candidates otherwise. "let" counts only as let-7
 * ("we let the pellet dry" is no miRNA), and a miRNA needs a number ("miRNAs" is none).
 */
import { MIRBASE_SPECIES_PREFIXES, normalizeMirnaName } from '../cargo/mirna';
import { type MirnaIndex, resolveMirna } from '../vocab/mirna-resolve';
import type { Mention } from './types';

const D = '[-\\u2010-\\u2013]';
const ID = '\\d+[a-z]{0,2}';
const COPY = `(?:${D}\\d+(?![\\dp]))`;
const MIRNA = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(pre|pri)${D})?(?:([a-z]{3,4})${D})?(micro${D}?rna|mirna|mir|let)(${D}|\\s)?` +
    `(${ID})(${COPY}?)((?:/(?:${ID}|[a-z]{1,2})${COPY}?)*)(?:${D}([35]p))?(\\*)?(?:/(${D}?[35]p))?(?![\\p{L}\\p{N}])`,
  'giu',
);
const NEXT_IN_LIST = new RegExp(
  `(\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+)(${D}\\d+[a-z]{0,2}(?:${D}[35]p)?)(?![\\p{L}\\p{N}*/])`,
  'iuy',
);

type Piece = { start: number; end: number; id: string };

export type MirnaContext = {
  index: MirnaIndex | null;
  species: string | null;
  taxonOfCode: Map<string, string>;
  /** Resolutions already made in this text (a paper names the same miRNAs many times). */
  cache?: Map<string, Pick<Mention, 'curie' | 'label' | 'candidates'>>;
};

function knownCode(ctx: MirnaContext, code: string): boolean {
  return ctx.taxonOfCode.has(code) || (MIRBASE_SPECIES_PREFIXES as readonly string[]).includes(code);
}

function ground(ctx: MirnaContext, name: string, code: string | null): Pick<Mention, 'curie' | 'label' | 'candidates'> {
  const species = code ? (ctx.taxonOfCode.get(code) ?? null) : ctx.species;
  if (!ctx.index || !species) return { curie: null, label: null };
  const key = `${species} ${name}`;
  const had = ctx.cache?.get(key);
  if (had) return { ...had, ...(had.candidates && { candidates: had.candidates.map((c) => ({ ...c })) }) };
  const r = resolveMirna(ctx.index, name, species);
  const out =
    r.status === 'mature'
      ? { curie: r.term.curie, label: r.term.label }
      : r.candidates.length > 0
        ? { curie: null, label: null, candidates: r.candidates }
        : { curie: null, label: null };
  ctx.cache?.set(key, out);
  return out;
}

/** "23a/27a-1/b" pieces after the first: a bare letter takes the number before it. */
function slashPieces(first: Piece, rest: string, offset: number): Piece[] {
  const out = [first];
  let at = offset;
  for (const raw of rest.split('/').slice(1)) {
    at += 1;
    const num = /^\d+/.exec(raw)?.[0] ?? /^\d+/.exec(out[out.length - 1]!.id)?.[0] ?? '';
    out.push({ start: at, end: at + raw.length, id: /^\d/.test(raw) ? raw : `${num}${raw}` });
    at += raw.length;
  }
  return out;
}

export function findMirnas(text: string, ctx: MirnaContext): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(MIRNA)) {
    const [all, pre, rawCode, stem, sep, id, copy, slash, arm, star, otherArm] = m as unknown as (string | undefined)[];
    const family = stem!.toLowerCase() === 'let' ? 'let' : 'miR';
    if (family === 'let' && (!sep || sep.trim() === '' || !id!.startsWith('7'))) continue;
    const code = rawCode && knownCode(ctx, rawCode.toLowerCase()) ? rawCode.toLowerCase() : null;
    let start = m.index;
    if (rawCode && !code) start += (pre ? pre.length + 1 : 0) + rawCode.length + 1;
    const stemAt =
      m.index + all!.toLowerCase().indexOf(stem!.toLowerCase(), (pre?.length ?? 0) + (rawCode?.length ?? 0));
    const idEnd = stemAt + stem!.length + (sep?.length ?? 0) + id!.length + copy!.length;
    const tail = `${arm ? `-${arm.toLowerCase()}` : ''}${star ?? ''}`;
    const pieces = slashPieces({ start, end: idEnd, id: `${id}${copy}` }, slash ?? '', idEnd);
    const prefix = `${pre && !rawCode ? `${pre.toLowerCase()}-` : ''}${code ? `${code}-` : ''}`;
    const end = m.index + all!.length - (otherArm ? otherArm.length + 1 : 0);
    const mention = (start: number, stop: number, name: string): Mention => ({
      start,
      end: stop,
      text: text.slice(start, stop),
      type: 'mirna',
      name,
      ...ground(ctx, name, code),
    });
    pieces.forEach((p, k) => {
      const name = normalizeMirnaName(`${prefix}${family}-${p.id}${tail}`);
      out.push(mention(p.start, k === pieces.length - 1 ? end : p.end, name));
    });
    // "miR-199a-3p/-5p": the other arm of the last miRNA named.
    const lastId = pieces[pieces.length - 1]!.id;
    const arm2 = otherArm?.replace(/^[-\u2010-\u2013]/, '').toLowerCase();
    if (arm2)
      out.push(
        mention(end + 1, end + 1 + otherArm!.length, normalizeMirnaName(`${prefix}${family}-${lastId}-${arm2}`)),
      );
    listContinuation(text, m.index + all!.length, `${prefix}${family}`, code, ctx, out);
  }
  return out;
}

/** "miR-1, -133a and -206": each "-id" after a miRNA, joined by commas or "and"/"or". */
function listContinuation(
  text: string,
  from: number,
  stem: string,
  code: string | null,
  ctx: MirnaContext,
  out: Mention[],
) {
  let at = from;
  for (;;) {
    NEXT_IN_LIST.lastIndex = at;
    const m = NEXT_IN_LIST.exec(text);
    if (!m) return;
    const start = at + m[1]!.length;
    const end = start + m[2]!.length;
    const name = normalizeMirnaName(`${stem}${m[2]!.replace(/^[-\u2010-\u2013]/, '-')}`);
    out.push({ start, end, text: text.slice(start, end), type: 'mirna', name, ...ground(ctx, name, code) });
    at = end;
  }
}
