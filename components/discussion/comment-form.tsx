'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { addCommentAction } from '@/app/findings/[id]/actions';

/** A new top-level comment, or a reply when parentId is given. */
export function CommentForm({ findingId, parentId, label }: { findingId: number; parentId?: number; label: string }) {
  const router = useRouter();
  const id = useId();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await addCommentAction({ findingId, parentId, body });
          if (!r.ok) {
            setError(r.fields?.body ?? r.message);
            return;
          }
          setBody('');
          setError(null);
          router.refresh();
        });
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
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
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
