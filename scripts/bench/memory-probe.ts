/**
 * Run by bench:memory in a process of its own (under tsx): `empty` does nothing, `pglite` opens PGlite with
 * db/client.ts's createDb on PGLITE_DATA_DIR and runs a pg_trgm query. Prints one JSON line: VmRSS before and after.
 */
import { createDb } from '../../db/client';
import { memOf } from './proc';

async function main() {
  const before = memOf(process.pid);
  let settings: string | undefined;
  if (process.argv[2] === 'pglite') {
    const h = await createDb({ url: '' });
    await h.query(`select similarity('exosome', 'exosomes')`);
    const [s] = await h.query<{ sb: string; wm: string }>(
      `select current_setting('shared_buffers') as sb, current_setting('work_mem') as wm`,
    );
    settings = `shared_buffers ${s!.sb}, work_mem ${s!.wm}`;
    const after = memOf(process.pid);
    await h.close();
    console.log(JSON.stringify({ before, after, settings }));
    return;
  }
  console.log(JSON.stringify({ before, after: memOf(process.pid) }));
}

void main();
