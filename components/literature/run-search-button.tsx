'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { runSavedSearchAction } from '@/app/literature/searches/actions';
import { Alert } from '@/components/ui/alert';
import { useAction } from '@/components/ui/use-action';

/** "Run now" for one saved search: a pending note while Europe PMC answers, then what was added or why not. */
export function RunSearchButton({ searchId, name }: { searchId: number; name: string }) {
  const [done, setDone] = useState<string | null>(null);
  const run = useAction(runSavedSearchAction, {
    onSuccess: (r) =>
      setDone(
        `Added ${r.added} new record${r.added === 1 ? '' : 's'}, ${r.alreadySeen} already seen` +
          (r.duplicates ? `, ${r.duplicates} duplicates of other records` : '') +
          ` (${r.found} found).`,
      ),
  });
  const router = useRouter();
  // A failed run is recorded too: show it in the list of runs (useAction refreshes only after a success).
  useEffect(() => {
    if (run.error) router.refresh();
  }, [run.error, router]);
  return (
    <div data-testid="run-search">
      <button
        type="button"
        className="btn"
        aria-label={`Run now: ${name}`}
        disabled={run.pending}
        onClick={() => {
          setDone(null);
          run.run({ searchId });
        }}
      >
        {run.pending ? 'Running…' : 'Run now'}
      </button>
      <Alert inline as="span" tone={run.error ? 'error' : 'ok'} role="status" testId="run-search-result">
        {run.pending ? ' Searching Europe PMC… this can take up to a minute.' : ''}
        {!run.pending && run.error ? ` ${run.error.message}` : ''}
        {!run.pending && !run.error && done ? ` ${done}` : ''}
      </Alert>
    </div>
  );
}
