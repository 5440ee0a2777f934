'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { revertAction } from '@/app/findings/actions';

export function RevertButton({
  findingId,
  publicId,
  lockVersion,
  revisionNo,
}: {
  findingId: number;
  publicId: string;
  lockVersion: number;
  revisionNo: number;
}) {
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
            const r = await revertAction({ findingId, lockVersion, revisionNo });
            if (!r.ok) setError(r.message);
            else router.push(`/findings/${publicId}/edit`);
          })
        }
      >
        Revert to revision {revisionNo}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}
