/**
 * Typed domain errors. Actions and handlers turn these into user-facing
 * messages and HTTP statuses; anything else is logged and shown as a
 * generic failure — never raw.
 */
export type ErrorKind =
  'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'invalid' | 'rate_limited' | 'unavailable';

export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly entity: string;
  readonly field?: string;
  /** Extra, serializable context (e.g. the current state on a conflict, per-field messages). */
  readonly details?: { fields?: Record<string, string>; [key: string]: unknown };

  constructor(kind: ErrorKind, entity: string, message: string, field?: string, details?: DomainError['details']) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.entity = entity;
    this.field = field;
    this.details = details;
  }

  /** e.g. `conflict:finding` */
  get code(): string {
    return `${this.kind}:${this.entity}`;
  }
}

export const HTTP_STATUS: Record<ErrorKind, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 400,
  rate_limited: 429,
  unavailable: 503,
};

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
