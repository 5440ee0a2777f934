/** CSV and JSON exports through the endpoint (full downloads) against COPY of the same stored records. */
import { storedRecordsCopySql } from '../../../db/queries/export-records';
import { parseBrowseQuery } from '../../../lib/browse/filters';
import { EXPORT_COLUMN_NAMES } from '../../../lib/export/columns';
import { type BenchContext, emptySection, type Section } from '../context';
import { cancelServerQueries, type CopyResult } from '../raw';
import type { Server } from '../server';
import { fmtInt, fmtMs, median, ratioRate } from '../util';
import { download, type Download } from './download';

type ExportRun = {
  rate: number;
  growthMb: number;
  peakMb: number;
  hwmMb: number;
  baseMb: number;
  rows: number;
  mb: number;
  cut: boolean;
  s: number;
  firstByteMs: number | null;
};
type CopyRuns = { csv: number[]; json: number[]; mb: number };

/** CSV: header + one CRLF line per row; JSON: "[", one line per row, "]"; NDJSON: one line per row. */
function rowsIn(format: string, d: Download): number {
  if (d.cut) return Math.max(0, d.lines - 1);
  return format === 'csv' ? d.lines - 1 : format === 'json' ? d.lines - 2 : d.lines;
}

async function downloadRuns(ctx: BenchContext, server: Server, pid: number, format: string): Promise<ExportRun[]> {
  const { exportRuns, exportTimeoutS } = ctx.opts;
  const approved = ctx.fill.approved;
  const rs: ExportRun[] = [];
  for (let i = 0; i < exportRuns; i++) {
    const d = await download(`${server.url}/api/v1/export?format=${format}`, pid, exportTimeoutS);
    if (d.status !== 200) throw new Error(`export ${format} → ${d.status}`);
    if (d.cut) await cancelServerQueries(ctx.raw);
    const n = rowsIn(format, d);
    if (!d.cut && n !== approved) throw new Error(`export ${format}: ${n} rows, expected ${approved}`);
    if (format === 'csv' && d.bytes > 0 && d.firstLine.replace(/\r$/, '') !== EXPORT_COLUMN_NAMES.join(','))
      throw new Error(`export csv: unexpected header ${d.firstLine.slice(0, 200)}`);
    rs.push({
      rate: n / (d.ms / 1000),
      rows: n,
      mb: d.bytes / 2 ** 20,
      cut: d.cut,
      s: d.ms / 1000,
      firstByteMs: d.firstByteMs,
      ...d.mem!,
    });
    ctx.log(
      `  ${format} run ${i + 1}: ${fmtInt(n)} rows${d.cut ? ` of ${fmtInt(approved)} (cut off at ${exportTimeoutS} s)` : ''}, ${(d.bytes / 2 ** 20).toFixed(0)} MB in ${fmtMs(d.ms)}` +
        ` (first byte ${d.firstByteMs === null ? 'never' : `after ${fmtMs(d.firstByteMs)}`}) → ` +
        `${fmtInt(n / (d.ms / 1000))} rows/s; server RSS ${d.mem!.baseMb.toFixed(0)} → peak ${d.mem!.peakMb.toFixed(0)} MB`,
    );
    // A cut-off download says what a full one would: no need to wait for it again.
    if (d.cut) break;
  }
  return rs;
}

/**
 * The raw figure: the app's own COPY of the stored column (db/queries/export-records.ts), in text format
 * rather than binary so that psql's output has one line per row to count (COPY escapes the CR/LF inside).
 */
function rawCopySql(column: 'csv' | 'json'): string {
  const q = parseBrowseQuery({});
  if (!q.ok) throw new Error('browse query');
  return storedRecordsCopySql({ query: q.query, viewer: null }, column).replace(
    /with \(format binary\)$/,
    'with (format text)',
  );
}

async function copyRuns(ctx: BenchContext): Promise<CopyRuns> {
  const approved = ctx.fill.approved;
  const out: CopyRuns = { csv: [], json: [], mb: 0 };
  for (let i = 0; i < ctx.opts.exportRuns; i++) {
    let c: CopyResult;
    let j: CopyResult;
    try {
      c = await ctx.raw.copyRows(rawCopySql('csv'));
      j = await ctx.raw.copyRows(rawCopySql('json'));
    } catch (e) {
      console.error('COPY failed:', e);
      break;
    }
    if (Number.isFinite(c.lines) && c.lines !== approved)
      throw new Error(`COPY csv: ${c.lines} rows, expected ${approved}`);
    out.csv.push(approved / (c.ms / 1000));
    out.mb = c.bytes / 2 ** 20;
    out.json.push(approved / (j.ms / 1000));
    ctx.log(
      `  COPY run ${i + 1}: csv ${fmtInt(approved / (c.ms / 1000))} rows/s (${out.mb.toFixed(0)} MB), json ${fmtInt(approved / (j.ms / 1000))} rows/s`,
    );
  }
  return out;
}

/** The table rows first, then the detail line: `out` keeps the rows even when the detail fails. */
function report(ctx: BenchContext, out: Section, csv: ExportRun[], json: ExportRun[], copy: CopyRuns) {
  const approved = ctx.fill.approved;
  const csvRate = median(csv.map((r) => r.rate));
  const jsonRate = median(json.map((r) => r.rate));
  const growth = Math.max(...csv.map((r) => r.growthMb));
  const copyRate = median(copy.csv);
  const copyJsonRate = median(copy.json);
  const cutNote = (rs: ExportRun[]) =>
    rs.some((r) => r.cut)
      ? ` (cut off after ${ctx.opts.exportTimeoutS} s: ${fmtInt(rs[0]!.rows)} of ${fmtInt(approved)} rows${rs[0]!.firstByteMs === null ? ', no first byte' : ''})`
      : '';
  const streamed = csv.some((r) => r.rows > 0);
  out.rows.push(
    {
      op: `CSV export, ${fmtInt(approved)} approved rows — rows/s${cutNote(csv)}`,
      app: `${fmtInt(csvRate)} rows/s`,
      raw: Number.isFinite(copyRate) ? `${fmtInt(copyRate)} rows/s (COPY of the stored lines)` : 'n/a',
      ratio: ratioRate(csvRate, copyRate),
      target: '≥ 150k rows/s',
      ok: csvRate >= 150_000,
    },
    {
      op: `CSV export — server RSS growth (peak)${streamed ? '' : ', nothing streamed'}`,
      app: `+${growth.toFixed(0)} MB (peak ${Math.max(...csv.map((r) => r.peakMb)).toFixed(0)} MB)`,
      raw: '–',
      ratio: '–',
      target: '< 150 MB',
      // Memory says nothing about streaming when no row came out.
      ok: streamed ? growth < 150 : null,
    },
    {
      op: `JSON export — rows/s${cutNote(json)}`,
      app: `${fmtInt(jsonRate)} rows/s`,
      raw: Number.isFinite(copyJsonRate) ? `${fmtInt(copyJsonRate)} rows/s (COPY of the stored objects)` : 'n/a',
      ratio: ratioRate(jsonRate, copyJsonRate),
      target: '≥ 150k rows/s',
      ok: jsonRate >= 150_000,
    },
  );
  out.details.push(
    `exports: CSV ${csv.map((r) => fmtInt(r.rate)).join(', ')} rows/s (${csv[0]!.mb.toFixed(0)} MB each), JSON ${json.map((r) => fmtInt(r.rate)).join(', ')} rows/s; ` +
      `server RSS before/peak/VmHWM per CSV run: ${csv.map((r) => `${r.baseMb.toFixed(0)}/${r.peakMb.toFixed(0)}/${r.hwmMb.toFixed(0)} MB`).join(', ')}; ` +
      `JSON peak ${Math.max(...json.map((r) => r.peakMb)).toFixed(0)} MB; COPY csv ${copy.csv.map(fmtInt).join(', ')} rows/s (${copy.mb.toFixed(0)} MB)`,
  );
}

async function measureExports(ctx: BenchContext, server: Server, out: Section): Promise<Record<string, unknown>> {
  ctx.log(`\nexports: ${ctx.opts.exportRuns} full downloads per format …`);
  const pid = server.serverPid();
  const probe = await download(
    `${server.url}/api/v1/export?format=csv&organ=UBERON:0002106&species=NCBITaxon:9940`,
    null,
    30,
  );
  if (probe.cut) await cancelServerQueries(ctx.raw);
  if (probe.status === 404) {
    out.rows.push({
      op: 'CSV export (all approved)',
      app: 'n/a: no /api/v1/export',
      raw: '',
      ratio: '',
      target: '≥ 50 % of COPY',
      ok: null,
    });
    return {};
  }
  const csv = await downloadRuns(ctx, server, pid, 'csv');
  const json = await downloadRuns(ctx, server, pid, 'json');
  const copy = await copyRuns(ctx);
  report(ctx, out, csv, json, copy);
  return { csv, json, copy: copy.csv, copyJson: copy.json };
}

/** A failed export is reported in the table and the run goes on to the writes: one broken part should not lose the run. */
export async function measureExportsOrReport(
  ctx: BenchContext,
  server: Server,
): Promise<Section & { result: Record<string, unknown> }> {
  const out = emptySection();
  try {
    const result = await measureExports(ctx, server, out);
    return { ...out, result };
  } catch (e) {
    console.error('export measurement failed:', e);
    out.rows.push({
      op: 'CSV/JSON export',
      app: `failed: ${(e as Error).message.slice(0, 80)}`,
      raw: '',
      ratio: '',
      target: '',
      ok: false,
    });
    await cancelServerQueries(ctx.raw);
    return { ...out, result: {} };
  }
}
