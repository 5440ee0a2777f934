'use client';

import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { findInParagraphs } from '@/lib/sourcetext/find';
import { clearHits, markHits, type PageParagraph, readParagraphs } from './reader-dom';

export type FindState = { query: string; total: number; shown: number; current: number };

/**
 * Find-in-text over the region's paragraphs: marks the matches (at most 1,000), keeps one current, scrolls it
 * into view. The paragraphs' text is read from the page once; the marks never change it.
 */
export function useFind(regionRef: RefObject<HTMLElement | null>) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState({ query: '', total: 0, shown: 0 });
  const [current, setCurrent] = useState(-1);
  const paras = useRef<PageParagraph[] | null>(null);
  const hits = useRef<HTMLElement[][]>([]);

  useEffect(() => {
    const region = regionRef.current;
    if (!region || (!query.trim() && hits.current.length === 0)) return;
    const timer = setTimeout(
      () => {
        clearHits(region);
        paras.current ??= readParagraphs(region);
        const r = findInParagraphs(paras.current, query);
        hits.current = markHits(paras.current, r.spans);
        setFound({ query, total: r.total, shown: r.spans.length });
        setCurrent(r.spans.length > 0 ? 0 : -1);
      },
      query.trim() ? 150 : 0,
    );
    return () => clearTimeout(timer);
  }, [query, regionRef]);

  useEffect(() => {
    const region = regionRef.current;
    if (!region) return;
    for (const el of region.querySelectorAll('mark[data-current]')) el.removeAttribute('data-current');
    const els = hits.current[current];
    if (!els?.length) return;
    for (const el of els) el.setAttribute('data-current', '');
    els[0]!.scrollIntoView({ block: 'center' });
  }, [current, found, regionRef]);

  const step = useCallback(
    (by: 1 | -1) => setCurrent((c) => (found.shown === 0 ? -1 : (c + by + found.shown) % found.shown)),
    [found.shown],
  );
  const state: FindState = { query: found.query, total: found.total, shown: found.shown, current };
  return { query, setQuery, state, next: () => step(1), previous: () => step(-1), clear: () => setQuery('') };
}

/** "3 of 12"; past the cap, says how many are marked. */
export function findStatus(s: FindState): string {
  if (!s.query.trim()) return '';
  if (s.shown === 0) return 'No matches';
  const of = `${s.current + 1} of ${s.total.toLocaleString('en')}`;
  return s.total > s.shown ? `${of} (the first ${s.shown.toLocaleString('en')} are marked)` : of;
}

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** "/" anywhere on the page, unless typing in a field, moves focus to the find box. */
export function useSlashToFind(inputRef: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [inputRef]);
}
