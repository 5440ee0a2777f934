'use client';

/**
 * An accessible term picker: the WAI-ARIA 1.2 combobox pattern (list autocomplete, no automatic
 * selection) over `GET /api/terms`. The text box keeps focus; the active option is announced
 * through aria-activedescendant; a polite live region says how many suggestions there are and
 * what was added or removed. Chosen values are chips with a real remove button; free text (when
 * allowed) is kept as `{curie: null, label}` and marked "ungrounded". The logic lives in
 * lib/vocab/picker-state.ts (unit-tested); this file wires it to React.
 */
import { type KeyboardEvent, type RefObject, useEffect, useRef, useState } from 'react';
import {
  afterOptionsChange,
  announcement,
  changeAnnouncement,
  chooseOption,
  CLOSED,
  listboxId,
  optionId,
  optionsFor,
  type PickerOption,
  pickerKey,
  type PopupState,
  refOf,
  removeAt,
} from '@/lib/vocab/picker-state';
import type { TermKind } from '@/lib/vocab/sources';
import type { TermRef } from '@/lib/vocab/term-ref';
import { TermChips, TermOption } from './term-picker-parts';
import { useTermSuggestions } from './use-term-suggestions';

export type TermPickerProps = {
  id: string;
  label: string;
  kinds: readonly TermKind[];
  /** The study's species (NCBITaxon CURIE): miRNA and gene suggestions are limited to it. */
  species?: string | null;
  /** A list of values (chips); otherwise at most one, which a new choice replaces. */
  multiple?: boolean;
  value: TermRef[];
  onChange: (value: TermRef[]) => void;
  /** Offer the typed text as a value of its own, without a term ("ungrounded"). */
  allowFreeText?: boolean;
  /** Ids of elements describing the field (its error message). */
  describedBy?: string;
  invalid?: boolean;
  hint?: string;
};

/** The picker's state and handlers: the text, the popup, the live message and the value changes. */
function useTermPicker(props: TermPickerProps, inputRef: RefObject<HTMLInputElement | null>) {
  const { kinds, species, multiple = false, value, onChange, allowFreeText = false } = props;
  const [text, setText] = useState('');
  const [popup, setPopup] = useState<PopupState>(CLOSED);
  const [said, setSaid] = useState('');
  const { status, suggestions } = useTermSuggestions(text, kinds, species);
  // The free-text choice waits for the answer to the typed text: a quick Down, Enter must not beat the terms to it.
  const options = optionsFor(suggestions, text, { allowFreeText: allowFreeText && status !== 'loading', value });
  const typed = text.trim() !== '';
  // The list shows while it has options for the typed text; the live region speaks even when it has none.
  const open = popup.open && typed && options.length > 0;
  const shown: PopupState = open ? afterOptionsChange(popup, options.length) : CLOSED;

  function choose(option: PickerOption) {
    onChange(chooseOption(value, option, multiple));
    setSaid(changeAnnouncement('added', refOf(option)));
    setText('');
    setPopup(CLOSED);
  }
  function remove(index: number) {
    const gone = value[index];
    onChange(removeAt(value, index));
    if (gone) setSaid(changeAnnouncement('removed', gone));
    inputRef.current?.focus();
  }
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing) return;
    const out = pickerKey(shown, typed ? options : [], text, { key: e.key, altKey: e.altKey });
    if (out.preventDefault) e.preventDefault();
    if (out.clearText) setText('');
    setPopup(out.popup);
    if (out.choose) choose(out.choose);
  }
  function onType(next: string) {
    setText(next);
    setSaid('');
    setPopup({ open: true, active: -1 });
  }
  const live = said || (popup.open && typed ? announcement(status, options) : '');
  return { text, options, shown, live, choose, remove, onKeyDown, onType, setPopup };
}

export function TermPicker(props: TermPickerProps) {
  const { id, label, multiple = false, value } = props;
  const inputRef = useRef<HTMLInputElement>(null);
  const p = useTermPicker(props, inputRef);
  const activeRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    activeRef.current?.scrollIntoView({ block: 'nearest' });
  }, [p.shown.active]);
  const hintId = `${id}-hint`;
  const describedBy = [...new Set([...(props.describedBy ?? '').split(/\s+/), props.hint ? hintId : ''])]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="field term-picker">
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <TermChips id={id} label={label} value={value} onRemove={p.remove} />
      <div className="term-picker-box">
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          aria-expanded={p.shown.open}
          aria-controls={listboxId(id)}
          aria-autocomplete="list"
          aria-activedescendant={p.shown.active >= 0 ? optionId(id, p.shown.active) : undefined}
          aria-describedby={describedBy || undefined}
          aria-invalid={props.invalid || undefined}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={p.text}
          placeholder={multiple && value.length > 0 ? 'Add another…' : undefined}
          onChange={(e) => p.onType(e.target.value)}
          onKeyDown={p.onKeyDown}
          onBlur={() => p.setPopup(CLOSED)}
        />
        <ul
          role="listbox"
          id={listboxId(id)}
          aria-labelledby={`${id}-label`}
          className="term-listbox"
          hidden={!p.shown.open}
        >
          {p.shown.open &&
            p.options.map((o, i) => (
              <TermOption
                key={o.type === 'term' ? o.term.curie : 'free-text'}
                id={optionId(id, i)}
                option={o}
                active={i === p.shown.active}
                activeRef={activeRef}
                onChoose={() => p.choose(o)}
                onHover={() => p.setPopup({ open: true, active: i })}
              />
            ))}
        </ul>
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {p.live}
      </div>
    </div>
  );
}
