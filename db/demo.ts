/**
 * Demo mode: demo accounts with a known password and a generated auth secret.
 * On when EVX_DEMO=1 (the quick start sets it) or in development; never when
 * NODE_ENV is production without EVX_DEMO.
 */
export function isDemoMode(): boolean {
  if (process.env.EVX_DEMO === '0') return false;
  return process.env.EVX_DEMO === '1' || process.env.NODE_ENV === 'development';
}

export const DEFAULT_DEMO_PASSWORD = 'crosstalk-demo-2026';

export function demoPassword(): string {
  return process.env.EVX_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
}
