/**
 * Intake bench (not registered in scripts/bench/index.ts): parse 10,000 RIS
 * entries and de-duplicate them against 10,000 seen records, printing ms.
 * Run: npx tsx scripts/bench/intake-parse.ts [count]
 */
import { findDuplicates, type SeenRecord } from '../../lib/intake/dedup';
import { enc, manyRis } from '../../lib/intake/intake-test-kit';
import { parseIntakeFile } from '../../lib/intake/parse';

const n = Number(process.argv[2] ?? 10_000);
const bytes = enc(manyRis(n));
let t0 = performance.now();
const parsed = parseIntakeFile(bytes, 'bench.ris');
const parseMs = performance.now() - t0;
if ('ok' in parsed) throw new Error(parsed.message);
console.log(`parse ${n} RIS entries (${(bytes.length / 1e6).toFixed(1)} MB): ${parseMs.toFixed(0)} ms`);

const incoming = parsed.records.map((r) => r.record);
// Seen: half share a DOI with incoming (duplicates), half are other papers.
const seen: SeenRecord[] = incoming.map((r, i) => ({
  id: String(i),
  ...r,
  doi: i % 2 === 0 ? r.doi : `10.5555/seen.${i}`,
  title: i % 2 === 0 ? r.title : `${r.title} seen variant`,
}));
t0 = performance.now();
const result = findDuplicates(incoming, seen);
const dedupMs = performance.now() - t0;
const kinds = result.reduce<Record<string, number>>((acc, x) => ({ ...acc, [x.kind]: (acc[x.kind] ?? 0) + 1 }), {});
console.log(`findDuplicates ${incoming.length} incoming vs ${seen.length} seen: ${dedupMs.toFixed(0)} ms`, kinds);
