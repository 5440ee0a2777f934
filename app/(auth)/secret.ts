import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env, isDemoMode } from '@/server/env';

/**
 * The JWT signing secret. From NEXTAUTH_SECRET; in dev/demo mode one is
 * generated once and kept in the data folder; in production without one we
 * refuse to run rather than sign sessions with a guessable key.
 */
export function authSecret(): string {
  const fromEnv = env().NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (!isDemoMode())
    throw new Error(
      'NEXTAUTH_SECRET is not set. Set it (e.g. `openssl rand -base64 32`) before starting in production.',
    );
  const file = path.join(process.cwd(), '.data', 'auth-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
