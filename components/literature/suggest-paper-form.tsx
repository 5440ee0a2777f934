'use client';

import { type FormEvent, useState } from 'react';
import { suggestPaperAction } from '@/app/literature/actions';
import { Alert } from '@/components/ui/alert';
import { Field, fieldAria } from '@/components/ui/field';
import { errorFor, useAction } from '@/components/ui/use-action';

type Counts = { records: number; added: number; duplicates: number; versions: number; known: number };

function outcome(c: Counts): string {
  if (c.known) return 'That paper is already a source; nothing to screen.';
  if (c.duplicates || c.versions)
    return 'That paper is already waiting to be screened (or was screened); it was linked to it.';
  return 'Thank you: the paper joins the screening queue.';
}

/** Any signed-in user suggests a paper by DOI or PMID, saying why it belongs here. */
export function SuggestPaperForm() {
  const [done, setDone] = useState<string | null>(null);
  const suggest = useAction(suggestPaperAction, { onSuccess: (c) => setDone(outcome(c)) });
  const idError = suggest.error?.fields?.identifier;
  const reasonError = suggest.error?.fields?.reason;
  const rootError = suggest.error && !idError && !reasonError ? errorFor(suggest.error) : undefined;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setDone(null);
    suggest.run({ identifier: data.get('identifier'), reason: data.get('reason') });
  };

  return (
    <form className="stack" onSubmit={submit} aria-label="Suggest a paper" noValidate>
      <Field id="suggest-identifier" label="DOI or PMID" error={idError}>
        <input
          name="identifier"
          type="text"
          autoComplete="off"
          placeholder="10.1038/… or 31234567"
          {...fieldAria('suggest-identifier', idError)}
        />
      </Field>
      <Field id="suggest-reason" label="Why it belongs here" error={reasonError}>
        <textarea name="reason" rows={2} {...fieldAria('suggest-reason', reasonError)} />
      </Field>
      {rootError && <Alert>{rootError}</Alert>}
      <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center' }}>
        <button type="submit" className="btn" disabled={suggest.pending}>
          {suggest.pending ? 'Suggesting…' : 'Suggest'}
        </button>
        <Alert inline as="span" tone="ok" testId="suggest-outcome">
          {done ?? ''}
        </Alert>
      </div>
    </form>
  );
}
