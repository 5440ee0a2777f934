'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { changeSummarySchema, findingContentSchema } from '@/lib/finding/schema';
import { FindingFieldsets } from './finding-fieldsets';
import { ConflictNotices, PrefillNotices, SourceNotices, SubmitErrors } from './form-notices';
import { SaveStatus } from './save-status';
import type { FindingFormValues } from './types';
import { useAutosave } from './use-autosave';
import { useFindingSaves } from './use-finding-saves';
import { useSubmitFinding } from './use-submit-finding';

const submitSchema = findingContentSchema.extend({ changeSummary: changeSummarySchema });

export type FindingFormProps = {
  source: { id: number; doi: string; citation: string };
  findingId: number | null;
  publicId: string | null;
  lockVersion: number;
  initial: FindingFormValues;
  /** Other findings already recorded from this DOI. */
  siblings: { publicId: string; label: string }[];
  /** The latest revision is submitted/approved: the first save starts a new revision. */
  startsNewRevision: boolean;
  /** Labels of the organ ids the form starts with (termLabelsOf in ./initial). */
  termLabels: Readonly<Record<string, string>>;
  /** Values the reader put in (a quote from the stored text, a highlighted term): saved by the first autosave. */
  prefill?: { notices: string[]; errors: string[]; changed: boolean };
};

/** The finding editor: autosaved as a draft while typing, checked in full on submission. */
export function FindingForm(props: FindingFormProps) {
  const form = useForm<FindingFormValues>({
    defaultValues: props.initial,
    resolver: zodResolver(submitSchema) as unknown as Resolver<FindingFormValues>,
    mode: 'onSubmit',
  });
  const { findingId, publicId, lockVersion } = props;
  const saves = useFindingSaves(form, props.source.id, { findingId, publicId, lockVersion });
  const autosave = useAutosave(saves.save);
  const { onSubmit, submitting } = useSubmitFinding(form, saves, autosave);

  const { subscribe } = form;
  const { schedule } = autosave;
  useEffect(
    // Only the user's edits start an autosave, not a reset to the saved version.
    () => subscribe({ formState: { values: true }, callback: ({ type }) => type === 'change' && schedule() }),
    [subscribe, schedule],
  );
  const prefilled = props.prefill?.changed ?? false;
  useEffect(() => {
    if (prefilled) schedule();
  }, [prefilled, schedule]);

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Finding"
      className="finding-form"
      style={{ display: 'grid', gap: '1rem', maxWidth: '52rem' }}
    >
      <SourceNotices source={props.source} siblings={props.siblings} startsNewRevision={props.startsNewRevision} />
      <ConflictNotices
        conflict={saves.conflict}
        onLoadSaved={() => saves.loadSaved() && autosave.resume()}
        onDismiss={() => saves.setConflict(null)}
      />
      {props.prefill && <PrefillNotices {...props.prefill} />}
      <SubmitErrors duplicates={saves.duplicates} rootError={form.formState.errors.root?.message} />
      <FindingFieldsets form={form} termLabels={props.termLabels} />
      <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <button type="button" className="btn" onClick={() => void autosave.flush()} disabled={submitting}>
          Save draft
        </button>
        <button type="submit" className="btn btn-primary" disabled={submitting || form.formState.isSubmitting}>
          {submitting ? 'Submitting…' : 'Submit for review'}
        </button>
        <SaveStatus state={autosave.state} />
      </div>
    </form>
  );
}
