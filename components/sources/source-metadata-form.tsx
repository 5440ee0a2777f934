'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { createSourceAction, updateSourceAction } from '@/app/sources/actions';
import { Field, fieldAria } from '@/components/ui/field';
import { type SourceFormValues, toFormValues } from '@/lib/sources/form-values';
import { newFindingPath } from '@/lib/sources/paths';
import { type SourceMetadataData, type SourceMetadataInput, sourceMetadataSchema } from '@/lib/sources/schema';
import { setActionErrors } from '@/components/ui/action-errors';
import { Alert } from '@/components/ui/alert';

type Props =
  | { mode: 'create'; values: SourceFormValues; origin: 'crossref' | 'manual' }
  | { mode: 'edit'; values: SourceFormValues; sourceId: number };

const FIELDS: { name: Exclude<keyof SourceFormValues, 'doi'>; label: string; hint?: string; inputMode?: 'numeric' }[] =
  [
    { name: 'title', label: 'Title' },
    { name: 'authors', label: 'Authors', hint: 'As cited, e.g. "Aswad, H., Forterre, A., and Vial, G.".' },
    { name: 'journal', label: 'Journal' },
    { name: 'year', label: 'Year', inputMode: 'numeric' },
    { name: 'volumePages', label: 'Volume, pages', hint: 'e.g. 57, 2155–2164' },
    { name: 'pmid', label: 'PMID (optional)', hint: 'PubMed id, e.g. 25064300.' },
  ];

/**
 * Bibliographic fields of a source: step 2 of adding one (create) and
 * "Edit metadata" on its page (edit). The DOI is shown but never editable.
 */
export function SourceMetadataForm(props: Props) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<SourceMetadataInput, unknown, SourceMetadataData>({
    resolver: zodResolver(sourceMetadataSchema),
    defaultValues: props.values,
  });

  const showErrors = (r: { message: string; fields?: Record<string, string> }) => setActionErrors(setError, r);

  const onSubmit = handleSubmit(async (data) => {
    setSaved(false);
    if (props.mode === 'create') {
      // Metadata the curator changed after the Crossref fill-in is theirs, not Crossref's.
      const origin = props.origin === 'crossref' && !isDirty ? 'crossref' : 'manual';
      const r = await createSourceAction({ ...data, doi: props.values.doi, origin });
      if (r.ok) router.push(newFindingPath(r.data.doi));
      else showErrors(r);
      return;
    }
    const { doi: _doi, ...metadata } = data;
    const r = await updateSourceAction({ ...metadata, sourceId: props.sourceId });
    if (!r.ok) return showErrors(r);
    reset(toFormValues({ ...data, doi: props.values.doi }));
    setSaved(true);
    router.refresh();
  });

  const id = (name: string) => `source-${name}`;
  const err = (name: keyof SourceFormValues) => errors[name]?.message;
  const doiHint = props.mode === 'edit' ? 'The DOI identifies the source and cannot be changed.' : undefined;
  return (
    <form
      className="stack"
      onSubmit={onSubmit}
      noValidate
      aria-label={props.mode === 'create' ? 'Source details' : 'Edit metadata'}
    >
      {errors.root?.message && <Alert>{errors.root.message}</Alert>}
      {saved && <Alert tone="ok">Metadata saved.</Alert>}
      <Field id={id('doi')} label="DOI" error={err('doi')} hint={doiHint}>
        <input type="text" readOnly {...fieldAria(id('doi'), err('doi'), doiHint)} {...register('doi')} />
      </Field>
      {FIELDS.map((f) => (
        <Field key={f.name} id={id(f.name)} label={f.label} error={err(f.name)} hint={f.hint}>
          <input
            type="text"
            inputMode={f.inputMode}
            autoComplete="off"
            aria-required={f.name === 'title' ? true : undefined}
            {...fieldAria(id(f.name), err(f.name), f.hint)}
            {...register(f.name)}
          />
        </Field>
      ))}
      <div>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : props.mode === 'create' ? 'Save source' : 'Save metadata'}
        </button>
      </div>
    </form>
  );
}
