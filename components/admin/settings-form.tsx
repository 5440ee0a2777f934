'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { updateSettingsAction } from '@/app/admin/settings/actions';
import { SETTINGS, type Settings, settingsUpdateSchema } from '@/lib/settings';
import { setActionErrors } from '@/components/ui/action-errors';
import { Alert } from '@/components/ui/alert';

// The server's schema with every key present: the form always sends the whole set.
const formSchema = settingsUpdateSchema.required();
type Input = z.input<typeof formSchema>;
type Output = z.output<typeof formSchema>;

const toForm = (s: Settings): Input => ({
  approvalsRequired: String(s.approvalsRequired),
  publicRead: s.publicRead,
  screeningMode: s.screeningMode,
});

export function SettingsForm({ initial }: { initial: Settings }) {
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(formSchema), defaultValues: toForm(initial) });

  const onSubmit = handleSubmit(async (data) => {
    setSaved(false);
    const r = await updateSettingsAction(data);
    if (r.ok) {
      reset(toForm(r.data));
      setSaved(true);
      return;
    }
    setActionErrors(setError, r);
  });

  const approvalsError = errors.approvalsRequired?.message;
  const publicReadError = errors.publicRead?.message;
  return (
    <form className="stack" onSubmit={onSubmit} onChange={() => setSaved(false)} noValidate aria-label="Settings">
      {errors.root?.message && <Alert>{errors.root.message}</Alert>}
      <fieldset
        className="field"
        aria-describedby={['approvals-hint', approvalsError ? 'approvals-error' : ''].join(' ').trim()}
      >
        <legend style={{ fontWeight: 600 }}>{SETTINGS.approvalsRequired.label}</legend>
        <p className="hint" id="approvals-hint">
          {SETTINGS.approvalsRequired.help}
        </p>
        <label style={{ fontWeight: 400 }}>
          <input type="radio" value="1" {...register('approvalsRequired')} /> 1 approval
        </label>
        <label style={{ fontWeight: 400 }}>
          <input type="radio" value="2" {...register('approvalsRequired')} /> 2 approvals (dual review)
        </label>
        {approvalsError && (
          <Alert inline id="approvals-error">
            {approvalsError}
          </Alert>
        )}
      </fieldset>
      <div className="field">
        <label>
          <input type="checkbox" aria-describedby="public-read-hint" {...register('publicRead')} />{' '}
          {SETTINGS.publicRead.label}
        </label>
        <p className="hint" id="public-read-hint">
          {SETTINGS.publicRead.help}
        </p>
        {publicReadError && <Alert inline>{publicReadError}</Alert>}
      </div>
      <fieldset className="field" aria-describedby="screening-hint">
        <legend style={{ fontWeight: 600 }}>{SETTINGS.screeningMode.label}</legend>
        <p className="hint" id="screening-hint">
          {SETTINGS.screeningMode.help}
        </p>
        <label style={{ fontWeight: 400 }}>
          <input type="radio" value="single" {...register('screeningMode')} /> Single screening
        </label>
        <label style={{ fontWeight: 400 }}>
          <input type="radio" value="dual" {...register('screeningMode')} /> Dual screening, blinded
        </label>
      </fieldset>
      <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center' }}>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save settings'}
        </button>
        <Alert inline as="span" tone="ok">
          {saved ? 'Settings saved.' : ''}
        </Alert>
      </div>
    </form>
  );
}
