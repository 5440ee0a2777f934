import { nextRuntime } from './server/env';

export async function register() {
  if (nextRuntime() === 'nodejs') await import('./instrumentation-node');
}
