import { route } from '@/server/adapters/route';
import { readiness } from '@/server/health';

export const dynamic = 'force-dynamic';

/** The readiness check (kept at this address for existing monitors and Playwright's webServer). */
export const GET = route(readiness);
