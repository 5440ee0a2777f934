'use client';

import { Controller, type UseFormReturn } from 'react-hook-form';
import { Field, fieldAria } from '@/components/ui/field';
import { ListInput } from './list-input';
import type { FindingFormValues } from './types';

type Option = { value: string; label: string };

/** Labelled controls of the finding form, each wired to react-hook-form with its error and hint announced. */
export function fieldBuilders({ register, control, formState: { errors } }: UseFormReturn<FindingFormValues>) {
  const e = (k: keyof FindingFormValues) => (errors[k] as { message?: string } | undefined)?.message;
  const text = (id: keyof FindingFormValues, label: string, hint?: string) => (
    <Field id={id} label={label} error={e(id)} hint={hint}>
      <input type="text" {...fieldAria(id, e(id), hint)} {...register(id)} />
    </Field>
  );
  const area = (id: keyof FindingFormValues, label: string, hint?: string) => (
    <Field id={id} label={label} error={e(id)} hint={hint}>
      <textarea rows={3} {...fieldAria(id, e(id), hint)} {...register(id)} />
    </Field>
  );
  const select = (id: keyof FindingFormValues, label: string, options: readonly Option[], blank?: string) => (
    <Field id={id} label={label} error={e(id)}>
      <select {...fieldAria(id, e(id))} {...register(id)}>
        {blank !== undefined && <option value="">{blank}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  const list = (id: 'mechanism' | 'markersPositive' | 'markersNegative', label: string, hint: string) => (
    <Field id={id} label={label} error={e(id)} hint={hint}>
      <Controller
        control={control}
        name={id}
        render={({ field }) => (
          <ListInput
            id={id}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            describedBy={fieldAria(id, e(id), hint)['aria-describedby']}
            invalid={Boolean(e(id))}
          />
        )}
      />
    </Field>
  );
  return { e, text, area, select, list };
}
