'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { lookupDoiAction } from '@/app/sources/actions';
import { SourceMetadataForm } from '@/components/sources/source-metadata-form';
import { Field, fieldAria } from '@/components/ui/field';
import { type SourceFormValues, toFormValues } from '@/lib/sources/form-values';
import { sourcePath } from '@/lib/sources/paths';
import { type DoiLookupInput, doiLookupSchema } from '@/lib/sources/schema';
import { Alert } from '@/components/ui/alert';

type Details = { origin: 'crossref' | 'manual'; values: SourceFormValues; reason?: string };

const DOI_HINT = 'A DOI or a https://doi.org/… link, e.g. 10.1007/s00125-014-3337-2';

/** Add a source: 1) the DOI, looked up; 2) its metadata, filled in from Crossref or by hand. */
export function AddSource({ initialDoi = '' }: { initialDoi?: string }) {
  const router = useRouter();
  const [details, setDetails] = useState<Details | null>(null);
  const detailsHeading = useRef<HTMLHeadingElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<DoiLookupInput>({ resolver: zodResolver(doiLookupSchema), defaultValues: { doi: initialDoi } });

  // Move focus with the step, so keyboard and screen-reader users land where the work continues.
  useEffect(() => {
    if (details) detailsHeading.current?.focus();
  }, [details]);

  const onLookup = handleSubmit(async (data) => {
    const r = await lookupDoiAction(data);
    if (!r.ok) {
      if (r.fields?.doi) setError('doi', { message: r.fields.doi }, { shouldFocus: true });
      else setError('root', { message: r.message });
      return;
    }
    const a = r.data;
    if (a.kind === 'existing') router.push(`${sourcePath(a.doi)}?existing=1`);
    else if (a.kind === 'crossref') setDetails({ origin: 'crossref', values: toFormValues(a.metadata) });
    else setDetails({ origin: 'manual', values: toFormValues({ doi: a.doi }), reason: a.reason });
  });

  const changeDoi = () => {
    setDetails(null);
    // The DOI form mounts again on the next render.
    setTimeout(() => setFocus('doi', { shouldSelect: true }), 0);
  };

  if (details) {
    return (
      <section aria-labelledby="source-details-title" className="stack">
        <h2 id="source-details-title" ref={detailsHeading} tabIndex={-1}>
          Source details
        </h2>
        {details.origin === 'crossref' ? (
          <Alert tone="ok" testId="metadata-origin">
            Metadata filled in from Crossref — check it before saving.
          </Alert>
        ) : (
          <Alert tone="info" testId="lookup-reason">
            {details.reason}
          </Alert>
        )}
        <p>
          <button type="button" className="link-button" onClick={changeDoi}>
            Back: change the DOI
          </button>
        </p>
        <SourceMetadataForm mode="create" values={details.values} origin={details.origin} />
      </section>
    );
  }

  const error = errors.doi?.message;
  return (
    <form className="stack" onSubmit={onLookup} noValidate aria-label="Look up a DOI">
      {errors.root?.message && <Alert>{errors.root.message}</Alert>}
      <Field id="source-lookup-doi" label="DOI" error={error} hint={DOI_HINT}>
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          {...fieldAria('source-lookup-doi', error, DOI_HINT)}
          {...register('doi')}
        />
      </Field>
      <div>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Looking up…' : 'Look up'}
        </button>
      </div>
    </form>
  );
}
