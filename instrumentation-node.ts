import { isDemoMode } from './db/demo';

// Runs once when the server starts: refuse to serve production traffic
// without a signing secret, rather than fail on the first sign-in.
if (!process.env.NEXTAUTH_SECRET && !isDemoMode()) {
  console.error('NEXTAUTH_SECRET is not set. Set it (e.g. `openssl rand -base64 32`) before starting in production.');
  process.exit(1);
}
