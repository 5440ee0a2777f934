'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { acceptTermRequestAction, declineTermRequestAction, mapTermRequestAction } from '@/app/terms/requests/actions';
import { setActionErrors } from '@/components/ui/action-errors';
import { Alert } from '@/components/ui/alert';
import { Field, fieldAria } from '@/components/ui/field';
import { KIND_LABELS } from '@/lib/vocab/fields';
import type { TermKind } from '@/lib/vocab/sources';
import { localCurieOf, termDecisionFormSchema } from '@/lib/vocab/term-request-schema';
import { SingleTermPicker } from '@/components/ui/single-term-picker';

type Input = z.input<typeof termDecisionFormSchema>;
type Output = z.output<typeof termDecisionFormSchema>;

const ACTIONS = {
  accept: acceptTermRequestAction,
  map: mapTermRequestAction,
  decline: declineTermRequestAction,
} as const;

/** An admin's decision on an open request: accept as a local term, map to an existing one, or decline. */
export function TermRequestDecision({ id, label, kind }: { id: number; label: string; kind: string }) {
  const router = useRouter();
  const p = `trd-${id}`;
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(termDecisionFormSchema),
    defaultValues: { decision: 'accept', curie: '', note: '' },
  });
  const decision = useWatch({ control, name: 'decision' });

  const onSubmit = handleSubmit(async ({ decision: d, curie, note }) => {
    const r = await ACTIONS[d]({ id, curie, note });
    if (!r.ok) return setActionErrors(setError, r);
    router.refresh();
  });

  const e = (k: keyof Input) => errors[k]?.message;
  const kindLabel = KIND_LABELS[kind as TermKind] ?? kind;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Decide on request #${id}`} data-testid="term-request-decision">
      {errors.root?.message && <Alert>{errors.root.message}</Alert>}
      <fieldset>
        <legend>Decision on “{label}”</legend>
        <label style={{ display: 'block' }}>
          <input type="radio" value="accept" {...register('decision')} /> Accept as the local term{' '}
          <code>{localCurieOf(id)}</code>
        </label>
        <label style={{ display: 'block' }}>
          <input type="radio" value="map" {...register('decision')} /> Map the text to an existing term
        </label>
        <label style={{ display: 'block' }}>
          <input type="radio" value="decline" {...register('decision')} /> Decline
        </label>
      </fieldset>
      {decision === 'map' && (
        <Controller
          control={control}
          name="curie"
          render={({ field }) => (
            <SingleTermPicker
              id={`${p}-curie`}
              label="Existing term"
              kinds={[kind as TermKind]}
              value={field.value ?? ''}
              onChange={field.onChange}
              hint={`Search by label, synonym or id; it must be ${kindLabel}.`}
              error={e('curie')}
            />
          )}
        />
      )}
      <Field
        id={`${p}-note`}
        label={decision === 'decline' ? 'Why it is declined' : 'Note (optional)'}
        error={e('note')}
      >
        <textarea rows={2} {...fieldAria(`${p}-note`, e('note'))} {...register('note')} />
      </Field>
      <button
        type="submit"
        className={decision === 'decline' ? 'btn btn-danger' : 'btn btn-primary'}
        disabled={isSubmitting}
      >
        {{ accept: 'Accept', map: 'Map', decline: 'Decline' }[decision ?? 'accept']}
      </button>
    </form>
  );
}
