'use client';

import { Controller, type FieldErrors, type UseFormReturn, useWatch } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { SingleTermPicker } from '@/components/ui/single-term-picker';
import { TermPicker } from '@/components/ui/term-picker';
import type { TermKind } from '@/lib/vocab/sources';
import type { TermRef } from '@/lib/vocab/term-ref';
import type { FindingFormValues } from './types';

type FormProps = { form: UseFormReturn<FindingFormValues> };
export type TermListName = 'evSourceTerms' | 'recipientCellTerms' | 'diseaseTerms' | 'targetGeneTerms' | 'methodTerms';

/** The first message for a list field or any of its items ("recipientCellTerms.2.curie"). */
function listError(errors: FieldErrors<FindingFormValues>, name: TermListName): string | undefined {
  const e = errors[name] as
    ({ message?: string; root?: { message?: string } } & Record<number, { curie?: { message?: string } }>) | undefined;
  if (!e) return undefined;
  if (e.message) return e.message;
  if (e.root?.message) return e.root.message;
  for (const item of Object.values(e)) {
    const m = (item as { curie?: { message?: string }; label?: { message?: string } } | undefined)?.curie?.message;
    if (m) return m;
  }
  return undefined;
}

/** A grounded list: chips of terms (label + CURIE) and, where allowed, free text kept as "ungrounded". */
export function TermListField({
  form,
  name,
  label,
  kinds,
  hint,
  freeText = true,
  speciesScoped = true,
}: FormProps & {
  name: TermListName;
  label: string;
  kinds: readonly TermKind[];
  hint?: string;
  freeText?: boolean;
  /** Limit species-specific kinds (miRNAs, genes) to the study's species. */
  speciesScoped?: boolean;
}) {
  const error = listError(form.formState.errors, name);
  const species = useWatch({ control: form.control, name: 'species' });
  const errorId = `${name}-error`;
  return (
    <div>
      <Controller
        control={form.control}
        name={name}
        render={({ field }) => (
          <TermPicker
            id={name}
            label={label}
            kinds={kinds}
            species={speciesScoped ? species || null : null}
            multiple
            value={field.value as TermRef[]}
            onChange={field.onChange}
            allowFreeText={freeText}
            hint={hint}
            describedBy={error ? errorId : undefined}
            invalid={Boolean(error)}
          />
        )}
      />
      {error && (
        <Alert inline id={errorId}>
          {error}
        </Alert>
      )}
    </div>
  );
}

/** A single-valued term field (donor organ): the form keeps the CURIE, the chip shows its label. */
export function SingleTermField({
  form,
  name,
  label,
  kinds,
  initialLabels,
  hint,
}: FormProps & {
  name: 'origin' | 'targetOrgan';
  label: string;
  kinds: readonly TermKind[];
  initialLabels: Readonly<Record<string, string>>;
  hint?: string;
}) {
  const error = (form.formState.errors[name] as { message?: string } | undefined)?.message;
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <SingleTermPicker
          id={name}
          label={label}
          kinds={kinds}
          value={field.value}
          onChange={field.onChange}
          hint={hint}
          error={error}
          initialLabels={initialLabels}
        />
      )}
    />
  );
}
