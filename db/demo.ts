import { env, isDemoMode } from '../server/env';

export { isDemoMode };

export const DEFAULT_DEMO_PASSWORD = 'crosstalk-demo-2026';

/** The demo accounts' password (EVX_DEMO_PASSWORD, or the documented default). */
export function demoPassword(): string {
  return env().EVX_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
}
