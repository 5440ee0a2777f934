/** The multi-process test's checks (scripts/multiprocess-test.ts); each returns what it saw or throws. */
import { SIGN_IN_LIMITS } from '../../lib/auth/sign-in-limits';
import { HttpSession, signIn } from './client';
import type { Cluster } from './cluster';
import { content, CURATOR, type Ctx, expectThat, REVIEWER, seededDoi, signedIn } from './kit';

export async function checkHealth({ cluster, db }: Ctx): Promise<string[]> {
  const [ledger] = await db.query<{ n: number; hashes: number }>(
    'select count(*)::int as n, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations',
  );
  expectThat(ledger!.n === ledger!.hashes && ledger!.n > 0, `migrations applied twice: ${JSON.stringify(ledger)}`);
  const pids = new Set<number>();
  for (const s of cluster.servers) {
    const probe = new HttpSession('198.51.100.1');
    const live = await probe.json<{ pid: number }>(s.url, '/api/health/live');
    const ready = await probe.json<{ status: string }>(s.url, '/api/health/ready');
    const health = await probe.json<{ status: string }>(s.url, '/api/health');
    expectThat(live.status === 200 && typeof live.body?.pid === 'number', `${s.url} live: ${live.status}`);
    expectThat(ready.status === 200 && ready.body?.status === 'ok', `${s.url} ready: ${ready.status}`);
    expectThat(health.status === 200, `${s.url} /api/health: ${health.status}`);
    pids.add(live.body!.pid);
  }
  expectThat(pids.size === cluster.servers.length, 'the processes are not distinct');
  return [
    `health: ${pids.size} processes live and ready (pids ${[...pids].join(', ')}), ${ledger!.n} migrations applied once by two db:migrate at once`,
  ];
}

export async function checkSessions({ cluster, db, password }: Ctx): Promise<string[]> {
  const [a, b] = cluster.servers as [Cluster['servers'][0], Cluster['servers'][0]];
  const s = await signedIn(a.url, CURATOR, password, '198.51.100.2');
  const session = await s.json<{ user?: { email?: string } }>(b.url, '/api/auth/session');
  expectThat(
    session.body?.user?.email === CURATOR,
    `process 2 does not know process 1's session: ${JSON.stringify(session.body)}`,
  );
  const made = await s.json<{ publicId: string }>(b.url, '/api/findings', {
    method: 'POST',
    json: { doi: await seededDoi(db), content: content('Made on process 2 with a session from process 1.') },
  });
  expectThat(
    made.status === 201 && !!made.body?.publicId,
    `create on process 2: ${made.status} ${JSON.stringify(made.body)}`,
  );
  return [`sessions: signed in on ${a.url}, created ${made.body!.publicId} on ${b.url} with that cookie`];
}

export async function checkSignInLimits({ cluster, db, password }: Ctx): Promise<string[]> {
  const address = '203.0.113.77';
  const tries = SIGN_IN_LIMITS.pairFreeFailures + 3;
  const attempts = await Promise.all(
    Array.from({ length: tries }, () => signIn(new HttpSession(address), cluster.url, CURATOR, 'wrong-password')),
  );
  const wrong = attempts.filter((r) => r.error === 'CredentialsSignin').length;
  const limited = attempts.filter((r) => r.error?.startsWith('RateLimited')).length;
  const backends = new Set(attempts.map((r) => r.backend));
  expectThat(backends.size === cluster.servers.length, `the attempts did not reach every process: ${[...backends]}`);
  expectThat(
    wrong === SIGN_IN_LIMITS.pairFreeFailures && limited === tries - wrong,
    `${tries} wrong passwords at once over both processes: ${wrong} checked, ${limited} limited (want ${SIGN_IN_LIMITS.pairFreeFailures} and ${tries - SIGN_IN_LIMITS.pairFreeFailures}): ${attempts.map((r) => r.error).join(', ')}`,
  );
  // The right password is refused from that address on either process; another address gets in.
  const right = [];
  for (let i = 0; i < cluster.servers.length; i++) {
    // A sign-in is two requests (CSRF token, then the callback): one more between moves the callback along.
    if (i) await (await fetch(`${cluster.url}/api/health/live`)).arrayBuffer();
    right.push(await signIn(new HttpSession(address), cluster.url, CURATOR, password));
  }
  expectThat(
    right.every((r) => r.error?.startsWith('RateLimited')) &&
      new Set(right.map((r) => r.backend)).size === right.length,
    `the right password from the limited address: ${right.map((r) => `${r.backend}: ${r.error}`).join(', ')}`,
  );
  const other = await signIn(new HttpSession('203.0.113.78'), cluster.url, CURATOR, password);
  expectThat(other.error === null, `another address is refused: ${other.error}`);
  const [row] = await db.query<{ failed: number; open: number }>(
    `select count(*) filter (where succeeded = false)::int as failed, count(*) filter (where succeeded is null)::int as open
       from login_attempts where ip = $1`,
    [address],
  );
  expectThat(row!.failed === wrong && row!.open === 0, `login_attempts for the address: ${JSON.stringify(row)}`);
  return [
    `sign-in limits: ${tries} wrong passwords at once over both processes → ${wrong} checked, ${limited} rate limited; ` +
      `the right one refused on both processes, accepted from another address; ${row!.failed} failures logged`,
  ];
}

export async function checkNotifications({ cluster, db, password }: Ctx): Promise<string[]> {
  const [a, b] = cluster.servers as [Cluster['servers'][0], Cluster['servers'][0]];
  const curator = await signedIn(a.url, CURATOR, password, '198.51.100.3');
  const reviewer = await signedIn(b.url, REVIEWER, password, '198.51.100.4');
  const made = await curator.json<{ publicId: string; lockVersion: number }>(a.url, '/api/findings', {
    method: 'POST',
    json: { doi: await seededDoi(db), content: content('A finding the reviewer sends back.') },
  });
  const id = made.body!.publicId;
  const sub = await curator.json<{ lockVersion: number; revisionNo: number }>(a.url, `/api/findings/${id}/submit`, {
    method: 'POST',
    json: { lockVersion: made.body!.lockVersion },
  });
  expectThat(sub.status === 200, `submit on process 1: ${sub.status} ${JSON.stringify(sub.body)}`);
  const decided = await reviewer.json(b.url, `/api/findings/${id}/decisions`, {
    method: 'POST',
    json: { decision: 'request_changes', comment: 'Please cite the figure.', ...sub.body },
  });
  expectThat(decided.status === 201, `request changes on process 2: ${decided.status} ${JSON.stringify(decided.body)}`);
  const badge = async (base: string) => /aria-label="(\d+) new"/.exec(await (await curator.request(base, '/')).text());
  const before = await badge(a.url);
  expectThat(!!before && Number(before[1]) >= 1, 'process 1 shows the curator no new notification');
  const page = await (await curator.request(b.url, '/notifications')).text();
  expectThat(
    page.includes('data-testid="changes-requested"') && page.includes(id),
    `process 2's notifications lack ${id}`,
  );
  const after = await badge(a.url);
  expectThat(after === null, `process 1 still counts ${after?.[1]} new after process 2 showed them`);
  return [
    `notifications: changes requested on process 2 → ${before![1]} new on process 1; read on process 2 → none new on process 1`,
  ];
}
