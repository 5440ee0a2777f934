'use client';

import { reopenAction } from '@/app/review/actions';
import { ActionButton } from '@/components/ui/action-button';

export function ReopenButton({ findingId, lockVersion }: { findingId: number; lockVersion: number }) {
  return (
    <ActionButton action={() => reopenAction({ findingId, lockVersion })}>
      Reopen (back to the author as changes requested)
    </ActionButton>
  );
}
