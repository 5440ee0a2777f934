'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { addExclusionReasonAction } from '@/app/admin/exclusion-reasons/actions';
import { setActionErrors } from '@/components/ui/action-errors';
import { Alert } from '@/components/ui/alert';
import { Field, fieldAria } from '@/components/ui/field';
import { addExclusionReasonSchema } from '@/lib/screening/schema';
import { useStatus } from './status-region';

type Input = z.input<typeof addExclusionReasonSchema>;
type Output = z.output<typeof addExclusionReasonSchema>;

/** A new exclusion reason, offered to screeners at once (listed last). */
export function AddReasonForm() {
  const say = useStatus();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(addExclusionReasonSchema),
    defaultValues: { label: '' },
  });

  const onSubmit = handleSubmit(async (data) => {
    const r = await addExclusionReasonAction(data);
    if (r.ok) {
      say(`Added “${r.data.label}”; screeners can choose it now.`);
      reset();
      return;
    }
    setActionErrors(setError, r);
  });

  const error = errors.label?.message;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Add an exclusion reason">
      {errors.root?.message && <Alert>{errors.root.message}</Alert>}
      <Field id="new-reason" label="New reason" error={error}>
        <input
          type="text"
          autoComplete="off"
          maxLength={200}
          {...fieldAria('new-reason', error)}
          {...register('label')}
        />
      </Field>
      <div>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Adding…' : 'Add reason'}
        </button>
      </div>
    </form>
  );
}
