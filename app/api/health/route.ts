import { route } from '@/server/adapters/route';
import { getDbHandle } from '@/db';
import { migrationState } from '@/db/migrate-lib';

export const dynamic = 'force-dynamic';

export const GET = route(async () => {
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
      { status: migrations.upToDate ? 200 : 503 },
    );
  } catch (e) {
    console.error('health check failed', e);
    return Response.json({ status: 'unavailable', error: 'database_unreachable' }, { status: 503 });
  }
});
