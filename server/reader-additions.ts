/**
 * `add=<field>:<value>` from a highlight in the reader (lib/sourcetext/reader-links.ts): a term (CURIE) or a
 * name added to a field of the draft being edited. The term must exist and be of a kind the field takes
 * (lib/vocab/fields.ts); a MISEV method must be one of the field's options. The draft is not saved here:
 * the form shows the value and saves it like any edit.
 */
import 'server-only';
import type { DbOrTx } from '@/db/client';
import { getTermsByCurie, type TermDisplay } from '@/db/queries/terms';
import type { CargoItem, FindingDraft } from '@/lib/finding/schema';
import { READER_ADD_FIELDS, type ReaderAddField } from '@/lib/sourcetext/reader-links';
import { EM_METHODS, PARTICLE_ANALYSIS, SEPARATION_METHODS } from '@/lib/vocab';
import { CARGO_TERM_KINDS, GROUNDED_FIELDS } from '@/lib/vocab/fields';
import type { TermRef } from '@/lib/vocab/term-ref';

export type Addition = {
  values: Partial<FindingDraft>;
  notices: string[];
  errors: string[];
  labels: Record<string, string>;
};

const CURIE = /^[A-Za-z][\w.-]*:\S+$/;
const METHODS = { separationMethods: SEPARATION_METHODS, particleAnalysis: PARTICLE_ANALYSIS, emMethods: EM_METHODS };
const TERM_LISTS = { recipientCell: 'recipientCellTerms', evSource: 'evSourceTerms', disease: 'diseaseTerms' } as const;
const TEXT_OF = { recipientCell: 'recipientCell', evSource: 'evSource', disease: 'modelDisease' } as const;

/** Adds the value to `draft`'s field in `out.values` (or says why not in `out.errors`). */
export async function applyAddition(db: DbOrTx, draft: FindingDraft, raw: string, out: Addition): Promise<void> {
  const at = raw.indexOf(':');
  const field = raw.slice(0, at) as ReaderAddField;
  const value = raw.slice(at + 1).trim();
  if (at < 1 || !READER_ADD_FIELDS.includes(field) || !value || value.length > 200) {
    out.errors.push('The highlighted term could not be added: the link names no field of a finding.');
    return;
  }
  const term = CURIE.test(value) ? (await getTermsByCurie(db, [value]))[0] : undefined;
  if (CURIE.test(value) && (!term || term.obsolete)) {
    out.errors.push(`${value} is not a current term of the loaded vocabularies; nothing was added.`);
    return;
  }
  const name = term?.label ?? value;
  const done = addTo(draft, field, value, term, out);
  if (done === true) out.notices.push(`Added ${name} to ${fieldName(field)} — not saved until the draft is saved.`);
  else out.errors.push(done);
}

function fieldName(field: ReaderAddField): string {
  return field === 'markersPositive' ? 'positive markers' : field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

function addTo(d: FindingDraft, field: ReaderAddField, value: string, term: TermDisplay | undefined, out: Addition) {
  if (field === 'separationMethods' || field === 'particleAnalysis' || field === 'emMethods') {
    if (!(METHODS[field].values as readonly string[]).includes(value))
      return `“${value}” is not one of the ${fieldName(field)}.`;
    out.values[field] = [...new Set([...(d[field] as string[]), value])] as never;
    return true;
  }
  if (field === 'markersPositive') {
    out.values.markersPositive = [...new Set([...d.markersPositive, term?.label ?? value])];
    return true;
  }
  if (field === 'cargo') return addCargo(d, value, term, out);
  if (field === 'targetOrgan') {
    if (!term || !(GROUNDED_FIELDS.targetOrgan.kinds as readonly string[]).includes(term.kind))
      return `${value} is not an organ or tissue term.`;
    out.values.targetOrgan = term.curie;
    out.labels[term.curie] = term.label;
    return true;
  }
  const listField = TERM_LISTS[field];
  const kinds: readonly string[] = GROUNDED_FIELDS[listField].kinds;
  if (term && !kinds.includes(term.kind)) return `${term.label} (${term.curie}) does not fit the ${fieldName(field)}.`;
  const ref: TermRef = term ? { curie: term.curie, label: term.label } : { curie: null, label: value };
  const refs = d[listField];
  if (!refs.some((r) => (r.curie ?? r.label) === (ref.curie ?? ref.label))) out.values[listField] = [...refs, ref];
  const textField = TEXT_OF[field];
  if (!d[textField].trim()) out.values[textField] = ref.label;
  return true;
}

function addCargo(d: FindingDraft, value: string, term: TermDisplay | undefined, out: Addition) {
  const type = term?.kind === 'mirna' || (!term && /\b(mir|let)-?\d/i.test(value)) ? 'miRNA' : 'protein';
  if (term && !CARGO_TERM_KINDS[type]?.includes(term.kind)) return `${term.label} is not a miRNA or gene term.`;
  const item = { name: term?.label ?? value, type, curie: term?.curie ?? null } as CargoItem;
  if (d.cargo.some((c) => c.name === item.name && c.type === item.type)) return true;
  out.values.cargo = [...d.cargo, item];
  return true;
}
