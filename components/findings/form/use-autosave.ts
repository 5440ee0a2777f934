'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string }
  | { kind: 'paused' };

/**
 * Debounced saving: waits until typing stops for `delayMs`, never runs two
 * saves at once (a change during a save is saved right after it), and can be
 * paused (on a conflict) so nothing is written over a newer version.
 */
export function useAutosave(save: () => Promise<SaveState>, delayMs = 1200) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const paused = useRef(false);
  const saveRef = useRef(save);
  // The latest save closure (it reads the form's current ids), kept for the timer and handlers to call.
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const run = useCallback(async (): Promise<void> => {
    if (paused.current) return;
    if (running.current) {
      again.current = true;
      return running.current;
    }
    // A change made during a save is saved right after it, until nothing is left or saving pauses.
    do {
      again.current = false;
      setState({ kind: 'saving' });
      running.current = (async () => {
        const next = await saveRef.current();
        if (next.kind === 'paused') paused.current = true;
        setState(next);
      })();
      try {
        await running.current;
      } finally {
        running.current = null;
      }
    } while (again.current && !paused.current);
  }, []);

  const schedule = useCallback(() => {
    if (paused.current) return;
    if (timer.current) clearTimeout(timer.current);
    setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
    timer.current = setTimeout(() => void run(), delayMs);
  }, [delayMs, run]);

  /** Save now (the "Save draft" button, or before submitting). */
  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (running.current) await running.current;
    await run();
  }, [run]);

  const resume = useCallback(() => {
    paused.current = false;
    setState({ kind: 'idle' });
  }, []);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return { state, schedule, flush, resume, isPaused: () => paused.current };
}
