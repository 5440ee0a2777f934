'use client';

import { useId, useState } from 'react';
import { addCommentAction } from '@/app/findings/[id]/actions';
import { Alert } from '@/components/ui/alert';
import { errorFor, useAction } from '@/components/ui/use-action';

/** A new top-level comment, or a reply when parentId is given. */
export function CommentForm({ findingId, parentId, label }: { findingId: number; parentId?: number; label: string }) {
  const id = useId();
  const [body, setBody] = useState('');
  const { run, pending, error } = useAction(addCommentAction, { onSuccess: () => setBody('') });
  const message = errorFor(error, 'body');
  return (
    <form
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        run({ findingId, parentId, body });
      }}
      className="stack"
    >
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          rows={parentId ? 2 : 3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
        />
        {message && (
          <Alert inline id={`${id}-error`}>
            {message}
          </Alert>
        )}
      </div>
      <div>
        <button type="submit" className="btn" disabled={pending}>
          {parentId ? 'Reply' : 'Comment'}
        </button>
      </div>
    </form>
  );
}
