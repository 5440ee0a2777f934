'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { createUserAction } from '@/app/admin/users/actions';
import { Field, fieldAria } from '@/components/ui/field';
import { newUserSchema } from '@/lib/auth/schemas';
import { ROLES } from '@/lib/vocab/terms';
import { setActionErrors } from '@/components/ui/action-errors';
import { Alert } from '@/components/ui/alert';

type Input = z.input<typeof newUserSchema>;
type Output = z.output<typeof newUserSchema>;

export function NewUserForm() {
  const [created, setCreated] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(newUserSchema),
    defaultValues: { email: '', name: '', role: 'curator', orcid: '', password: '' },
  });

  const onSubmit = handleSubmit(async (data) => {
    setCreated(null);
    const r = await createUserAction(data);
    if (r.ok) {
      setCreated(data.email);
      reset();
      return;
    }
    setActionErrors(setError, r);
  });

  const e = (k: keyof Input) => errors[k]?.message;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Invite a user">
      {errors.root?.message && <Alert>{errors.root.message}</Alert>}
      {created && <Alert tone="ok">Account {created} created.</Alert>}
      <Field id="new-email" label="Email" error={e('email')}>
        <input type="email" autoComplete="off" {...fieldAria('new-email', e('email'))} {...register('email')} />
      </Field>
      <Field id="new-name" label="Name" error={e('name')}>
        <input type="text" autoComplete="off" {...fieldAria('new-name', e('name'))} {...register('name')} />
      </Field>
      <Field id="new-orcid" label="ORCID iD (optional)" error={e('orcid')} hint="e.g. 0000-0002-1825-0097">
        <input type="text" {...fieldAria('new-orcid', e('orcid'), 'hint')} {...register('orcid')} />
      </Field>
      <Field id="new-role" label="Role" error={e('role')}>
        <select {...fieldAria('new-role', e('role'))} {...register('role')}>
          {ROLES.list.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="new-password" label="Initial password" error={e('password')} hint="At least 10 characters.">
        <input
          type="password"
          autoComplete="new-password"
          {...fieldAria('new-password', e('password'), 'hint')}
          {...register('password')}
        />
      </Field>
      <div>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Creating…' : 'Create account'}
        </button>
      </div>
    </form>
  );
}
