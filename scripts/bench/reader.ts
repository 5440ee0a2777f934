/**
 * `npx tsx scripts/bench/reader.ts [--runs 7]` — how long the source-text reader's pure work takes on a 100-page
 * paper (about 400,000 characters, 3,000 paragraphs, 5,000 mentions): building its blocks, rendering every
 * paragraph's HTML, and finding a common and a rare phrase. Prints the median and the slowest run in ms.
 * Not part of `npm run bench` (no database); a sanity check, not a gate.
 */
import type { Mention } from '../../lib/annotate/types';
import { buildBlocks } from '../../lib/sourcetext/blocks';
import { findAll } from '../../lib/sourcetext/find';
import { paragraphHtml } from '../../lib/sourcetext/render-html';
import { fmtMs, median } from './util';

const k = process.argv.indexOf('--runs');
const runs = k >= 0 ? Number(process.argv[k + 1]) : 7;

const words = [
  'Exosomal',
  'miR-21',
  'from',
  'HUVEC',
  'cells',
  'was',
  'taken',
  'up',
  'by',
  'cardiomyocytes',
  'and',
  'CD63',
];
const paras: string[] = [];
for (let i = 0; i < 3000; i++) {
  paras.push(
    Array.from({ length: 19 + (i % 5) }, (_, j) => words[(i * 7 + j) % words.length]).join(i % 4 ? ' ' : '\n'),
  );
}
const text = paras.join('\n\n');
const mentions: Mention[] = [];
for (let i = text.indexOf('miR-21'); i >= 0 && mentions.length < 5000; i = text.indexOf('miR-21', i + 1)) {
  mentions.push({ start: i, end: i + 6, text: 'miR-21', type: 'mirna', curie: 'MIMAT0000076', label: 'hsa-miR-21-5p' });
}
const sections = Array.from({ length: 30 }, (_, s) => ({
  kind: 'body' as const,
  title: `Part ${s + 1}`,
  start: Math.floor((s * text.length) / 30),
  end: Math.floor(((s + 1) * text.length) / 30),
}));

function time(label: string, f: () => unknown) {
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  console.log(`${label}: median ${fmtMs(median(ms))}, slowest ${fmtMs(Math.max(...ms))}`);
}

console.log(`${text.length.toLocaleString('en')} characters, ${paras.length} paragraphs, ${mentions.length} mentions`);
const blocks = buildBlocks({ text, sections }, mentions);
time('buildBlocks', () => buildBlocks({ text, sections }, mentions));
time('paragraphHtml (all)', () => blocks.flatMap((s) => s.paragraphs.map((p) => paragraphHtml(text, p, mentions))));
time('findAll "taken up by" (capped)', () => findAll(text, 'taken up by'));
time('findAll "cardiomyocytes and CD63"', () => findAll(text, 'cardiomyocytes and CD63'));
