import { DomainError } from '@/lib/errors';

/** Query parameters that failed their parser, as the 400 every read route answers with. */
export function invalidQuery(fields: Record<string, string>): DomainError {
  return new DomainError(
    'invalid',
    'query',
    `Some query parameters are not valid: ${Object.keys(fields).join(', ')}.`,
    undefined,
    { fields },
  );
}
