'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { cutReleaseAction } from '@/app/releases/actions';
import { Field, fieldAria } from '@/components/ui/field';
import { RELEASE_NOTES_MAX, releaseInputSchema } from '@/lib/export/release';
import { setActionErrors } from '@/components/ui/action-errors';
import { Alert } from '@/components/ui/alert';

type Input = z.input<typeof releaseInputSchema>;
type Output = z.output<typeof releaseInputSchema>;

const nextTag = (tag: string) => tag.replace(/\d+$/, (n) => String(Number(n) + 1));

export function CutReleaseForm({ suggestedTag }: { suggestedTag: string }) {
  const [cut, setCut] = useState<{ tag: string; findingCount: number } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(releaseInputSchema),
    defaultValues: { tag: suggestedTag, notes: '' },
  });

  const onSubmit = handleSubmit(async (data) => {
    setCut(null);
    const r = await cutReleaseAction(data);
    if (r.ok) {
      setCut(r.data);
      reset({ tag: nextTag(r.data.tag), notes: '' });
      return;
    }
    setActionErrors(setError, r);
  });

  const e = (k: keyof Input) => errors[k]?.message;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Cut a release">
      {errors.root?.message && <Alert>{errors.root.message}</Alert>}
      {cut && (
        <Alert tone="ok">
          Release {cut.tag} cut: {cut.findingCount.toLocaleString('en')} findings.
        </Alert>
      )}
      <Field
        id="release-tag"
        label="Tag"
        error={e('tag')}
        hint="year.month.number, e.g. 2026.11.0; a tag is never reused."
      >
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          {...fieldAria('release-tag', e('tag'), 'hint')}
          {...register('tag')}
        />
      </Field>
      <Field
        id="release-notes"
        label="Notes (optional)"
        error={e('notes')}
        hint={`Plain text, at most ${RELEASE_NOTES_MAX.toLocaleString('en')} characters.`}
      >
        <textarea
          rows={4}
          maxLength={RELEASE_NOTES_MAX}
          {...fieldAria('release-notes', e('notes'), 'hint')}
          {...register('notes')}
        />
      </Field>
      <div>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Cutting…' : 'Cut release'}
        </button>
      </div>
    </form>
  );
}
