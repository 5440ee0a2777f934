'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Field, fieldAria } from '@/components/ui/field';
import { type IntakeAnswer, IntakeReport } from './intake-report';

const MAX_BYTES = 20 * 1024 * 1024;
const HINT = 'RIS, BibTeX, PubMed (.nbib), CSL-JSON, or a plain list of DOIs/PMIDs, one a line. At most 20 MB.';
const FORMATS = [
  ['', 'Tell from the file'],
  ['ris', 'RIS'],
  ['bibtex', 'BibTeX'],
  ['nbib', 'PubMed / MEDLINE (.nbib)'],
  ['csl_json', 'CSL-JSON'],
  ['ids', 'List of DOIs / PMIDs'],
] as const;

type Errors = { file?: string; root?: string };

async function upload(
  file: File,
  format: string,
): Promise<{ ok: true; answer: IntakeAnswer } | { ok: false; e: Errors }> {
  const q = new URLSearchParams({ name: file.name });
  if (format) q.set('format', format);
  try {
    const res = await fetch(`/api/literature/intake?${q}`, {
      method: 'POST',
      body: file,
      headers: { 'content-type': 'application/octet-stream' },
    });
    const body = (await res.json().catch(() => null)) as
      (IntakeAnswer & { message?: string; fields?: Record<string, string> }) | null;
    if (res.ok && body) return { ok: true, answer: body };
    const message = body?.fields?.file ?? body?.fields?.format ?? body?.message ?? `The server answered ${res.status}.`;
    return { ok: false, e: res.status === 400 || res.status === 413 ? { file: message } : { root: message } };
  } catch {
    return { ok: false, e: { root: 'The upload did not reach the server. Nothing was added; try again.' } };
  }
}

/** Upload a bibliography: the file goes to the intake route as it is; its answer and report show below. */
export function IntakeUpload() {
  const router = useRouter();
  const result = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [answer, setAnswer] = useState<IntakeAnswer | null>(null);
  const [errors, setErrors] = useState<Errors>({});

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return setErrors({ file: 'Choose a file to upload.' });
    if (file.size > MAX_BYTES) return setErrors({ file: 'The file is over 20 MB; split it into smaller files.' });
    setErrors({});
    setAnswer(null);
    setBusy(`Uploading and checking ${file.name}…`);
    const r = await upload(file, String(data.get('format') ?? ''));
    setBusy(null);
    if (r.ok) {
      setAnswer(r.answer);
      router.refresh();
    } else setErrors(r.e);
    result.current?.focus();
  }

  const clear = () => {
    setErrors({});
    setAnswer(null);
  };

  return (
    <div className="stack">
      <form
        className="stack"
        onSubmit={onSubmit}
        aria-label="Upload records"
        aria-busy={busy ? true : undefined}
        noValidate
      >
        <Field id="intake-file" label="File" hint={HINT} error={errors.file}>
          <input type="file" name="file" onChange={clear} {...fieldAria('intake-file', errors.file, HINT)} />
        </Field>
        <Field id="intake-format" label="Format">
          <select name="format" id="intake-format" defaultValue="" onChange={clear}>
            {FORMATS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center' }}>
          <button type="submit" className="btn btn-primary" disabled={busy !== null}>
            {busy ? 'Uploading…' : 'Upload'}
          </button>
          <span role="status" aria-live="polite" data-testid="intake-progress">
            {busy ?? ''}
          </span>
        </div>
      </form>
      <div ref={result} tabIndex={-1} className="stack" role="region" aria-label="Upload result">
        {errors.root && <Alert>{errors.root}</Alert>}
        {answer && <IntakeReport answer={answer} />}
      </div>
    </div>
  );
}
