'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useForm, type Path, type Resolver } from 'react-hook-form';
import { createFindingAction, saveDraftAction, submitFindingAction } from '@/app/findings/actions';
import type { ActionResult } from '@/lib/action-result';
import { misevCompleteness } from '@/lib/finding/misev';
import { changeSummarySchema, type FindingContent, findingContentSchema } from '@/lib/finding/schema';
import {
  DIRECTIONS,
  EFFECT_DIRECTIONS,
  EM_METHODS,
  EV_TYPES,
  ORGANS,
  PARTICLE_ANALYSIS,
  SEPARATION_METHODS,
  SPECIES,
  STUDY_TYPES,
} from '@/lib/vocab';
import { Alert } from '@/components/ui/alert';
import { CargoEditor } from './cargo-editor';
import { CheckboxGroup } from './checkbox-group';
import { type Conflict, ConflictPanel } from './conflict-panel';
import { fieldBuilders } from './field-builders';
import { SaveStatus } from './save-status';
import { fromFormValues, type FindingFormValues } from './types';
import { type SaveState, useAutosave } from './use-autosave';

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
};

export function FindingForm(props: FindingFormProps) {
  const router = useRouter();
  const ids = useRef({ findingId: props.findingId, publicId: props.publicId, lockVersion: props.lockVersion });
  // One editing sitting: its autosaves go into one draft revision.
  const [editSession] = useState(() => crypto.randomUUID());
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [duplicates, setDuplicates] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const form = useForm<FindingFormValues>({
    defaultValues: props.initial,
    resolver: zodResolver(submitSchema) as unknown as Resolver<FindingFormValues>,
    mode: 'onSubmit',
  });
  const { register, control, handleSubmit, setError, clearErrors, getValues, reset, watch, setValue, formState } = form;
  const errors = formState.errors;

  function applyFailure(r: Extract<ActionResult<unknown>, { ok: false }>): SaveState {
    if (r.error === 'conflict' && r.entity === 'finding') {
      const current = (r.details?.current ?? null) as Conflict['current'];
      setConflict({ message: r.message, current, mine: getValues() });
      return { kind: 'paused' };
    }
    if (r.error === 'conflict' && r.entity === 'duplicate') {
      setDuplicates((r.details?.duplicates as string[] | undefined) ?? []);
    }
    if (r.fields) {
      for (const [field, message] of Object.entries(r.fields)) setError(field as Path<FindingFormValues>, { message });
      return { kind: 'error', message: 'some fields need attention' };
    }
    setError('root', { message: r.message });
    return { kind: 'error', message: r.message };
  }

  async function save(): Promise<SaveState> {
    const { content, changeSummary } = fromFormValues(getValues());
    const cur = ids.current;
    if (cur.findingId == null) {
      const r = await createFindingAction({ sourceId: props.source.id, content, changeSummary, editSession });
      if (!r.ok) return applyFailure(r);
      ids.current = { findingId: r.data.findingId, publicId: r.data.publicId, lockVersion: r.data.lockVersion };
      window.history.replaceState(null, '', `/findings/${r.data.publicId}/edit`);
      clearErrors();
      return { kind: 'saved', at: r.data.savedAt };
    }
    const r = await saveDraftAction({
      findingId: cur.findingId,
      lockVersion: cur.lockVersion,
      content,
      changeSummary,
      editSession,
    });
    if (!r.ok) return applyFailure(r);
    ids.current = { ...cur, lockVersion: r.data.lockVersion };
    clearErrors();
    return { kind: 'saved', at: r.data.savedAt };
  }

  const autosave = useAutosave(save);
  const { schedule } = autosave;
  useEffect(() => {
    const sub = watch((_v, { type }) => {
      if (type === 'change') schedule();
    });
    return () => sub.unsubscribe();
  }, [watch, schedule]);

  const onSubmit = handleSubmit(async () => {
    setSubmitting(true);
    setDuplicates([]);
    try {
      await autosave.flush();
      if (autosave.isPaused() || ids.current.findingId == null) return;
      const { content, changeSummary } = fromFormValues(getValues());
      const r = await submitFindingAction({
        findingId: ids.current.findingId,
        lockVersion: ids.current.lockVersion,
        content,
        changeSummary,
        editSession,
      });
      if (!r.ok) {
        applyFailure(r);
        return;
      }
      router.push(`/findings/${ids.current.publicId}?submitted=1`);
      router.refresh();
    } finally {
      setSubmitting(false);
    }
  });

  const watched = watch();
  const misev = misevCompleteness(watched as unknown as FindingContent);
  const { e, text, area, select, list } = fieldBuilders(form);
  const organOptions = ORGANS.map((o) => ({ value: o.id, label: o.label }));
  const speciesOptions = SPECIES.map((s) => ({ value: s.id, label: `${s.label} (${s.scientific})` }));

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Finding"
      className="finding-form"
      style={{ display: 'grid', gap: '1rem', maxWidth: '52rem' }}
    >
      <p>
        Source: {props.source.citation} <Link href={`/sources/${props.source.doi}`}>doi:{props.source.doi}</Link>
      </p>
      {props.siblings.length > 0 && (
        <Alert tone="info" role="none" testId="siblings-warning">
          This DOI already has {props.siblings.length} finding(s); check you are not recording one of them again:
          <ul>
            {props.siblings.map((s) => (
              <li key={s.publicId}>
                <Link href={`/findings/${s.publicId}`}>{s.publicId}</Link> — {s.label}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {props.startsNewRevision && (
        <p className="hint">
          Saving starts a new draft revision; the current one stays as it is until yours is approved.
        </p>
      )}
      {conflict && (
        <ConflictPanel
          conflict={conflict}
          onLoadSaved={() => {
            if (!conflict.current) return;
            ids.current = { ...ids.current, lockVersion: conflict.current.lockVersion };
            reset({ ...(conflict.current.content as FindingFormValues), changeSummary: getValues('changeSummary') });
            setConflict({
              ...conflict,
              current: null,
              message: 'Reloaded the saved version. Your unsaved text is below until you dismiss it.',
            });
            autosave.resume();
          }}
          onDismiss={() => setConflict(null)}
        />
      )}
      {conflict && !conflict.current && (
        <Alert tone="ok" as="section" role="none" label="Your unsaved text">
          <p>{conflict.message}</p>
          <pre style={{ whiteSpace: 'pre-wrap' }} data-testid="unsaved-copy">
            {JSON.stringify(conflict.mine, null, 2)}
          </pre>
          <button type="button" className="btn" onClick={() => setConflict(null)}>
            Dismiss
          </button>
        </Alert>
      )}
      {duplicates.length > 0 && (
        <Alert testId="duplicate-error">
          Not submitted: an identical finding already exists —{' '}
          {duplicates.map((d) => (
            <Link key={d} href={`/findings/${d}`} style={{ marginRight: '0.5rem' }}>
              {d}
            </Link>
          ))}
        </Alert>
      )}
      {errors.root?.message && !duplicates.length && <Alert>{errors.root.message}</Alert>}

      <fieldset className="field">
        <legend style={{ fontWeight: 700 }}>Finding (Table 1 columns)</legend>
        {select('targetOrgan', 'Target organ', organOptions, 'Choose…')}
        {select('species', 'Species', speciesOptions, 'Choose…')}
        {text('evSource', 'EV source', 'Donor cells or tissue as reported, e.g. C2C12 cells, Plasma of trained mice.')}
        <CargoEditor control={control} register={register} setValue={setValue} errors={errors} />
        {text('recipientCell', 'Recipient cell', 'As reported, e.g. BMSCs, HUVECs, SH-SY5Y.')}
        {text('modelDisease', 'Model / disease', 'e.g. Osteoporosis, UUO, HIIT; empty if not reported.')}
        {area('result', 'Result', 'The finding, in one or two sentences.')}
      </fieldset>

      <fieldset className="field">
        <legend style={{ fontWeight: 700 }}>Context</legend>
        {select('direction', 'Direction', DIRECTIONS.list, 'Choose…')}
        {select('origin', 'Donor organ (origin)', organOptions)}
        {select('studyType', 'Study type', STUDY_TYPES.list, 'Not reported')}
        {select('effectDirection', 'Effect direction', EFFECT_DIRECTIONS.list, 'Not reported')}
        {list(
          'mechanism',
          'Mechanism (targets / pathways)',
          'Separate entries with ";", e.g. PTEN/AKT; Wnt/β-catenin.',
        )}
      </fieldset>

      <fieldset className="field">
        <legend style={{ fontWeight: 700 }}>EV methods (MISEV)</legend>
        <p className="muted" data-testid="misev-score">
          MISEV completeness: {misev.score} %
        </p>
        {select('evType', 'EV type', EV_TYPES.list, 'Not reported')}
        <CheckboxGroup
          id="separationMethods"
          legend="Separation methods"
          options={SEPARATION_METHODS.list}
          registration={register('separationMethods')}
          error={e('separationMethods')}
        />
        <CheckboxGroup
          id="particleAnalysis"
          legend="Particle analysis"
          options={PARTICLE_ANALYSIS.list}
          registration={register('particleAnalysis')}
          error={e('particleAnalysis')}
        />
        <CheckboxGroup
          id="emMethods"
          legend="Electron microscopy"
          options={EM_METHODS.list}
          registration={register('emMethods')}
          error={e('emMethods')}
        />
        {list('markersPositive', 'Positive markers', 'e.g. CD63; CD81; TSG101.')}
        {list('markersNegative', 'Negative markers', 'e.g. Calnexin; GM130.')}
      </fieldset>

      <fieldset className="field">
        <legend style={{ fontWeight: 700 }}>Evidence and notes</legend>
        {area('evidenceQuote', 'Evidence quote', 'The sentence(s) of the paper that state the finding.')}
        {text('evidenceLocation', 'Evidence location', 'Figure, table or page, e.g. Fig. 3B.')}
        {area('curatorNote', 'Curator note')}
      </fieldset>

      {text('changeSummary', 'Change summary', 'What this revision adds or changes (required to submit an edit).')}

      <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <button type="button" className="btn" onClick={() => void autosave.flush()} disabled={submitting}>
          Save draft
        </button>
        <button type="submit" className="btn btn-primary" disabled={submitting || formState.isSubmitting}>
          {submitting ? 'Submitting…' : 'Submit for review'}
        </button>
        <SaveStatus state={autosave.state} />
      </div>
    </form>
  );
}
