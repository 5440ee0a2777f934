import { describe, expect, it } from 'vitest';
import {
  afterOptionsChange,
  announcement,
  changeAnnouncement,
  chooseOption,
  CLOSED,
  freeTextOf,
  optionId,
  optionsFor,
  type PickerOption,
  pickerKey,
  type PopupState,
  removeAt,
} from './picker-state';
import type { TermSuggestion } from './suggest-query';

const term = (curie: string, label: string): TermSuggestion => ({
  curie,
  label,
  kind: 'cell_line',
  vocab: 'Cellosaurus',
  matched: null,
  parent: null,
  species: null,
  note: null,
});
const C2C12 = term('cellosaurus:CVCL_0188', 'C2C12');
const L6 = term('cellosaurus:CVCL_0385', 'L6');
const opts: PickerOption[] = optionsFor([C2C12, L6], 'c2', { allowFreeText: true, value: [] });

const press = (popup: PopupState, key: string, altKey = false, text = 'c2') =>
  pickerKey(popup, opts, text, { key, altKey });

describe('term picker options', () => {
  it('list the terms not chosen yet, then the typed text as free text when allowed', () => {
    expect(opts.map((o) => (o.type === 'term' ? o.term.curie : `free:${o.label}`))).toEqual([
      C2C12.curie,
      L6.curie,
      'free:c2',
    ]);
    const chosen = optionsFor([C2C12, L6], 'c2', {
      allowFreeText: false,
      value: [{ curie: C2C12.curie, label: 'C2C12' }],
    });
    expect(chosen).toEqual([{ type: 'term', term: L6 }]);
    expect(optionsFor([], '   ', { allowFreeText: true, value: [] })).toEqual([]);
  });

  it('keep free text within what the content schema accepts', () => {
    expect(freeTextOf('  HIIT;  treadmill \n')).toBe('HIIT treadmill');
    expect(freeTextOf('x'.repeat(300))).toHaveLength(200);
  });

  it('give every option a stable id under the picker', () => {
    expect(optionId('ev-source', 2)).toBe('ev-source-option-2');
  });
});

describe('term picker keyboard', () => {
  it('opens on Down at the first option and on Up at the last, and wraps', () => {
    expect(press(CLOSED, 'ArrowDown')).toMatchObject({ popup: { open: true, active: 0 }, preventDefault: true });
    expect(press(CLOSED, 'ArrowUp').popup).toEqual({ open: true, active: 2 });
    expect(press({ open: true, active: 2 }, 'ArrowDown').popup.active).toBe(0);
    expect(press({ open: true, active: 0 }, 'ArrowUp').popup.active).toBe(2);
    expect(press({ open: true, active: -1 }, 'ArrowDown').popup.active).toBe(0);
    expect(press(CLOSED, 'ArrowDown', true).popup).toEqual({ open: true, active: -1 });
    expect(press({ open: true, active: 1 }, 'ArrowUp', true).popup).toEqual(CLOSED);
  });

  it('moves to the first and last option with Home and End only while an option is active', () => {
    expect(press({ open: true, active: 1 }, 'Home')).toMatchObject({ popup: { active: 0 }, preventDefault: true });
    expect(press({ open: true, active: 0 }, 'End').popup.active).toBe(2);
    expect(press({ open: true, active: -1 }, 'Home')).toMatchObject({ popup: { active: -1 }, preventDefault: false });
  });

  it('chooses the active option with Enter and never lets Enter submit the form while the list is open', () => {
    expect(press({ open: true, active: 0 }, 'Enter')).toEqual({
      popup: CLOSED,
      choose: opts[0],
      preventDefault: true,
    });
    expect(press({ open: true, active: -1 }, 'Enter')).toMatchObject({ choose: null, preventDefault: true });
    expect(press(CLOSED, 'Enter')).toMatchObject({ choose: null, preventDefault: false });
  });

  it('closes with Escape, then clears the text; Tab closes and lets focus leave without choosing', () => {
    expect(press({ open: true, active: 1 }, 'Escape')).toMatchObject({ popup: CLOSED, preventDefault: true });
    expect(press(CLOSED, 'Escape')).toMatchObject({ clearText: true, preventDefault: true });
    expect(press(CLOSED, 'Escape', false, '')).toMatchObject({ clearText: false, preventDefault: false });
    expect(press({ open: true, active: 1 }, 'Tab')).toEqual({ popup: CLOSED, choose: null, preventDefault: false });
  });

  it('keeps an active option only while it exists', () => {
    expect(afterOptionsChange({ open: true, active: 2 }, 3)).toEqual({ open: true, active: 2 });
    expect(afterOptionsChange({ open: true, active: 2 }, 1)).toEqual({ open: true, active: -1 });
  });
});

describe('term picker value', () => {
  it('adds terms and free text once each, and replaces a single value', () => {
    const one = chooseOption([], opts[0]!, true);
    expect(one).toEqual([{ curie: C2C12.curie, label: 'C2C12' }]);
    expect(chooseOption(one, opts[0]!, true)).toEqual(one);
    const two = chooseOption(one, { type: 'free', label: 'HIIT' }, true);
    expect(two).toEqual([...one, { curie: null, label: 'HIIT' }]);
    expect(chooseOption(two, { type: 'free', label: 'hiit' }, true)).toEqual(two);
    expect(chooseOption(one, opts[1]!, false)).toEqual([{ curie: L6.curie, label: 'L6' }]);
    expect(removeAt(two, 0)).toEqual([{ curie: null, label: 'HIIT' }]);
  });

  it('announces how many suggestions there are, and each change', () => {
    expect(announcement('done', opts)).toBe(
      '2 suggestions, and the typed text as free text. Use the up and down arrows to choose.',
    );
    expect(announcement('done', opts.slice(0, 1))).toBe('1 suggestion. Use the up and down arrows to choose.');
    expect(announcement('done', [])).toBe('No matching terms.');
    expect(announcement('loading', [])).toBe('Searching…');
    expect(announcement('idle', [])).toBe('');
    expect(changeAnnouncement('added', { curie: C2C12.curie, label: 'C2C12' })).toBe(
      'Added C2C12 (cellosaurus:CVCL_0188).',
    );
    expect(changeAnnouncement('added', { curie: null, label: 'HIIT' })).toBe('Added HIIT as free text, ungrounded.');
    expect(changeAnnouncement('removed', { curie: null, label: 'HIIT' })).toBe('Removed HIIT.');
  });
});
