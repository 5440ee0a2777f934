/**
 * Helpers shared by the benchmark (index.ts) and the load test (load.ts): statistics, number formats and
 * the result table. The server lives in server.ts, /proc sampling in proc.ts, the flags in args.ts.
 */

// ---------------------------------------------------------------- statistics

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
export const median = (xs: number[]) => quantile(xs, 0.5);

/** Run `fn` `warmup` times untimed, then `runs` times; the wall times in ms. */
export async function timeRuns(fn: () => Promise<unknown>, runs: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function fmtInt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a';
}

export function fmtDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

// ---------------------------------------------------------------- table

export type Row = { op: string; app: string; raw: string; ratio: string; target: string; ok: boolean | null };

/** A markdown table (pastes into the README as is). */
export function renderTable(rows: Row[]): string {
  const head = ['operation', 'app', 'raw PostgreSQL', 'ratio', 'target', ''];
  const body = rows.map((r) => [r.op, r.app, r.raw, r.ratio, r.target, r.ok === null ? '–' : r.ok ? '✓' : '✗']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** app/raw for times ("3.1×"), or app/raw as a percentage for throughputs. */
export function ratioTime(app: number, raw: number): string {
  if (!Number.isFinite(app) || !Number.isFinite(raw) || raw <= 0) return 'n/a';
  const r = app / raw;
  return `${r.toFixed(r >= 10 ? 0 : r >= 0.1 ? 1 : 3)}×`;
}
export function ratioRate(app: number, raw: number): string {
  if (!Number.isFinite(app) || !Number.isFinite(raw) || raw <= 0) return 'n/a';
  return `${Math.round((100 * app) / raw)} %`;
}
