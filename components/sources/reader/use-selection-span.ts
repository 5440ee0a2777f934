'use client';

import { type RefObject, useEffect, useState } from 'react';
import { selectionToSpan, type SelectionSpan } from './reader-dom';

export type SelectionState = {
  /** The last span selected in the text; kept while focus moves on to the evidence buttons. */
  span: SelectionSpan | null;
  problem: string | null;
  /** Where a toolbar may float, relative to `anchorRef`, while the selection is live in the text. */
  at: { top: number; left: number } | null;
};

const EMPTY: SelectionState = { span: null, problem: null, at: null };

/** Follows the document's selection and turns one inside the region into a snapshot span. */
export function useSelectionSpan(
  regionRef: RefObject<HTMLElement | null>,
  anchorRef: RefObject<HTMLElement | null>,
): SelectionState {
  const [state, setState] = useState<SelectionState>(EMPTY);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      const region = regionRef.current;
      const sel = document.getSelection();
      if (!region || !sel || sel.rangeCount === 0) return;
      const range = sel.getRangeAt(0);
      const inside = region.contains(range.commonAncestorContainer);
      // A selection elsewhere (or focus moving to a button) keeps the last span; a click in the text drops it.
      if (!inside) return setState((s) => (s.at ? { ...s, at: null } : s));
      const r = selectionToSpan(region, range);
      if (!r) return setState(EMPTY);
      if ('problem' in r) return setState({ span: null, problem: r.problem, at: null });
      const box = range.getBoundingClientRect();
      const base = anchorRef.current?.getBoundingClientRect();
      const at = base ? { top: box.bottom - base.top + 6, left: Math.max(0, box.left - base.left) } : null;
      setState({ span: r.span, problem: null, at });
    };
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(update, 120);
    };
    const onScroll = () => setState((s) => (s.at ? { ...s, at: null } : s));
    const region = regionRef.current;
    document.addEventListener('selectionchange', onChange);
    region?.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      document.removeEventListener('selectionchange', onChange);
      region?.removeEventListener('scroll', onScroll);
    };
  }, [regionRef, anchorRef]);
  return state;
}
