'use client';

import type { Ref } from 'react';
import type { PickerOption } from '@/lib/vocab/picker-state';
import type { TermRef } from '@/lib/vocab/term-ref';

/** The chosen values as chips: term label and id, or the text marked "ungrounded"; each with a real remove button. */
export function TermChips({
  id,
  label,
  value,
  onRemove,
}: {
  id: string;
  label: string;
  value: readonly TermRef[];
  onRemove: (index: number) => void;
}) {
  if (value.length === 0) return null;
  return (
    <ul className="term-chips" id={`${id}-chosen`} aria-label={`Chosen: ${label}`}>
      {value.map((v, i) => (
        <li key={v.curie ?? `text:${v.label}`} className={v.curie ? 'term-chip' : 'term-chip term-chip-ungrounded'}>
          <span className="term-chip-label">{v.label}</span>{' '}
          {v.curie ? <span className="term-id">{v.curie}</span> : <span className="term-ungrounded">ungrounded</span>}
          <button
            type="button"
            className="term-chip-remove"
            aria-label={`Remove ${v.label}`}
            onClick={() => onRemove(i)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** One option of the listbox: label, id and parent (and the synonym that matched); or the free-text choice. */
export function TermOption({
  id,
  option,
  active,
  onChoose,
  onHover,
  activeRef,
}: {
  id: string;
  option: PickerOption;
  active: boolean;
  onChoose: () => void;
  onHover: () => void;
  activeRef?: Ref<HTMLLIElement>;
}) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={active ? 'term-option term-option-active' : 'term-option'}
      ref={active ? activeRef : undefined}
      // Keep focus in the text box: the choice happens on click, the input never blurs.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onChoose}
      onMouseMove={active ? undefined : onHover}
    >
      {option.type === 'free' ? (
        <span className="term-option-free">
          Keep “{option.label}” as free text <span className="term-ungrounded">(ungrounded)</span>
        </span>
      ) : (
        <>
          <span className="term-option-label">{option.term.label}</span>{' '}
          <span className="term-id">{option.term.curie}</span>
          {(option.term.parent || option.term.matched) && (
            <span className="term-option-meta">
              {option.term.matched && <> matches “{option.term.matched}”</>}
              {option.term.matched && option.term.parent && ' · '}
              {option.term.parent && <> in {option.term.parent.label}</>}
            </span>
          )}
          {option.term.note && <span className="term-option-note">{option.term.note}</span>}
        </>
      )}
    </li>
  );
}
