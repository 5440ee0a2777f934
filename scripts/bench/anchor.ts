/**
 * `npx tsx scripts/bench/anchor.ts [--chars 400000] [--runs 7]` — how long quote anchoring (lib/anchor) takes on
 * a long paper: normalizing the text, describing a selection, anchoring exact, ambiguous, approximate and orphan
 * quotes, re-anchoring in an edited copy, verifying a typed quote. Prints the median and the slowest run in ms.
 * Not part of `npm run bench` (no database); a sanity check, not a gate.
 */
import { anchorQuote, reanchor, verifyQuote } from '../../lib/anchor/anchor';
import { normalizeForMatching } from '../../lib/anchor/normalize';
import { describe, type QuoteTarget } from '../../lib/anchor/selectors';
import { PAPER } from '../../lib/anchor/test-paper';
import { fmtMs, median } from './util';

function flag(name: string, fallback: number): number {
  const k = process.argv.indexOf(`--${name}`);
  const v = k >= 0 ? Number(process.argv[k + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} needs a positive number`);
  return v;
}

/** Copies of the test paper, each numbered, until the text is `chars` long. */
function longPaper(chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let k = 1; length < chars; k++) {
    const copy = `Experiment ${k}. ${PAPER.replace('3.1-fold', `${(k / 10).toFixed(1)}-fold`)}\n\n`;
    parts.push(copy);
    length += copy.length;
  }
  return parts.join('').slice(0, chars);
}

function time(label: string, runs: number, fn: () => unknown): void {
  fn();
  const ms: number[] = [];
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    ms.push(performance.now() - t0);
  }
  const status = typeof result === 'object' && result && 'status' in result ? String(result.status) : '';
  const verified = typeof result === 'object' && result && 'verified' in result ? `verified=${result.verified}` : '';
  const slowest = Math.max(...ms);
  console.log(
    `${label.padEnd(66)} ${fmtMs(median(ms)).padStart(10)}  max ${fmtMs(slowest).padStart(10)}  ${status}${verified}`,
  );
}

function main() {
  const chars = flag('chars', 400_000);
  const runs = flag('runs', 7);
  const text = longPaper(chars);
  const middle = Math.floor(text.length / 2);
  const at = text.indexOf('Hypoxic EVs contained', middle);
  const unique = describe(text, at, at + 'Hypoxic EVs contained 3.1-fold more\nmiR-133a than normoxic EVs'.length)!;
  const copy = text.indexOf('Experiment ', middle);
  const long = describe(text, copy, copy + 1900)!;
  const edit = (t: QuoteTarget, from: string, to: string): QuoteTarget => ({
    quote: { ...t.quote, exact: t.quote.exact.replace(from, to) },
  });
  const prepared = normalizeForMatching(text);
  const edited = `${text.slice(0, middle)}${text.slice(middle).replace('tightly timed conversation', 'tightly coupled exchange')}`;

  console.log(`anchoring in ${text.length.toLocaleString('en-US')} characters, ${runs} runs each`);
  time('normalize the text (matching form + offset map)', runs, () => normalizeForMatching(text));
  time('describe a selection (prepared text)', runs, () => describe(prepared, at, at + 60));
  time('exact, unique (text given as a string)', runs, () => anchorQuote(text, unique));
  time('exact, unique (prepared text)', runs, () => anchorQuote(prepared, unique));
  time('exact, repeated in every copy → ambiguous (prepared)', runs, () =>
    anchorQuote(prepared, { quote: { type: 'TextQuoteSelector', exact: 'The signal was specific:' } }),
  );
  time('approximate, 60-character quote with one word changed (prepared)', runs, () =>
    anchorQuote(prepared, edit(unique, 'contained', 'carried')),
  );
  time('approximate, 1,900-character quote with edits (prepared)', runs, () =>
    anchorQuote(prepared, edit(long, 'tightly timed conversation', 'tightly coupled exchange')),
  );
  const missing =
    'Platelet-derived vesicles from septic mice carried no detectable microRNA in any fraction we tested.';
  time('orphan, 100-character quote not in the text (prepared)', runs, () =>
    anchorQuote(prepared, { quote: { type: 'TextQuoteSelector', exact: missing } }),
  );
  time('reanchor an unchanged quote in an edited copy (normalizes it)', runs, () => reanchor(prepared, edited, unique));
  // the copies differ by a number only, so the closest text to the edited quote is another copy: a tie of
  // look-alikes, reported as ambiguous rather than moved
  time('reanchor the edited 1,900-character quote (look-alike copies)', runs, () => reanchor(prepared, edited, long));
  time('verifyQuote, typed quote found', runs, () => verifyQuote(prepared, 'cardiac fibroblasts reduced collagen I'));
  time('verifyQuote, typed quote not found (three text forms)', runs, () => verifyQuote(prepared, missing));
}

main();
