'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { reopenAction } from '@/app/review/actions';

export function ReopenButton({ findingId, lockVersion }: { findingId: number; lockVersion: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await reopenAction({ findingId, lockVersion });
            if (!r.ok) setError(r.message);
            else router.refresh();
          })
        }
      >
        Reopen (back to the author as changes requested)
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
