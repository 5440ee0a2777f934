'use client';

import { undoMergeAction } from '@/app/literature/duplicates/actions';
import { Alert } from '@/components/ui/alert';
import { useAction } from '@/components/ui/use-action';
import { useStatus } from './status-region';

/** Undo one merge: the record becomes one of its own, to screen; said in the list's status message. */
export function UndoMergeButton({ candidateId, title }: { candidateId: number; title: string }) {
  const say = useStatus();
  const undo = useAction(undoMergeAction, {
    onSuccess: () => say(`Merge undone: “${title}” is now a record of its own, in the screening queue.`),
  });
  return (
    <>
      <button type="button" className="btn" disabled={undo.pending} onClick={() => undo.run({ candidateId })}>
        {undo.pending ? 'Undoing…' : 'Undo merge'}
      </button>
      {undo.error && (
        <Alert inline as="span">
          {' '}
          {undo.error.message}
        </Alert>
      )}
    </>
  );
}
