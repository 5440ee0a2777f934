'use client';

import Link from 'next/link';
import { type FormEvent, type RefObject, useRef, useState } from 'react';
import { importFindingsAction, type ImportOutcome } from '@/app/import/actions';
import { ImportReportTable } from '@/components/import/import-report';
import { Alert } from '@/components/ui/alert';
import { Field, fieldAria } from '@/components/ui/field';
import { estimateRowCount } from '@/lib/import/estimate';
import type { ImportIntent } from '@/lib/import/schema';
import { type ImportMode, MAX_IMPORT_BYTES } from '@/lib/import/types';

const FILE_HINT = 'At most 5 MB and 5,000 rows.';
const MODE_LABEL: Record<ImportMode, string> = { draft: 'as drafts', submit: 'submitted for review' };
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

type Busy = { intent: ImportIntent; rows: number };
type Errors = { file?: string; root?: string };

function summary(o: ImportOutcome): string {
  const c = o.report.counts;
  const parts = [
    `${plural(c.valid, 'valid row')}`,
    `${plural(c.error, 'row')} with errors`,
    `${plural(c.duplicate, 'duplicate')}`,
  ];
  return `${plural(c.total, 'row')} checked: ${parts.join(', ')}.`;
}

/** The upload's state and its submit handler; focus moves to the result when the server answers. */
function useImport(result: RefObject<HTMLDivElement | null>) {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [errors, setErrors] = useState<Errors>({});

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent: ImportIntent = submitter?.value === 'commit' ? 'commit' : 'dry_run';
    const data = new FormData(e.currentTarget);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return setErrors({ file: 'Choose a CSV or JSON file.' });
    if (file.size > MAX_IMPORT_BYTES) return setErrors({ file: 'The file is over 5 MB; split it into smaller files.' });
    data.set('intent', intent);
    setErrors({});
    setOutcome(null);
    setBusy({ intent, rows: estimateRowCount(await file.text()) });
    try {
      const r = await importFindingsAction(data);
      if (r.ok) setOutcome(r.data);
      else setErrors(r.fields?.file ? { file: r.fields.file } : { root: r.message });
    } catch {
      setErrors({
        root: 'The upload did not reach the server or was too large for it. Nothing was imported; try a smaller file.',
      });
    } finally {
      setBusy(null);
      result.current?.focus();
    }
  }

  const reset = () => {
    setOutcome(null);
    setErrors({});
  };
  return { busy, outcome, errors, onSubmit, reset, clearOutcome: () => setOutcome(null) };
}

function ModeChoice({ mode, onChange }: { mode: ImportMode; onChange: (m: ImportMode) => void }) {
  return (
    <fieldset className="field">
      <legend style={{ fontWeight: 600 }}>Import rows</legend>
      {(['draft', 'submit'] as const).map((m) => (
        <label key={m} style={{ fontWeight: 400 }}>
          <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => onChange(m)} />{' '}
          {m === 'draft' ? 'As drafts (you check and submit each one later)' : 'Submitted for review'}
        </label>
      ))}
    </fieldset>
  );
}

function OutcomeNotice({ outcome }: { outcome: ImportOutcome }) {
  const c = outcome.report.counts;
  const problems = c.error + c.duplicate;
  if (outcome.committed)
    return (
      <Alert tone="ok" testId="import-outcome">
        Imported {plural(outcome.created.length, 'finding')} {MODE_LABEL[outcome.mode]}. They are listed under{' '}
        <Link href="/my-work">My work</Link>.
      </Alert>
    );
  if (outcome.intent === 'commit')
    return (
      <Alert testId="import-outcome">
        Nothing was imported: commit imports every row or none, and {plural(problems, 'row')}{' '}
        {problems === 1 ? 'is' : 'are'} not valid. Fix the rows marked below in the file and try again.
      </Alert>
    );
  return (
    <Alert tone={problems ? 'error' : 'ok'} role="status" testId="import-outcome">
      Dry run, nothing was changed.{' '}
      {problems
        ? 'Commit will refuse the file until every row is valid.'
        : `Commit will import all ${plural(c.total, 'row')} ${MODE_LABEL[outcome.mode]}.`}
    </Alert>
  );
}

function ImportResult({
  outcome,
  onlyProblems,
  setOnlyProblems,
}: {
  outcome: ImportOutcome;
  onlyProblems: boolean;
  setOnlyProblems: (v: boolean) => void;
}) {
  const c = outcome.report.counts;
  return (
    <>
      <OutcomeNotice outcome={outcome} />
      <p id="import-summary" data-testid="import-summary">
        {summary(outcome)}
      </p>
      {c.error + c.duplicate > 0 && (
        <label>
          <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} /> Show only
          rows with problems
        </label>
      )}
      <ImportReportTable outcome={outcome} onlyProblems={onlyProblems} />
    </>
  );
}

/** Upload, dry run, commit: the import's one form, with its report. */
export function ImportForm() {
  const [mode, setMode] = useState<ImportMode>('draft');
  const [onlyProblems, setOnlyProblems] = useState(false);
  const result = useRef<HTMLDivElement>(null);
  const { busy, outcome, errors, onSubmit, reset, clearOutcome } = useImport(result);
  return (
    <div className="stack">
      <form className="stack" onSubmit={onSubmit} aria-label="Import" aria-busy={busy ? true : undefined} noValidate>
        <Field id="import-file" label="File (CSV or JSON)" hint={FILE_HINT} error={errors.file}>
          <input
            type="file"
            name="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={reset}
            {...fieldAria('import-file', errors.file, FILE_HINT)}
          />
        </Field>
        <ModeChoice
          mode={mode}
          onChange={(m) => {
            setMode(m);
            clearOutcome();
          }}
        />
        <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center' }}>
          <button type="submit" name="intent" value="dry_run" className="btn" disabled={busy !== null}>
            Dry run
          </button>
          <button type="submit" name="intent" value="commit" className="btn btn-primary" disabled={busy !== null}>
            Commit
          </button>
          <span role="status" aria-live="polite" data-testid="import-progress">
            {busy ? `${busy.intent === 'commit' ? 'Importing' : 'Checking'} ${plural(busy.rows, 'row')}…` : ''}
          </span>
        </div>
      </form>

      <div ref={result} tabIndex={-1} className="stack" role="region" aria-label="Import result">
        {errors.root && <Alert>{errors.root}</Alert>}
        {outcome && <ImportResult outcome={outcome} onlyProblems={onlyProblems} setOnlyProblems={setOnlyProblems} />}
      </div>
    </div>
  );
}
