'use client';

import { useEffect } from 'react';

/** A key press meant for a field (typing a note, choosing in a select) is not a shortcut. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Single-key shortcuts on the whole page (i, e, m, n on the screening page): ignored while the focus is in a
 * field, with a modifier held, or on auto-repeat. The handlers are read at each press, so they may change.
 */
export function useScreeningKeys(handlers: Record<string, () => void>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const handler = handlers[e.key.toLowerCase()];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
}
