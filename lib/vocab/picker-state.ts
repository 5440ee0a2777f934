/**
 * The term picker's logic without React (components/ui/term-picker.tsx renders it): which options
 * a list shows, what the keyboard does (the WAI-ARIA 1.2 combobox pattern, list autocomplete
 * without automatic selection), what the live region says, and how a choice changes the value.
 */
import type { TermSuggestion } from './suggest-query';
import type { TermRef } from './term-ref';

export type PickerOption = { type: 'term'; term: TermSuggestion } | { type: 'free'; label: string };

/** The popup: whether it is open and which option is active (-1: none, the caret stays in the text box). */
export type PopupState = { open: boolean; active: number };

export const CLOSED: PopupState = { open: false, active: -1 };

/** Longest free text kept (the content schema's limit for a term label). */
export const FREE_TEXT_MAX = 200;

/** The options for the suggestions: terms not chosen yet, then (when allowed) the typed text kept as free text. */
export function optionsFor(
  suggestions: readonly TermSuggestion[],
  text: string,
  opts: { allowFreeText: boolean; value: readonly TermRef[] },
): PickerOption[] {
  const chosen = new Set(opts.value.map((v) => v.curie).filter(Boolean));
  const options: PickerOption[] = suggestions
    .filter((s) => !chosen.has(s.curie))
    .map((term) => ({ type: 'term', term }));
  const free = freeTextOf(text);
  if (opts.allowFreeText && free) options.push({ type: 'free', label: free });
  return options;
}

/** Typed text as a free-text value: whitespace collapsed, `;` (the list separator of exports) dropped, capped. */
export function freeTextOf(text: string): string {
  return text.replace(/;/g, ' ').replace(/\s+/g, ' ').trim().slice(0, FREE_TEXT_MAX).trim();
}

export const listboxId = (pickerId: string) => `${pickerId}-listbox`;
export const optionId = (pickerId: string, index: number) => `${pickerId}-option-${index}`;

/** What a key press in the text box does: the next popup state, a choice, and whether the browser's default is kept. */
export type KeyOutcome = {
  popup: PopupState;
  choose: PickerOption | null;
  preventDefault: boolean;
  clearText?: boolean;
};

export type PickerKey = { key: string; altKey?: boolean };

function move(popup: PopupState, count: number, to: 'next' | 'prev' | 'first' | 'last'): PopupState {
  if (count === 0) return { open: true, active: -1 };
  const last = count - 1;
  const a = popup.open ? popup.active : -1;
  const active =
    to === 'first' ? 0 : to === 'last' ? last : to === 'next' ? (a >= last ? 0 : a + 1) : a <= 0 ? last : a - 1;
  return { open: true, active };
}

/**
 * The keyboard of the combobox. Down/Up open the list and move through it (wrapping); Alt+Down
 * opens it without moving; Home/End go to the first/last option while one is active (else they
 * move the caret); Enter chooses the active option (and never submits the form while the list
 * is open); Escape closes the list, or clears the text when it is closed; Tab closes it and lets
 * focus leave, choosing nothing.
 */
export function pickerKey(popup: PopupState, options: readonly PickerOption[], text: string, e: PickerKey): KeyOutcome {
  const keep = (p: PopupState, preventDefault = false): KeyOutcome => ({ popup: p, choose: null, preventDefault });
  const n = options.length;
  switch (e.key) {
    case 'ArrowDown':
      if (e.altKey) return keep({ open: true, active: popup.open ? popup.active : -1 }, true);
      return keep(move(popup, n, popup.open ? 'next' : 'first'), true);
    case 'ArrowUp':
      if (e.altKey) return keep(CLOSED, true);
      return keep(move(popup, n, popup.open ? 'prev' : 'last'), true);
    case 'Home':
    case 'End':
      if (!popup.open || popup.active < 0) return keep(popup);
      return keep(move(popup, n, e.key === 'Home' ? 'first' : 'last'), true);
    case 'Enter': {
      if (!popup.open) return keep(popup);
      const option = popup.active >= 0 ? (options[popup.active] ?? null) : null;
      return { popup: option ? CLOSED : popup, choose: option, preventDefault: true };
    }
    case 'Escape':
      if (popup.open) return keep(CLOSED, true);
      return { popup, choose: null, preventDefault: text !== '', clearText: text !== '' };
    case 'Tab':
      return keep(CLOSED);
    default:
      return keep(popup);
  }
}

/** The popup after the options changed (new suggestions arrived): the active option is kept only if it still exists. */
export function afterOptionsChange(popup: PopupState, count: number): PopupState {
  return { open: popup.open, active: popup.active < count ? popup.active : -1 };
}

/** The value an option stands for. */
export function refOf(option: PickerOption): TermRef {
  return option.type === 'term'
    ? { curie: option.term.curie, label: option.term.label }
    : { curie: null, label: option.label };
}

/** The value after choosing an option: added to a list (no term or text twice), or replacing a single value. */
export function chooseOption(value: readonly TermRef[], option: PickerOption, multiple: boolean): TermRef[] {
  const ref = refOf(option);
  if (!multiple) return [ref];
  const key = (r: TermRef) => r.curie ?? `text:${r.label.toLowerCase()}`;
  return value.some((v) => key(v) === key(ref)) ? [...value] : [...value, ref];
}

/** The value without its `index`-th entry. */
export function removeAt(value: readonly TermRef[], index: number): TermRef[] {
  return value.filter((_, i) => i !== index);
}

export type SuggestStatus = 'idle' | 'loading' | 'done' | 'error';

/** What the polite live region says about the list. */
export function announcement(status: SuggestStatus, options: readonly PickerOption[]): string {
  if (status === 'loading') return 'Searching…';
  if (status === 'error')
    return options.length > 0
      ? 'Suggestions could not be loaded; free text is still possible.'
      : 'Suggestions could not be loaded.';
  if (status === 'idle') return '';
  const terms = options.filter((o) => o.type === 'term').length;
  const free = options.length > terms ? ', and the typed text as free text' : '';
  if (terms === 0) return `No matching terms${free}.`;
  return `${terms} ${terms === 1 ? 'suggestion' : 'suggestions'}${free}. Use the up and down arrows to choose.`;
}

/** What the live region says after a value was added or removed. */
export function changeAnnouncement(what: 'added' | 'removed', ref: TermRef): string {
  const id = ref.curie ? ` (${ref.curie})` : ' as free text, ungrounded';
  return what === 'added' ? `Added ${ref.label}${id}.` : `Removed ${ref.label}.`;
}
