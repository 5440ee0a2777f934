'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import type { MentionType, MisevSlot, TermChoice } from '@/lib/annotate/types';
import { addTargetsFor, addTermPath } from '@/lib/sourcetext/reader-links';
import { MENTION_TYPE_LABELS } from '@/lib/sourcetext/render-html';
import type { ReaderDraft } from './source-reader';
import styles from './reader.module.css';

export type MarkedTerm = {
  type: MentionType;
  text: string;
  curie: string | null;
  label: string | null;
  name: string | null;
  misev: MisevSlot | null;
  candidates: TermChoice[];
};

/** The term a highlight stands for, from the attributes lib/sourcetext/render-html.ts puts on it. */
export function termOfMark(el: HTMLElement): MarkedTerm {
  const d = el.dataset;
  let candidates: TermChoice[] = [];
  try {
    candidates = d.candidates ? (JSON.parse(d.candidates) as TermChoice[]) : [];
  } catch {
    candidates = [];
  }
  const colon = d.misev?.indexOf(':') ?? -1;
  const misev =
    d.misev && colon > 0 ? ({ field: d.misev.slice(0, colon), value: d.misev.slice(colon + 1) } as MisevSlot) : null;
  return {
    type: d.type as MentionType,
    text: el.textContent ?? '',
    curie: d.curie ?? null,
    label: d.label ?? null,
    name: d.name ?? null,
    misev,
    candidates,
  };
}

function AddLinks({ term, draft }: { term: MarkedTerm; draft: ReaderDraft }) {
  const targets = addTargetsFor(term);
  if (targets.length === 0)
    return <p className="hint">No field of a finding takes a {MENTION_TYPE_LABELS[term.type]}.</p>;
  return (
    <>
      <p className="hint">
        Add to draft {draft.publicId} ({draft.label}):
      </p>
      <ul className={styles.addList}>
        {targets.map((t) => (
          <li key={t.field}>
            <Link href={addTermPath(draft.publicId, t)} data-testid="term-add" data-field={t.field}>
              Add to {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * What a highlight names (label, CURIE, or the candidates when ambiguous) and, for a curator with a draft
 * chosen, links adding it to a field of that draft. A non-modal dialog: Escape closes and focus goes back.
 */
export function TermPopover({
  term,
  at,
  canCurate,
  draft,
  hasDrafts,
  onClose,
}: {
  term: MarkedTerm;
  at: { top: number; left: number };
  canCurate: boolean;
  draft: ReaderDraft | null;
  hasDrafts: boolean;
  onClose: (returnFocus: boolean) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [term]);
  useEffect(() => {
    const outside = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [onClose]);
  const title = term.label ?? term.name ?? term.text;
  return (
    <div
      ref={ref}
      role="dialog"
      aria-labelledby="reader-term-title"
      tabIndex={-1}
      className={styles.popover}
      style={{ top: at.top, left: at.left }}
      data-testid="term-popover"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose(true);
        }
      }}
    >
      <p id="reader-term-title" className={styles.popoverTitle}>
        <strong>{title}</strong> {term.curie && <span className="term-id">{term.curie}</span>}
      </p>
      <p className="hint">
        {MENTION_TYPE_LABELS[term.type]}
        {title !== term.text && <> · “{term.text}” in the text</>}
      </p>
      {term.candidates.length > 0 && (
        <>
          <p className="hint">Ambiguous: it could be</p>
          <ul className={styles.addList}>
            {term.candidates.map((c) => (
              <li key={c.curie}>
                {c.label} <span className="term-id">{c.curie}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {!term.curie && term.candidates.length === 0 && <p className="hint">Not grounded in a vocabulary.</p>}
      {canCurate &&
        (draft ? (
          <AddLinks term={term} draft={draft} />
        ) : (
          <p className="hint">
            {hasDrafts
              ? 'Choose a draft under “…or for my draft” to add this term to it.'
              : 'Start a finding from this source to add terms to it.'}
          </p>
        ))}
      <button type="button" className="btn" onClick={() => onClose(true)}>
        Close
      </button>
    </div>
  );
}
