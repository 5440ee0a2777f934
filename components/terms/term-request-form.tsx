'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { requestTermAction } from '@/app/terms/requests/actions';
import { setActionErrors } from '@/components/ui/action-errors';
import { Alert } from '@/components/ui/alert';
import { Field, fieldAria } from '@/components/ui/field';
import { KIND_LABELS } from '@/lib/vocab/fields';
import { PARENT_KINDS, TERM_KINDS, termRequestSchema } from '@/lib/vocab/term-request-schema';
import { SingleTermPicker } from '@/components/ui/single-term-picker';

type Input = z.input<typeof termRequestSchema>;
type Output = z.output<typeof termRequestSchema>;

const EMPTY: Input = { kind: 'cell', label: '', definition: '', parentCurie: '', reason: '' };

/** A curator's request for a term the vocabularies lack. */
export function TermRequestForm() {
  const router = useRouter();
  const [created, setCreated] = useState<number | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(termRequestSchema), defaultValues: EMPTY });

  const onSubmit = handleSubmit(async (data) => {
    setCreated(null);
    const r = await requestTermAction(data);
    if (!r.ok) return setActionErrors(setError, r);
    setCreated(r.data.id);
    reset(EMPTY);
    router.refresh();
  });

  const e = (k: keyof Input) => errors[k]?.message;
  const kind = useWatch({ control, name: 'kind' });
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="request-term-title">
      {errors.root?.message && <Alert>{errors.root.message}</Alert>}
      {created && <Alert tone="ok">Request #{created} recorded; an admin will decide on it.</Alert>}
      <Field id="tr-kind" label="What it names" error={e('kind')}>
        <select {...fieldAria('tr-kind', e('kind'))} {...register('kind')}>
          {TERM_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="tr-label" label="Label" error={e('label')} hint="The text as findings use it, e.g. BM-MSC.">
        <input type="text" autoComplete="off" {...fieldAria('tr-label', e('label'), 'hint')} {...register('label')} />
      </Field>
      <Field id="tr-definition" label="Definition" error={e('definition')} hint="One or two sentences.">
        <textarea rows={3} {...fieldAria('tr-definition', e('definition'), 'hint')} {...register('definition')} />
      </Field>
      <Controller
        control={control}
        name="parentCurie"
        render={({ field }) => (
          <SingleTermPicker
            id="tr-parent"
            label="Parent term (optional)"
            kinds={PARENT_KINDS[kind] ?? []}
            value={typeof field.value === 'string' ? field.value : ''}
            onChange={field.onChange}
            hint="The broader term, e.g. mesenchymal stem cell (CL:0000134) for a kind of MSC."
            error={e('parentCurie')}
          />
        )}
      />
      <Field id="tr-reason" label="Why it is needed" error={e('reason')} hint="Which papers or findings need it.">
        <textarea rows={2} {...fieldAria('tr-reason', e('reason'), 'hint')} {...register('reason')} />
      </Field>
      <div>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Sending…' : 'Request the term'}
        </button>
      </div>
    </form>
  );
}
