/**
 * Scoring a tagger against the gold set (pure). A predicted mention is right when a gold mention has
 * the same span and the same type; precision and recall per type and over all types. For miRNAs of
 * items with a species, also how often the curie is the gold one (gold mentions that state a curie;
 * a missed mention counts as wrong).
 */
import type { GoldItem, GoldMention } from './gold-types';
import { MENTION_TYPES, type Mention, type MentionType } from './types';

export type LocatedGold = GoldMention & { start: number; end: number };

const WORD = /[\p{L}\p{N}]/u;

/** Where `needle` stands as a whole word (not inside a longer word), its n-th time. */
function findWhole(text: string, needle: string, occurrence: number): number {
  let seen = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = at > 0 && WORD.test(needle[0]!) && WORD.test(text[at - 1]!);
    const end = at + needle.length;
    const after = end < text.length && WORD.test(needle[needle.length - 1]!) && WORD.test(text[end]!);
    if (before || after) continue;
    if (seen++ === occurrence) return at;
  }
  return -1;
}

/** The gold mentions of an item with their offsets; throws when one is not in the text, or two overlap. */
export function locateGold(item: GoldItem): LocatedGold[] {
  const out = item.mentions.map((g) => {
    const start = findWhole(item.text, g.text, g.occurrence ?? 0);
    if (start < 0) throw new Error(`Gold mention "${g.text}" (#${g.occurrence ?? 0}) is not in: ${item.text}`);
    return { ...g, start, end: start + g.text.length };
  });
  out.sort((a, b) => a.start - b.start);
  for (let i = 1; i < out.length; i++)
    if (out[i]!.start < out[i - 1]!.end)
      throw new Error(`Gold mentions overlap: "${out[i - 1]!.text}", "${out[i]!.text}"`);
  return out;
}

export type Score = {
  type: MentionType | 'all';
  gold: number;
  predicted: number;
  correct: number;
  precision: number | null;
  recall: number | null;
};
export type Miss = { kind: 'false positive' | 'false negative'; type: MentionType; text: string; sentence: string };
export type Evaluation = {
  scores: Score[];
  overall: Score;
  mirnaCuries: { total: number; correct: number; accuracy: number | null };
  misses: Miss[];
};

const key = (s: { start: number; end: number; type: string }) => `${s.start}:${s.end}:${s.type}`;
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

function score(type: Score['type'], gold: number, predicted: number, correct: number): Score {
  return { type, gold, predicted, correct, precision: ratio(correct, predicted), recall: ratio(correct, gold) };
}

export function evaluate(
  items: readonly GoldItem[],
  tag: (text: string, species: string | null) => Mention[],
): Evaluation {
  const counts = new Map(MENTION_TYPES.map((t) => [t, { gold: 0, predicted: 0, correct: 0 }]));
  const curies = { total: 0, correct: 0 };
  const misses: Miss[] = [];
  for (const item of items) {
    const gold = locateGold(item);
    const found = tag(item.text, item.species ?? null);
    const foundByKey = new Map(found.map((f) => [key(f), f]));
    const goldKeys = new Set(gold.map(key));
    for (const g of gold) {
      counts.get(g.type)!.gold++;
      const hit = foundByKey.get(key(g));
      if (hit) counts.get(g.type)!.correct++;
      else misses.push({ kind: 'false negative', type: g.type, text: g.text, sentence: item.text });
      if (g.type === 'mirna' && item.species && g.curie !== undefined) {
        curies.total++;
        if (hit && hit.curie === g.curie) curies.correct++;
      }
    }
    for (const f of found) {
      counts.get(f.type)!.predicted++;
      if (!goldKeys.has(key(f)))
        misses.push({ kind: 'false positive', type: f.type, text: f.text, sentence: item.text });
    }
  }
  const scores = MENTION_TYPES.map((t) => {
    const c = counts.get(t)!;
    return score(t, c.gold, c.predicted, c.correct);
  });
  const sum = (k: 'gold' | 'predicted' | 'correct') => scores.reduce((n, s) => n + s[k], 0);
  return {
    scores,
    overall: score('all', sum('gold'), sum('predicted'), sum('correct')),
    mirnaCuries: { ...curies, accuracy: ratio(curies.correct, curies.total) },
    misses,
  };
}

const pct = (x: number | null) => (x === null ? '   —' : x.toFixed(2).padStart(4));

/** A fixed-width table: type, gold, predicted, correct, precision, recall. */
export function formatEvaluation(e: Evaluation): string {
  const head = `${'type'.padEnd(10)} ${'gold'.padStart(5)} ${'found'.padStart(5)} ${'right'.padStart(5)}  prec.  recall`;
  const row = (s: Score) =>
    `${s.type.padEnd(10)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.correct).padStart(5)}   ${pct(s.precision)}   ${pct(s.recall)}`;
  const c = e.mirnaCuries;
  return [
    head,
    ...e.scores.map(row),
    row(e.overall),
    `miRNA curies (items with a species, gold curie stated): ${c.correct}/${c.total} = ${pct(c.accuracy).trim()}`,
  ].join('\n');
}
