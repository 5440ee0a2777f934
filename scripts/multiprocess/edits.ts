/**
 * 64 concurrent edits over both processes (through the round-robin proxy): 8 findings, 8 edits of each, all
 * made from lock version 0. Exactly one per finding may succeed, the others must be refused as conflicts.
 * Then every refused edit is retried from the lock version it now finds until it lands: each lock version is
 * granted exactly once, and every edit's text is in the database as a revision of its own — nothing lost.
 */
import { randomBytes } from 'node:crypto';
import type { HttpSession } from './client';
import { content, CURATOR, type Ctx, expectThat, seededDoi, signedIn } from './kit';

const FINDINGS = 8;
const EDITS_PER_FINDING = 8;

type Edit = { finding: string; text: string; session: string; grantedVersion: number | null };
type Tally = { ok: number; conflict: number; other: string[]; byBackend: Map<string, number> };

async function send(s: HttpSession, base: string, e: Edit, lockVersion: number, tally: Tally): Promise<void> {
  const r = await s.json<{ lockVersion: number }>(base, `/api/findings/${e.finding}`, {
    method: 'PATCH',
    json: { lockVersion, content: content(e.text), changeSummary: e.text, editSession: e.session },
  });
  tally.byBackend.set(r.backend ?? '?', (tally.byBackend.get(r.backend ?? '?') ?? 0) + 1);
  if (r.status === 200) {
    tally.ok++;
    e.grantedVersion = r.body!.lockVersion;
  } else if (r.status === 409) tally.conflict++;
  else tally.other.push(`${r.status} ${JSON.stringify(r.body)}`);
}

const newTally = (): Tally => ({ ok: 0, conflict: 0, other: [], byBackend: new Map() });

export async function checkEdits({ cluster, db, password }: Ctx): Promise<string[]> {
  const s = await signedIn(cluster.url, CURATOR, password, '198.51.100.5');
  const doi = await seededDoi(db);
  const findings: string[] = [];
  for (let i = 0; i < FINDINGS; i++) {
    const r = await s.json<{ publicId: string }>(cluster.url, '/api/findings', {
      method: 'POST',
      json: { doi, content: content(`Concurrency finding ${i}.`) },
    });
    expectThat(r.status === 201, `create: ${r.status} ${JSON.stringify(r.body)}`);
    findings.push(r.body!.publicId);
  }
  const edits: Edit[] = findings.flatMap((finding, f) =>
    Array.from({ length: EDITS_PER_FINDING }, (_, k) => ({
      finding,
      text: `Edit ${k} of finding ${f} (${randomBytes(4).toString('hex')}).`,
      session: `mp-${f}-${k}-${randomBytes(4).toString('hex')}`,
      grantedVersion: null,
    })),
  );

  const first = newTally();
  await Promise.all(edits.map((e) => send(s, cluster.url, e, 0, first)));
  expectThat(first.other.length === 0, `answers other than 200/409: ${first.other.slice(0, 3).join('; ')}`);
  expectThat(first.byBackend.size === cluster.servers.length, `not spread: ${[...first.byBackend]}`);
  for (const finding of findings) {
    const won = edits.filter((e) => e.finding === finding && e.grantedVersion !== null);
    expectThat(
      won.length === 1 && won[0]!.grantedVersion === 1,
      `${finding}: ${won.length} edits from version 0 succeeded`,
    );
  }
  expectThat(
    first.conflict === edits.length - FINDINGS,
    `${first.conflict} conflicts, want ${edits.length - FINDINGS}`,
  );

  // The refused edits try again from what they find now, until each has landed.
  const retries = newTally();
  for (let round = 0; edits.some((e) => e.grantedVersion === null); round++) {
    expectThat(round < EDITS_PER_FINDING * 4, 'the retries do not converge');
    const versions = new Map(
      (await db.query<{ public_id: string; lock_version: number }>('select public_id, lock_version from findings')).map(
        (r) => [r.public_id, r.lock_version],
      ),
    );
    await Promise.all(
      edits
        .filter((e) => e.grantedVersion === null)
        .map((e) => send(s, cluster.url, e, versions.get(e.finding)!, retries)),
    );
    expectThat(retries.other.length === 0, `answers other than 200/409: ${retries.other.slice(0, 3).join('; ')}`);
  }

  const lines = await verifyNothingLost(db, findings, edits);
  const spread = [...first.byBackend].map(([b, n]) => `process ${Number(b) + 1}: ${n}`).join(', ');
  return [
    `edits: ${edits.length} at once (${spread}) → ${first.ok} succeeded (one per finding and lock version), ${first.conflict} refused as conflicts`,
    `edits: the refused retried until landed (${retries.ok} more successes, ${retries.conflict} more conflicts); ${lines}`,
  ];
}

async function verifyNothingLost(db: Ctx['db'], findings: string[], edits: Edit[]): Promise<string> {
  const want = Array.from({ length: EDITS_PER_FINDING }, (_, i) => i + 1).join(',');
  for (const finding of findings) {
    const granted = edits
      .filter((e) => e.finding === finding)
      .map((e) => e.grantedVersion!)
      .sort((x, y) => x - y)
      .join(',');
    expectThat(granted === want, `${finding}: lock versions granted ${granted}, want each of ${want} once`);
  }
  const rows = await db.query<{ public_id: string; lock_version: number; revisions: number; results: string[] }>(
    `select f.public_id, f.lock_version, count(r.id)::int as revisions, array_agg(r.result order by r.revision_no) as results
       from findings f join finding_revisions r on r.finding_id = f.id
      where f.public_id = any($1::text[]) group by f.id`,
    [findings],
  );
  for (const row of rows) {
    expectThat(row.lock_version === EDITS_PER_FINDING, `${row.public_id}: lock version ${row.lock_version}`);
    expectThat(row.revisions === EDITS_PER_FINDING + 1, `${row.public_id}: ${row.revisions} revisions`);
    for (const e of edits.filter((x) => x.finding === row.public_id))
      expectThat(
        row.results.filter((r) => r === e.text).length === 1,
        `${row.public_id}: "${e.text}" is not stored once`,
      );
  }
  expectThat(rows.length === findings.length, `${rows.length} of ${findings.length} findings in the database`);
  return `database: each finding at lock version ${EDITS_PER_FINDING} with ${EDITS_PER_FINDING + 1} revisions, every edit's text stored once`;
}
