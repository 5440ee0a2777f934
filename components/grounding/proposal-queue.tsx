'use client';

import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { type ProposalDone, ProposalChoice } from './proposal-choice';
import type { ProposalView } from './proposal-view';

/**
 * The open proposals of one page. After a choice the proposal leaves the list, so what happened is
 * said in a status message above it, which takes the focus (keyboard users keep their place).
 */
export function ProposalQueue({ proposals }: { proposals: ProposalView[] }) {
  const [done, setDone] = useState<ProposalDone | null>(null);
  const status = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) status.current?.focus();
  }, [done]);
  return (
    <>
      <div ref={status} tabIndex={-1} data-testid="grounding-status">
        {done && <Alert tone="ok">{done.message}</Alert>}
      </div>
      {proposals.length > 0 && (
        <ol style={{ listStyle: 'none', padding: 0 }} data-testid="grounding-proposals">
          {proposals.map((p) => (
            <ProposalChoice key={p.id} p={p} onDone={setDone} />
          ))}
        </ol>
      )}
    </>
  );
}
