import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

/** A refused server action's messages onto the form: each on its field, or one on the form when none is named. */
export function setActionErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  r: { message: string; fields?: Record<string, string> },
) {
  for (const [field, message] of Object.entries(r.fields ?? {})) setError(field as Path<T> | 'root', { message });
  if (!r.fields) setError('root', { message: r.message });
}
