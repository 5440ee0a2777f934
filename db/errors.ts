import { DomainError } from '../lib/errors';

/** SQLSTATE of a driver error; drizzle wraps it, so look at `cause` too. */
export function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function constraintName(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const c =
      (e as { constraint?: unknown; constraint_name?: unknown }).constraint ??
      (e as { constraint_name?: unknown }).constraint_name;
    if (typeof c === 'string') return c;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = '23505';
export const SERIALIZATION_FAILURE = '40001';
export const DEADLOCK_DETECTED = '40P01';
export const FROZEN_REVISION = 'EV001';
export const APPEND_ONLY = 'EV002';

/** Map the database errors we expect to domain errors; rethrow the rest. */
export function toDomainError(err: unknown, entity: string): never {
  const state = sqlState(err);
  if (state === UNIQUE_VIOLATION) throw new DomainError('conflict', entity, `That ${entity} already exists.`);
  if (state === FROZEN_REVISION || state === APPEND_ONLY)
    throw new DomainError('conflict', entity, 'This record is part of the permanent history and cannot be changed.');
  if (state === SERIALIZATION_FAILURE || state === DEADLOCK_DETECTED)
    throw new DomainError('conflict', entity, 'Someone else changed this at the same moment; reload and try again.');
  throw err;
}

/** Node's and postgres.js's codes for a database that cannot be reached or went away. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * Whether an error says the database is unreachable or unavailable (not that a statement was
 * wrong): SQLSTATE class 08 (connection exception), 57P01–57P03 (shut down, starting up),
 * 53300 (too many connections), or a socket-level failure.
 */
export function isConnectionError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (CONNECTION_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code) || code === '53300')
      return true;
  }
  return false;
}
