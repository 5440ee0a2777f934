/** What the multi-process checks share. */
import type { DbHandle } from '../../db/client';
import { HttpSession, signIn } from './client';
import type { Cluster } from './cluster';

export type Ctx = { cluster: Cluster; db: DbHandle; password: string };

export const CURATOR = 'curator@example.org';
export const REVIEWER = 'reviewer@example.org';

export function expectThat(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

/** A finding's content as the form sends it; `result` makes it distinct. */
export const content = (result: string) => ({
  targetOrgan: 'UBERON:0001474',
  direction: 'muscle_to_organ',
  species: 'NCBITaxon:10090',
  evSource: 'C2C12 cells',
  cargo: [{ name: 'MIR-133A', type: 'miRNA' }],
  recipientCell: 'BMSCs',
  result,
});

export async function seededDoi(db: DbHandle): Promise<string> {
  const [row] = await db.query<{ doi: string }>('select doi from sources where doi is not null order by id limit 1');
  return row!.doi;
}

export async function signedIn(base: string, email: string, password: string, address: string): Promise<HttpSession> {
  const s = new HttpSession(address);
  const r = await signIn(s, base, email, password);
  expectThat(r.error === null, `sign-in of ${email} at ${base} failed: ${r.error}`);
  return s;
}
