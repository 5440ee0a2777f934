'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action-result';

export type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

type Options<A extends unknown[], T> = {
  /** After a success, with the action's data and the arguments it was run with. */
  onSuccess?: (data: T, ...args: A) => void;
  /** Re-render the page's server components after a success (default true); off when onSuccess navigates. */
  refresh?: boolean;
};

/**
 * Runs a server action in a transition and keeps its refusal for the UI: the
 * one place for the call → show the error → refresh the page pattern.
 */
export function useAction<A extends unknown[], T>(
  action: (...args: A) => Promise<ActionResult<T>>,
  { onSuccess, refresh = true }: Options<A, T> = {},
) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<ActionFailure | null>(null);

  const run = (...args: A) =>
    start(async () => {
      const r = await action(...args);
      if (!r.ok) {
        setError(r);
        return;
      }
      setError(null);
      onSuccess?.(r.data, ...args);
      if (refresh) router.refresh();
    });

  return { run, pending, error, clearError: () => setError(null) };
}

/** The message for one field of a refusal (or the refusal's own message when no field is named). */
export function errorFor(error: ActionFailure | null, ...fields: string[]): string | undefined {
  if (!error) return undefined;
  for (const f of fields) if (error.fields?.[f]) return error.fields[f];
  return error.message;
}
