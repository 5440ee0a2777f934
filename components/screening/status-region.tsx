'use client';

import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';

const SetStatus = createContext<(message: string) => void>(() => {});

/**
 * A status message above a list whose items leave it once acted on: what happened is said here, and the
 * message takes the focus so that keyboard users keep their place. Items report through useStatus().
 */
export function StatusRegion({ testId, children }: { testId: string; children: ReactNode }) {
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  return (
    <SetStatus.Provider value={(text) => setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 }))}>
      <div ref={ref} tabIndex={-1} data-testid={testId}>
        {message && <Alert tone="ok">{message.text}</Alert>}
      </div>
      {children}
    </SetStatus.Provider>
  );
}

export function useStatus(): (message: string) => void {
  return useContext(SetStatus);
}
