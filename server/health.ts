/**
 * Health of this process, for load balancers and service managers. Liveness needs nothing but the process
 * (a restart is the cure when it fails); readiness needs the database reachable and every committed migration
 * applied (traffic should go elsewhere until then; a restart would not help).
 */
import 'server-only';
import { getDbHandle } from '@/db';
import { migrationState } from '@/db/migrate-lib';

const NO_STORE = { 'cache-control': 'no-store' };

export function liveness(): Response {
  return Response.json(
    { status: 'ok', pid: process.pid, uptimeSeconds: Math.round(process.uptime()) },
    { headers: NO_STORE },
  );
}

/** 200 when the database answers and its migrations are up to date, else 503 with the reason. */
export async function readiness(): Promise<Response> {
  try {
    const handle = await getDbHandle();
    const [row] = await handle.query<{ version: string }>('select version() as version');
    const migrations = await migrationState(handle);
    return Response.json(
      {
        status: migrations.upToDate ? 'ok' : 'migrations_pending',
        engine: handle.engine,
        server: row?.version ?? null,
        migrations,
      },
      { status: migrations.upToDate ? 200 : 503, headers: NO_STORE },
    );
  } catch (e) {
    console.error('readiness check failed', e);
    return Response.json({ status: 'unavailable', error: 'database_unreachable' }, { status: 503, headers: NO_STORE });
  }
}
