'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';

type Outcome = { tone: 'ok' | 'error'; text: string } | null;
type Counts = { moved: number; proposed: number; ambiguous: number; orphan: number };

/** A result the curator can read: stored or already stored, and what re-anchoring did. */
function describeResult(out: { created: boolean; reanchored: Counts }): string {
  if (!out.created) return 'This exact text is already stored; nothing changed.';
  const r = out.reanchored;
  const moved = r.moved + r.proposed + r.ambiguous + r.orphan;
  if (!moved) return 'Text stored.';
  return `Text stored. Quotes re-anchored: ${r.moved} moved, ${r.proposed} proposed for review, ${r.ambiguous} ambiguous, ${r.orphan} orphaned.`;
}

async function send(url: string, init: RequestInit): Promise<Outcome> {
  try {
    const res = await fetch(url, init);
    const body = (await res.json().catch(() => null)) as {
      message?: string;
      fields?: Record<string, string>;
      created?: boolean;
      reanchored?: Counts;
    } | null;
    if (!res.ok) {
      const detail = body?.fields ? ` ${Object.values(body.fields).join(' ')}` : '';
      return {
        tone: 'error',
        text: `${body?.message ?? `The server answered ${res.status}.`}${detail} Nothing was stored.`,
      };
    }
    return { tone: 'ok', text: describeResult(body as { created: boolean; reanchored: Counts }) };
  } catch {
    return { tone: 'error', text: 'The server could not be reached; nothing was stored. Try again.' };
  }
}

const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

type Run = (label: string, url: string, init: RequestInit) => Promise<void>;

/** Fetch from an open-access service, or upload a PDF / JATS XML file. */
function FetchAndUpload({ id, base, busy, run }: { id: string; base: string; busy: boolean; run: Run }) {
  async function upload(file: File | undefined) {
    if (!file) return;
    const kind = /\.pdf$/i.test(file.name) || file.type === 'application/pdf' ? 'pdf' : 'jats';
    const q = new URLSearchParams({ kind, name: file.name });
    await run(`Reading ${file.name}…`, `${base}/upload?${q}`, { body: file });
  }
  return (
    <>
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => run('Fetching from Europe PMC…', `${base}/fetch`, json({ service: 'europepmc' }))}
        >
          Fetch open-access full text (Europe PMC)
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => run('Fetching the abstract from Crossref…', `${base}/fetch`, json({ service: 'crossref' }))}
        >
          Fetch the abstract (Crossref)
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>Upload a PDF (at most 20 MB) or a JATS XML file (at most 10 MB)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".pdf,.xml,.nxml,application/pdf,application/xml,text/xml"
          disabled={busy}
          onChange={(e) => void upload(e.currentTarget.files?.[0])}
        />
      </div>
    </>
  );
}

/** Curators add a source's text: paste it, upload a PDF or JATS XML file, or fetch it from Europe PMC or Crossref. */
export function SourceTextPanel({ sourceId }: { sourceId: number }) {
  const router = useRouter();
  const id = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [text, setText] = useState('');
  const base = `/api/sources/${sourceId}/text`;

  async function run(label: string, url: string, init: RequestInit) {
    setBusy(label);
    setOutcome(null);
    const out = await send(url, { method: 'POST', ...init });
    setBusy(null);
    setOutcome(out);
    if (out?.tone === 'ok') {
      setText('');
      router.refresh();
    }
  }
  return (
    <section aria-labelledby={`${id}-title`} data-testid="source-text-panel" className="card">
      <h3 id={`${id}-title`}>Add the text of this paper</h3>
      <p className="hint">
        Open-access text from Europe PMC or Crossref is shown to anyone who can see the source; pasted or uploaded text
        only to signed-in users. Each text is stored once and never changed: a newer one re-anchors the evidence quotes.
      </p>
      <FetchAndUpload id={id} base={base} busy={busy !== null} run={run} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run('Storing the pasted text…', `${base}/paste`, json({ text }));
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-paste`}>
            Or paste the text (plain text; headings such as “Results” on their own line)
          </label>
          <textarea id={`${id}-paste`} rows={8} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy !== null || text.trim() === ''}>
          Store pasted text
        </button>
      </form>
      <div aria-live="polite">
        {busy && (
          <p role="status" data-testid="source-text-busy">
            {busy}
          </p>
        )}
        {outcome && (
          <Alert tone={outcome.tone === 'ok' ? 'ok' : 'error'} testId="source-text-result">
            {outcome.text}
          </Alert>
        )}
      </div>
    </section>
  );
}
