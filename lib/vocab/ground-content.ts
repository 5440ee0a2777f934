/**
 * Grounding a finding's content: its free-text fields (EV source, recipient cell, model /
 * disease) into term lists, and its cargo items into term ids. Pure; db/grounding.ts applies it.
 * A field already holding terms is the curators' and is left alone, and so is a cargo item with
 * a term id.
 */
import type { FindingContent } from '../finding/schema';
import { type CargoIndexes, groundCargoItem } from './ground-cargo';
import { type GroundedPiece, groundText, type TextIndex } from './ground-text';
import { GROUNDED_FIELDS } from './fields';
import type { TermRef } from './term-ref';

/** The text fields grounded here, each with the list its terms go to. */
export const TEXT_FIELDS = [
  { text: 'evSource', terms: 'evSourceTerms' },
  { text: 'recipientCell', terms: 'recipientCellTerms' },
  { text: 'modelDisease', terms: 'diseaseTerms' },
] as const;

export type GroundingField = (typeof TEXT_FIELDS)[number]['terms'] | 'cargo';
export const GROUNDING_FIELDS: readonly GroundingField[] = [...TEXT_FIELDS.map((f) => f.terms), 'cargo'];

export const GROUNDING_FIELD_LABELS: Record<GroundingField, string> = {
  evSourceTerms: 'EV source',
  recipientCellTerms: 'recipient cell',
  diseaseTerms: 'model / disease',
  cargo: 'cargo',
};

/** The text a field's pieces come from: the field's own text, or the cargo item names. */
export function textOfField(content: FindingContent, field: GroundingField): string[] {
  if (field === 'cargo') return content.cargo.map((c) => c.name);
  const spec = TEXT_FIELDS.find((f) => f.terms === field)!;
  return [content[spec.text]];
}

export type GroundingIndexes = CargoIndexes & { text: TextIndex };
export type FieldPiece = { field: GroundingField; piece: GroundedPiece };

/** A term list's largest label (lib/vocab/fields.ts termRefSchema). */
const MAX_LABEL = 200;

/** The pieces as a term list: grounded ones with their term, the rest as text; no term or text twice. */
function toTermList(pieces: readonly GroundedPiece[]): TermRef[] {
  const seen = new Set<string>();
  const out: TermRef[] = [];
  for (const p of pieces) {
    const ref = p.status === 'grounded' ? p.term : { curie: null, label: p.text };
    const key = ref.curie ?? `text:${ref.label.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ref);
  }
  return out;
}

/**
 * The content with what grounds exactly written in, and every piece looked at. `changed` is true
 * when at least one piece was grounded: only then is the content worth a revision, and then every
 * text field looked at gets its list (the pieces not grounded in it as text, marked ungrounded).
 */
export function groundContent(
  ix: GroundingIndexes,
  content: FindingContent,
): { content: FindingContent; pieces: FieldPiece[]; changed: boolean } {
  const pieces: FieldPiece[] = [];
  const lists: [GroundingField, GroundedPiece[]][] = [];
  for (const { text, terms } of TEXT_FIELDS) {
    if (content[terms].length > 0 || !content[text].trim()) continue;
    const found = groundText(ix.text, content[text], GROUNDED_FIELDS[terms].kinds);
    pieces.push(...found.map((piece) => ({ field: terms, piece })));
    // A piece too long for a term list's label stays in the text only, and the list empty.
    if (found.length > 0 && found.every((p) => p.text.length <= MAX_LABEL)) lists.push([terms, found]);
  }
  const cargo = content.cargo.map((item) => {
    if (item.curie) return item;
    const piece = groundCargoItem(ix, item, content.species);
    if (!piece) return item;
    pieces.push({ field: 'cargo', piece });
    return piece.status === 'grounded' ? { ...item, curie: piece.term.curie } : item;
  });
  const changed = pieces.some(
    ({ field, piece }) => piece.status === 'grounded' && (field === 'cargo' || lists.some(([f]) => f === field)),
  );
  if (!changed) return { content, pieces, changed };
  const next: FindingContent = { ...content, cargo };
  for (const [field, found] of lists) if (field !== 'cargo') next[field] = toTermList(found);
  return { content: next, pieces, changed };
}
