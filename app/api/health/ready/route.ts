import { route } from '@/server/adapters/route';
import { readiness } from '@/server/health';

export const dynamic = 'force-dynamic';

/** Readiness: 200 when the database answers and its migrations are up to date, else 503. */
export const GET = route(readiness);
