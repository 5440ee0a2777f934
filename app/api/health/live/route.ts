import { route } from '@/server/adapters/route';
import { liveness } from '@/server/health';

export const dynamic = 'force-dynamic';

/** Liveness: the process answers; the database is not asked. */
export const GET = route(async () => liveness());
