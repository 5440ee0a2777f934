/**
 * `npx tsx scripts/bench/annotate.ts [--chars 400000] [--runs 7]` — the pre-annotation tagger
 * (lib/annotate) on a synthetic paper: the gold set's sentences shuffled between paragraphs of plain
 * methods prose and a reference list, repeated to --chars characters (400,000 ≈ a 100-page paper).
 * Prints the index build time once, then the median tagging time, mentions and mentions per second.
 * Not part of `npm run bench` (scripts/bench/index.ts): it needs no database.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildTaggerIndex, tagText } from '../../lib/annotate';
import { GOLD } from '../../lib/annotate/gold';
import { parseVocabFile } from '../../lib/vocab/tsv';

const { values } = parseArgs({
  options: { chars: { type: 'string', default: '400000' }, runs: { type: 'string', default: '7' } },
});
const chars = Number(values.chars);
const runs = Number(values.runs);

const PROSE = [
  'Cells were cultured in high-glucose medium with 10 % serum and antibiotics at 37 °C in a humidified incubator with 5 % CO2, and the medium was changed every other day.',
  'Total RNA was extracted with a phenol-based reagent, reverse transcribed and amplified on a real-time PCR system; relative expression was computed by the ΔΔCt method.',
  'Statistical significance was assessed by two-way ANOVA with post hoc tests; P < 0.05 was considered significant and values are means ± SEM of at least three experiments.',
  'Chen X, Li Y, Wang J, Smith AB, Park HJ. Muscle-derived vesicles in organ crosstalk. J Physiol. 2021;599:1234-50. doi:10.1113/JP281234.',
];

function syntheticPaper(size: number): string {
  const parts: string[] = [];
  let length = 0;
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  while (length < size) {
    const piece = next() % 3 === 0 ? PROSE[next() % PROSE.length]! : GOLD[next() % GOLD.length]!.text;
    parts.push(piece);
    length += piece.length + 1;
  }
  return parts.join(next() % 5 === 0 ? '\n\n' : ' ').slice(0, size);
}

function loadRows() {
  const dir = path.join(import.meta.dirname, '..', '..', 'db', 'vocab');
  const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
  const taxa = parseVocabFile('ncbitaxon.tsv', read('ncbitaxon.tsv'));
  const files = ['uberon.tsv', 'cl.tsv', 'cellosaurus.tsv', 'disease.tsv', 'hgnc.tsv', 'mirbase-mature.tsv', 'eco.tsv'];
  return [...taxa, ...files.flatMap((f) => parseVocabFile(f, read(f), taxa))];
}

const rows = loadRows();
let t0 = performance.now();
const index = buildTaggerIndex(rows);
const buildMs = performance.now() - t0;
const text = syntheticPaper(chars);

tagText(text, index, { species: 'NCBITaxon:10090' }); // warm-up
const times: number[] = [];
let mentions = 0;
for (let i = 0; i < runs; i++) {
  t0 = performance.now();
  mentions = tagText(text, index, { species: 'NCBITaxon:10090' }).length;
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
console.log(`index: ${rows.length} term rows, built in ${buildMs.toFixed(0)} ms`);
console.log(`text: ${text.length.toLocaleString('en')} characters, ${runs} runs after one warm-up`);
console.log(
  `tagging: median ${median.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times[times.length - 1]!.toFixed(1)}), ` +
    `${mentions.toLocaleString('en')} mentions, ${Math.round(mentions / (median / 1000)).toLocaleString('en')} mentions/s, ` +
    `${(text.length / (median / 1000) / 1e6).toFixed(1)} M chars/s`,
);
