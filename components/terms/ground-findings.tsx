'use client';

import Link from 'next/link';
import { useState } from 'react';
import { groundFindingsAction, previewGroundingAction } from '@/app/terms/requests/actions';
import { Alert } from '@/components/ui/alert';
import { useAction } from '@/components/ui/use-action';

type Skipped = { publicId: string; reason: string };
type Preview = { ready: string[]; skipped: Skipped[]; term: { curie: string; label: string } };
type Result = { grounded: string[]; skipped: Skipped[] };

function FindingLinks({ ids }: { ids: string[] }) {
  return (
    <ul>
      {ids.map((id) => (
        <li key={id}>
          <Link href={`/findings/${id}`}>{id}</Link>
        </li>
      ))}
    </ul>
  );
}

function SkippedList({ skipped }: { skipped: Skipped[] }) {
  if (!skipped.length) return null;
  return (
    <>
      <p>Left as they are ({skipped.length}):</p>
      <ul>
        {skipped.map((s) => (
          <li key={s.publicId}>
            <Link href={`/findings/${s.publicId}`}>{s.publicId}</Link>: {s.reason}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * After a request is accepted or mapped: preview which findings use its text as free text, then
 * ground them — each a new revision, submitted for review.
 */
export function GroundFindings({ id, text, curie }: { id: number; text: string; curie: string }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const look = useAction(previewGroundingAction, {
    refresh: false,
    onSuccess: (p) => {
      setResult(null);
      setPreview(p);
    },
  });
  const ground = useAction(groundFindingsAction, {
    onSuccess: (r) => {
      setPreview(null);
      setResult(r);
    },
  });
  const n = preview?.ready.length ?? 0;
  return (
    <section aria-label={`Ground findings using “${text}”`} data-testid="ground-findings">
      <button type="button" className="btn" disabled={look.pending} onClick={() => look.run({ id })}>
        {look.pending ? 'Looking…' : `Find findings using “${text}”`}
      </button>
      <div aria-live="polite">
        {look.error && <Alert inline>{look.error.message}</Alert>}
        {ground.error && <Alert inline>{ground.error.message}</Alert>}
        {preview && (
          <div data-testid="ground-preview">
            <p>
              {n === 0
                ? `No finding can be grounded: none uses “${text}” as free text where ${curie} fits.`
                : `${n} finding(s) use “${text}” as free text; each would get a new revision grounding it to ${curie} (${preview.term.label}), submitted for review:`}
            </p>
            <FindingLinks ids={preview.ready} />
            <SkippedList skipped={preview.skipped} />
            {n > 0 && (
              <button
                type="button"
                className="btn btn-primary"
                disabled={ground.pending}
                onClick={() => ground.run({ id })}
              >
                {ground.pending ? 'Grounding…' : `Ground ${n} finding${n === 1 ? '' : 's'} using this text`}
              </button>
            )}
          </div>
        )}
        {result && (
          <div data-testid="ground-result">
            <Alert tone="ok">Grounded {result.grounded.length} finding(s); each revision now awaits review.</Alert>
            <FindingLinks ids={result.grounded} />
            <SkippedList skipped={result.skipped} />
          </div>
        )}
      </div>
    </section>
  );
}
