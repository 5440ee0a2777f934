/** `next start` for bench:memory: resolves once the port accepts connections, before any HTTP request. */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { descendants, findServerPid, memOf, stopProcessTree } from './proc';

export type Started = {
  url: string;
  serverPid: () => number;
  /** VmRSS summed over `next start` and every process below it. */
  treeRssKb: () => number;
  stop: () => Promise<void>;
};

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

export async function startNext(opts: { distDir: string; port: number; env: NodeJS.ProcessEnv }): Promise<Started> {
  if (await listening(opts.port)) throw new Error(`port ${opts.port} is taken`);
  const env: NodeJS.ProcessEnv = { ...opts.env, NEXT_DIST_DIR: opts.distDir, NODE_ENV: 'production' };
  const bin = path.join(process.cwd(), 'node_modules', '.bin', 'next');
  const child: ChildProcess = spawn(bin, ['start', '-p', String(opts.port), '-H', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out = (out + d).slice(-20_000)));
  child.stderr!.on('data', (d) => (out = (out + d).slice(-20_000)));
  let exited = false;
  child.on('exit', () => (exited = true));
  const deadline = Date.now() + 90_000;
  while (!(await listening(opts.port))) {
    if (exited) throw new Error(`next start exited:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`next start did not listen in 90 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // Let start-up settle (the port opens a moment before Next has finished loading its own modules).
  await new Promise((r) => setTimeout(r, 2_000));
  const pid = child.pid!;
  return {
    url: `http://127.0.0.1:${opts.port}`,
    serverPid: () => findServerPid(pid),
    treeRssKb: () => [pid, ...descendants(pid)].reduce((sum, p) => sum + (memOf(p).rssKb || 0), 0),
    stop: () => stopProcessTree(child, () => exited),
  };
}
