'use client';

import { Alert } from '@/components/ui/alert';
import type { SaveState } from './use-autosave';

/** The autosave state, announced politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'pending'
        ? 'Unsaved changes'
        : state.kind === 'saved'
          ? `Saved at ${new Date(state.at).toLocaleTimeString('en')}`
          : state.kind === 'error'
            ? `Not saved: ${state.message}`
            : state.kind === 'paused'
              ? 'Saving paused'
              : '';
  return (
    <Alert inline as="span" role="status" tone={state.kind === 'error' ? 'error' : 'info'} testId="save-status">
      {text}
    </Alert>
  );
}
