/** The printed result: the table, the machine and run facts, the details, the fill's steps; and the --json file. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { BenchContext, Section } from './context';
import { fmtDuration, fmtInt, renderTable } from './util';

function facts(ctx: BenchContext, totalMs: number): string[] {
  const { machine, fill, opts, dbFacts, results } = ctx;
  const buildMs = results.buildMs as number | undefined;
  return [
    `machine: ${machine.cores} cores (${machine.cpu}), ${machine.ramGb} GB RAM; ${dbFacts.pgVersion} (jit=${dbFacts.jit}, shared_buffers=${dbFacts.sharedBuffers}); Node ${machine.node}`,
    `date: ${machine.date}; N = ${fmtInt(fill.findings)} findings${fill.findings !== opts.findings ? ` (asked for ${fmtInt(opts.findings)})` : ''} (${fmtInt(fill.approved)} approved, ${fmtInt(fill.revisions)} revisions, ${fmtInt(fill.reviews)} reviews, ${fmtInt(fill.auditEvents)} audit events; ${dbFacts.size})`,
    `fill ${fmtDuration(ctx.fillMs)}${buildMs ? `, next build ${fmtDuration(buildMs)}` : ''}; whole run ${fmtDuration(totalMs)}` +
      `${buildMs ? ` (${fmtDuration(totalMs - buildMs)} without the build)` : ''}`,
    `machine load average (1/5/15 min) when measuring began: ${ctx.loadAtStart.map((x) => x.toFixed(1)).join(' / ')}, at the end: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} (other processes share these ${machine.cores} cores)`,
    `timings: median of ${opts.runs} runs (app: query functions after 5 warm-up calls per scenario and 10 more before timing, HTTP after 5), ${opts.rawRuns} EXPLAIN ANALYZE executions (raw); exports: median of ${opts.exportRuns} full downloads; writes: ${opts.writeSeconds} s`,
  ];
}

/**
 * The commit the run measured: `git rev-parse --short HEAD`, plus "+ uncommitted changes" when the
 * working tree differs from it (then the numbers are not the commit's alone).
 */
export function measuredCommit(): string {
  const git = (...args: string[]) => spawnSync('git', args, { encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'an unknown commit (not a git checkout)';
  const dirty = git('status', '--porcelain').stdout.trim() !== '';
  return `commit ${head.stdout.trim()}${dirty ? ' + uncommitted changes' : ''}`;
}

export function printReport(ctx: BenchContext, sections: Section[]) {
  const rows = sections.flatMap((s) => s.rows);
  const details = sections.flatMap((s) => s.details);
  const totalMs = performance.now() - ctx.started;
  ctx.results.totalMs = totalMs;
  const lines = facts(ctx, totalMs);
  const header = `Measured: ${ctx.commit}, ${fmtInt(ctx.fill.findings)} findings on ${ctx.machine.engine}`;
  console.log(
    `\n${header}\n\n${renderTable(rows)}\n\n${lines.join('\n')}\n\ndetails:\n${details.map((d) => `- ${d}`).join('\n')}`,
  );
  const { fill } = ctx;
  if (fill.steps.length)
    console.log(`\nfill steps:\n${fill.steps.map((s) => `- ${s.step}: ${(s.ms / 1000).toFixed(1)} s`).join('\n')}`);
  if (ctx.opts.json)
    writeFileSync(
      ctx.opts.json,
      JSON.stringify(
        {
          commit: ctx.commit,
          machine: ctx.machine,
          pgVersion: ctx.dbFacts.pgVersion,
          rows,
          details,
          facts: lines,
          results: ctx.results,
        },
        null,
        2,
      ),
    );
}
