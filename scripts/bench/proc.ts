/** The server's processes and their memory, read from /proc. */
import { readdirSync, readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';

function ppidOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid …; comm may contain spaces and parentheses.
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(after[1]);
  } catch {
    return null;
  }
}

/** Every process below `pid` (children, grandchildren …). */
export function descendants(pid: number): number[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  const out: number[] = [];
  const frontier = [pid];
  while (frontier.length) {
    const p = frontier.pop()!;
    for (const c of all) {
      if (ppidOf(c) === p) {
        out.push(c);
        frontier.push(c);
      }
    }
  }
  return out;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** The process that serves requests: `next start` may fork a "next-server" child; else the CLI process itself. */
export function findServerPid(pid: number): number {
  const kids = descendants(pid);
  const named = kids.find((k) => /next-server|start-server/.test(cmdline(k)));
  if (named) return named;
  // The biggest node process below the CLI, else the CLI.
  let best = pid;
  let bestRss = memOf(pid).rssKb;
  for (const k of kids) {
    const m = memOf(k).rssKb;
    if (m > bestRss) {
      best = k;
      bestRss = m;
    }
  }
  return best;
}

export function memOf(pid: number): { rssKb: number; hwmKb: number } {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const get = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
    return { rssKb: get('VmRSS'), hwmKb: get('VmHWM') };
  } catch {
    return { rssKb: NaN, hwmKb: NaN };
  }
}

/** Sample VmRSS every `everyMs` until stopped; the baseline, the peak seen, and VmHWM at the end. */
export function sampleRss(pid: number, everyMs = 20) {
  const base = memOf(pid);
  let peakKb = base.rssKb;
  const timer = setInterval(() => {
    const m = memOf(pid).rssKb;
    if (m > peakKb) peakKb = m;
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      const end = memOf(pid);
      peakKb = Math.max(peakKb, end.rssKb);
      return {
        baseMb: base.rssKb / 1024,
        peakMb: peakKb / 1024,
        growthMb: (peakKb - base.rssKb) / 1024,
        hwmMb: end.hwmKb / 1024,
      };
    },
  };
}

/** SIGTERM to a child; after 10 s, SIGKILL to it and every process below it. Resolves when it exited or was killed. */
export function stopProcessTree(child: ChildProcess, exited: () => boolean): Promise<void> {
  const pid = child.pid!;
  return new Promise<void>((resolve) => {
    if (exited()) return resolve();
    const timer = setTimeout(() => {
      for (const p of [...descendants(pid), pid]) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // gone
        }
      }
      resolve();
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
