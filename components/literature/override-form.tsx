'use client';

import { type FormEvent } from 'react';
import { releaseOverrideAction } from '@/app/findings/[id]/actions';
import { Alert } from '@/components/ui/alert';
import { Field, fieldAria } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';

/**
 * A reviewer keeps one finding of a retracted source in new releases, saying why. On success the page refreshes
 * and the retraction banner shows the override (this form is then no longer rendered).
 */
export function OverrideForm({ findingId }: { findingId: number }) {
  const keep = useAction(releaseOverrideAction);
  const commentError = keep.error?.fields?.comment;
  const rootError = keep.error && !commentError ? keep.error.message : undefined;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    keep.run({ findingId, comment: new FormData(e.currentTarget).get('comment') });
  };

  return (
    <details data-testid="release-override">
      <summary>Keep in new releases</summary>
      <form className="stack" onSubmit={submit} aria-label="Keep in new releases" noValidate>
        <Field
          id="override-comment"
          label="Why this finding stands despite the retraction (required)"
          error={commentError}
        >
          <textarea name="comment" rows={3} required {...fieldAria('override-comment', commentError)} />
        </Field>
        {rootError && <Alert>{rootError}</Alert>}
        <button type="submit" className="btn" disabled={keep.pending}>
          {keep.pending ? 'Saving…' : 'Keep in new releases'}
        </button>
      </form>
    </details>
  );
}
