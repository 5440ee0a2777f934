'use client';

import { useEffect, useState } from 'react';
import type { SuggestStatus } from '@/lib/vocab/picker-state';
import type { TermKind } from '@/lib/vocab/sources';
import { SUGGEST_TEXT_MAX, type TermSuggestion } from '@/lib/vocab/suggest-query';

/** Wait this long after the last keystroke before asking the server. */
export const SUGGEST_DEBOUNCE_MS = 200;

type Answer = { key: string; status: 'done' | 'error'; data: TermSuggestion[] };

/**
 * Suggestions for the typed text from `GET /api/terms`: debounced, and the request of text that
 * changed since is aborted, so an older answer never replaces a newer one.
 */
export function useTermSuggestions(
  text: string,
  kinds: readonly TermKind[],
  species: string | null | undefined,
  limit = 10,
): { status: SuggestStatus; suggestions: TermSuggestion[] } {
  const q = text.trim().slice(0, SUGGEST_TEXT_MAX);
  const params = new URLSearchParams({ q, kind: kinds.join(','), limit: String(limit) });
  if (species) params.set('species', species);
  const key = params.toString();
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/terms?${key}`, {
          signal: controller.signal,
          headers: { accept: 'application/json' },
        });
        if (!res.ok) throw new Error(`GET /api/terms answered ${res.status}`);
        const body = (await res.json()) as { data: TermSuggestion[] };
        setAnswer({ key, status: 'done', data: body.data });
      } catch (e) {
        if (!controller.signal.aborted) {
          console.warn('term suggestions', e);
          setAnswer({ key, status: 'error', data: [] });
        }
      }
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, q]);

  if (!q) return { status: 'idle', suggestions: [] };
  // While the next answer is on its way the last one stays up (no flicker); the status says it is stale.
  if (answer?.key !== key) return { status: 'loading', suggestions: answer?.data ?? [] };
  return { status: answer.status, suggestions: answer.data };
}
