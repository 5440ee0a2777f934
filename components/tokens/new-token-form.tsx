'use client';

import { useState } from 'react';
import { createTokenAction } from '@/app/settings/tokens/actions';
import { Alert } from '@/components/ui/alert';
import { Field, fieldAria } from '@/components/ui/field';
import { errorFor, useAction } from '@/components/ui/use-action';

const EXPIRY = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: '', label: 'Never' },
] as const;

/** Create a personal API token; its secret is shown here once and never again. */
export function NewTokenForm() {
  const [secret, setSecret] = useState<string | null>(null);
  const { run, pending, error } = useAction(createTokenAction, { onSuccess: (data) => setSecret(data.token) });
  const e = (field: string) => (error?.fields?.[field] ? errorFor(error, field) : undefined);
  return (
    <form
      className="stack"
      aria-label="Create an API token"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        const f = new FormData(ev.currentTarget);
        const days = String(f.get('expiresInDays') ?? '');
        setSecret(null);
        run({ name: f.get('name'), scope: f.get('scope'), expiresInDays: days === '' ? null : Number(days) });
      }}
    >
      {error && !error.fields && <Alert>{error.message}</Alert>}
      {secret && (
        <Alert tone="ok">
          Your new token — copy it now, it is not shown again:{' '}
          <code data-testid="new-token" style={{ userSelect: 'all' }}>
            {secret}
          </code>
        </Alert>
      )}
      <Field id="token-name" label="Name" error={e('name')} hint="What the token is for, e.g. “R analysis script”.">
        <input type="text" name="name" maxLength={80} required {...fieldAria('token-name', e('name'), 'hint')} />
      </Field>
      <Field id="token-scope" label="Access" error={e('scope')}>
        <select name="scope" defaultValue="read" {...fieldAria('token-scope', e('scope'))}>
          <option value="read">read</option>
          <option value="write">write</option>
        </select>
      </Field>
      <Field id="token-expiry" label="Expires" error={e('expiresInDays')}>
        <select name="expiresInDays" defaultValue="90" {...fieldAria('token-expiry', e('expiresInDays'))}>
          {EXPIRY.map((o) => (
            <option key={o.label} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <p>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          Create token
        </button>
      </p>
    </form>
  );
}
