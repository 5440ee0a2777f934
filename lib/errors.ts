/**
 * The one domain error. `kind` is the code every client sees (the JSON `error` field of the read
 * and write APIs, an action result's `error`); `entity` says what it is about. Mapped to HTTP in
 * server/errors/http.ts and to an action result in server/errors/action-result.ts — nowhere else.
 */
export const ERROR_KINDS = [
  'invalid',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'rate_limited',
  'unavailable',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** What a client can see in `error`: a domain kind, or `internal` for anything we did not expect. */
export type ErrorCode = ErrorKind | 'internal';
export const ERROR_CODES: readonly ErrorCode[] = [...ERROR_KINDS, 'internal'];

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

  /** e.g. `conflict:finding`, for logs and tests. */
  get code(): string {
    return `${this.kind}:${this.entity}`;
  }

  /** Per-field messages, for forms and the JSON `fields`. */
  get fields(): Record<string, string> | undefined {
    return this.details?.fields ?? (this.field ? { [this.field]: this.message } : undefined);
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** zod issues → one message per field path ("cargo.2.type"). */
export function zodFields(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.map(String).join('.') || 'root'] ??= issue.message;
  return fields;
}

/** An input that failed its schema, as the domain error every entry point reports the same way. */
export function invalidInput(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  entity = 'input',
): DomainError {
  return new DomainError('invalid', entity, 'Some fields need attention.', undefined, { fields: zodFields(issues) });
}
