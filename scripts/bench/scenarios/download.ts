import http from 'node:http';
import { sampleRss } from '../proc';

export type Download = {
  status: number;
  ms: number;
  bytes: number;
  lines: number;
  firstLine: string;
  firstByteMs: number | null;
  mem: ReturnType<ReturnType<typeof sampleRss>['stop']> | null;
  cut: boolean;
};

/**
 * One full download, read with node:http and counted with Buffer.indexOf (memchr): a lean client,
 * so the figure is the server's. (Read through fetch, a JSON download of a GB sometimes ran at a
 * quarter of the server's rate with the bench process itself at 130 % CPU.)
 */
export function download(url: string, pid: number | null, timeoutS: number): Promise<Download> {
  const rss = pid ? sampleRss(pid) : null;
  const t0 = performance.now();
  return new Promise<Download>((resolve, reject) => {
    let bytes = 0;
    let lines = 0;
    let firstLine = '';
    let firstByteMs: number | null = null;
    let status = 0;
    let cut = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({
        status,
        ms: performance.now() - t0,
        bytes,
        lines,
        firstLine,
        firstByteMs,
        mem: rss ? rss.stop() : null,
        cut,
      });
    };
    const req = http.get(url, (res) => {
      status = res.statusCode ?? 0;
      res.on('data', (chunk: Buffer) => {
        if (status !== 200) return;
        firstByteMs ??= performance.now() - t0;
        if (!firstLine && bytes < 4096) firstLine = chunk.subarray(0, 2048).toString('utf8').split('\n')[0]!;
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      });
      res.on('end', finish);
      res.on('error', (e) => (cut ? finish() : reject(e)));
    });
    req.on('error', (e) => (cut ? finish() : reject(e)));
    // The deadline covers the whole download, the wait for the first byte included.
    const timer = setTimeout(() => {
      cut = true;
      if (status === 0) status = 200; // no answer before the deadline: counted as 0 rows
      req.destroy();
      finish();
    }, timeoutS * 1000);
  });
}
