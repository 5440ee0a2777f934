'use client';

import type { ReactNode } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { Alert } from './alert';
import { useAction } from './use-action';

/** A button that runs one server action, shows its refusal beside it and refreshes (or navigates) on success. */
export function ActionButton<T>({
  action,
  onSuccess,
  refresh = true,
  className = 'btn',
  children,
}: {
  action: () => Promise<ActionResult<T>>;
  onSuccess?: (data: T) => void;
  refresh?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const { run, pending, error } = useAction(action, { onSuccess, refresh });
  return (
    <>
      <button type="button" className={className} disabled={pending} onClick={() => run()}>
        {children}
      </button>
      {error && (
        <Alert inline as="span">
          {' '}
          {error.message}
        </Alert>
      )}
    </>
  );
}
