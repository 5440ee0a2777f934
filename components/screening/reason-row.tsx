'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { renameExclusionReasonAction, setExclusionReasonActiveAction } from '@/app/admin/exclusion-reasons/actions';
import { setActionErrors } from '@/components/ui/action-errors';
import { Alert } from '@/components/ui/alert';
import { fieldAria } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';
import { renameExclusionReasonSchema } from '@/lib/screening/schema';
import { useStatus } from './status-region';

type Input = z.input<typeof renameExclusionReasonSchema>;
type Output = z.output<typeof renameExclusionReasonSchema>;
export type ReasonRowView = { id: number; label: string; active: boolean; used: number };

/** One exclusion reason: rename it in place; retire or reactivate it (reasons are never deleted). */
export function ReasonRow({ reason }: { reason: ReasonRowView }) {
  const say = useStatus();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(renameExclusionReasonSchema),
    values: { id: reason.id, label: reason.label },
  });
  const toggle = useAction(setExclusionReasonActiveAction, {
    onSuccess: (r) => say(r.active ? `Reactivated “${r.label}”.` : `Retired “${r.label}”; screeners no longer see it.`),
  });

  const onRename = handleSubmit(async (data) => {
    const r = await renameExclusionReasonAction(data);
    if (r.ok) say(`Renamed to “${r.data.label}”.`);
    else setActionErrors(setError, r);
  });

  const id = `reason-${reason.id}`;
  const error = errors.label?.message ?? errors.root?.message;
  return (
    <tr data-testid="exclusion-reason" data-active={reason.active}>
      <td>
        <form
          onSubmit={onRename}
          noValidate
          aria-label={`Rename “${reason.label}”`}
          style={{ display: 'flex', gap: '0.5rem' }}
        >
          <label htmlFor={id} className="visually-hidden">
            Label
          </label>
          <input type="text" maxLength={200} {...fieldAria(id, error)} {...register('label')} />
          <button type="submit" className="btn" disabled={isSubmitting || !isDirty}>
            {isSubmitting ? 'Saving…' : 'Rename'}
          </button>
        </form>
        {error && (
          <Alert inline id={`${id}-error`}>
            {error}
          </Alert>
        )}
      </td>
      <td>{reason.active ? 'Active' : 'Retired'}</td>
      <td>{reason.used.toLocaleString('en')}</td>
      <td>
        <button
          type="button"
          className="btn"
          disabled={toggle.pending}
          onClick={() => toggle.run({ id: reason.id, active: !reason.active })}
        >
          {reason.active ? 'Retire' : 'Reactivate'}
        </button>
        {toggle.error && (
          <Alert inline as="span">
            {' '}
            {toggle.error.message}
          </Alert>
        )}
      </td>
    </tr>
  );
}
