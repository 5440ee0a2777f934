'use client';

import { type KeyboardEvent, type MouseEvent, type RefObject, useCallback, useRef, useState } from 'react';
import type { MentionType } from '@/lib/annotate/types';
import { type MarkedTerm, termOfMark } from './term-popover';

export type OpenTerm = { term: MarkedTerm; at: { top: number; left: number } };

/**
 * The highlights' behaviour, delegated from the text region: a click (not ending a text selection) or Enter
 * on a highlight opens its popover; "]" and "[" move focus between the highlights that are shown.
 */
export function useHighlights(
  regionRef: RefObject<HTMLElement | null>,
  shellRef: RefObject<HTMLElement | null>,
  hidden: ReadonlySet<MentionType>,
) {
  const [open, setOpen] = useState<OpenTerm | null>(null);
  const openMark = useRef<HTMLElement | null>(null);

  const show = (el: HTMLElement) => {
    const base = shellRef.current?.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    openMark.current = el;
    setOpen({
      term: termOfMark(el),
      at: { top: box.bottom - (base?.top ?? 0) + 4, left: Math.max(0, box.left - (base?.left ?? 0)) },
    });
  };
  const close = useCallback((returnFocus: boolean) => {
    if (returnFocus) openMark.current?.focus();
    setOpen(null);
  }, []);

  const markOf = (t: EventTarget) => {
    const el = t instanceof Element ? t.closest<HTMLElement>('mark[data-mention]') : null;
    return el && !hidden.has(el.dataset.type as MentionType) ? el : null;
  };
  const onClick = (e: MouseEvent) => {
    const el = markOf(e.target);
    if (el && document.getSelection()?.isCollapsed !== false) show(el);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === ']' || e.key === '[') {
      const marks = [...(regionRef.current?.querySelectorAll<HTMLElement>('mark[data-mention]') ?? [])].filter(
        (m) => !hidden.has(m.dataset.type as MentionType),
      );
      if (marks.length === 0) return;
      e.preventDefault();
      const i = marks.indexOf(document.activeElement as HTMLElement);
      const next = e.key === ']' ? (i + 1) % marks.length : i <= 0 ? marks.length - 1 : i - 1;
      marks[next]!.focus();
      marks[next]!.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter' || e.key === ' ') {
      const el = markOf(e.target);
      if (!el) return;
      e.preventDefault();
      show(el);
    }
  };
  return { open, close, onClick, onKeyDown };
}
