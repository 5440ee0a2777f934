import { EnvError, env, isDemoMode } from './server/env';

// Runs once when the server starts: validate the environment (a malformed value names itself here,
// not on the first request) and refuse to serve production traffic without a signing secret.
try {
  const e = env();
  if (!e.NEXTAUTH_SECRET && !isDemoMode(e)) {
    console.error('NEXTAUTH_SECRET is not set. Set it (e.g. `openssl rand -base64 32`) before starting in production.');
    process.exit(1);
  }
} catch (err) {
  if (!(err instanceof EnvError)) throw err;
  console.error(err.message);
  process.exit(1);
}
