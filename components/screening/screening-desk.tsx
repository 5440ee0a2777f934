'use client';

import { useRouter } from 'next/navigation';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { DecisionForm, type ReasonOption } from './decision-form';
import styles from './screening.module.css';

/**
 * The screening page's interactive part around the server-rendered record (`children`): the decision form, and
 * a status message ("Included. 24 left.") once the next record (or the empty state) has arrived. It stays
 * mounted across records, so the message outlives the record it is about.
 */
export function ScreeningDesk({
  candidateId,
  reasons,
  left,
  children,
}: {
  candidateId: number | null;
  reasons: readonly ReasonOption[];
  left: number;
  children: ReactNode;
}) {
  const router = useRouter();
  const [done, setDone] = useState<{ verb: string; id: number } | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const shown = done !== null && done.id !== candidateId;
  useEffect(() => {
    if (shown) status.current?.focus();
  }, [shown, candidateId]);

  return (
    <>
      <div ref={status} tabIndex={-1} data-testid="screening-status">
        {shown && (
          <Alert tone="ok">
            {done.verb}. {left.toLocaleString('en')} left.
          </Alert>
        )}
      </div>
      {children}
      {candidateId !== null && (
        <>
          <DecisionForm
            key={candidateId}
            candidateId={candidateId}
            reasons={reasons}
            onDecided={(verb) => setDone({ verb, id: candidateId })}
            onSkip={() => {
              setDone(null);
              router.push(`/literature/screen?after=${candidateId}`);
            }}
          />
          <p className={`hint ${styles.legend}`} data-testid="screening-keys">
            Keyboard: <kbd>i</kbd> include, <kbd>e</kbd> exclude (choose a reason; <kbd>Enter</kbd> confirms,{' '}
            <kbd>Esc</kbd> cancels), <kbd>m</kbd> maybe, <kbd>n</kbd> skip to the next record. Shortcuts are off while
            you type in a field.
          </p>
        </>
      )}
    </>
  );
}
