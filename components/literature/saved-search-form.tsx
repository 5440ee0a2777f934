'use client';

import { type FormEvent, useState } from 'react';
import { createSavedSearchAction } from '@/app/literature/searches/actions';
import { Alert } from '@/components/ui/alert';
import { Field, fieldAria } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';

const QUERY_HINT =
  'Europe PMC search syntax: phrases in double quotes, AND / OR / NOT in capitals. ' +
  'Example: "extracellular vesicles" AND "skeletal muscle"';

/** A curator saves a Europe PMC query with an optional date window and a schedule. */
export function SavedSearchForm() {
  const [done, setDone] = useState<string | null>(null);
  const create = useAction(createSavedSearchAction, {
    onSuccess: (_r, input) => setDone(`Saved “${String((input as { name?: unknown }).name ?? '')}”.`),
  });
  const f = create.error?.fields ?? {};
  const rootError = create.error && Object.keys(f).length === 0 ? create.error.message : undefined;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setDone(null);
    create.run({
      name: data.get('name'),
      query: data.get('query'),
      fromDate: data.get('fromDate'),
      toDate: data.get('toDate'),
      schedule: data.get('schedule'),
    });
  };

  return (
    <form className="stack" onSubmit={submit} aria-label="New saved search" noValidate>
      <Field id="search-name" label="Name" error={f.name}>
        <input name="name" type="text" autoComplete="off" {...fieldAria('search-name', f.name)} />
      </Field>
      <Field id="search-query" label="Europe PMC query" error={f.query} hint={QUERY_HINT}>
        <textarea
          name="query"
          rows={2}
          placeholder='"extracellular vesicles" AND "skeletal muscle"'
          {...fieldAria('search-query', f.query, QUERY_HINT)}
        />
      </Field>
      <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap' }}>
        <Field id="search-from" label="From (optional)" error={f.fromDate}>
          <input name="fromDate" type="date" {...fieldAria('search-from', f.fromDate)} />
        </Field>
        <Field id="search-to" label="To (optional)" error={f.toDate}>
          <input name="toDate" type="date" {...fieldAria('search-to', f.toDate)} />
        </Field>
        <Field id="search-schedule" label="Schedule" error={f.schedule}>
          <select name="schedule" defaultValue="manual" {...fieldAria('search-schedule', f.schedule)}>
            <option value="manual">Manual (Run now only)</option>
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
          </select>
        </Field>
      </div>
      {rootError && <Alert>{rootError}</Alert>}
      <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center' }}>
        <button type="submit" className="btn btn-primary" disabled={create.pending}>
          {create.pending ? 'Saving…' : 'Save search'}
        </button>
        <Alert inline as="span" tone="ok" testId="search-saved">
          {done ?? ''}
        </Alert>
      </div>
    </form>
  );
}
