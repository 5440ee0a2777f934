'use client';

import { useRouter } from 'next/navigation';
import { revertAction } from '@/app/findings/actions';
import { ActionButton } from '@/components/ui/action-button';

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
  return (
    <ActionButton
      action={() => revertAction({ findingId, lockVersion, revisionNo })}
      onSuccess={() => router.push(`/findings/${publicId}/edit`)}
      refresh={false}
    >
      Revert to revision {revisionNo}
    </ActionButton>
  );
}
