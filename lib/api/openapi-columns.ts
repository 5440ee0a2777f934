/** How each export column appears in the API's finding and in an export JSON record (lib/export/record.ts). */
import { EXPORT_COLUMNS } from '../export/columns';
import {
  EFFECT_DIRECTIONS,
  EM_METHODS,
  EV_TYPES,
  ORGANS,
  PARTICLE_ANALYSIS,
  SEPARATION_METHODS,
  SPECIES,
  STUDY_TYPES,
  CARGO_TYPES,
  DIRECTIONS,
} from '../vocab';

export type Schema = Record<string, unknown>;

export const str = (description: string, extra: Schema = {}): Schema => ({ type: 'string', description, ...extra });
export const nullable = (s: Schema): Schema => {
  if (Array.isArray(s.enum)) return { ...s, type: [s.type, 'null'], enum: [...(s.enum as unknown[]), null] };
  return { ...s, type: [s.type, 'null'] };
};
/** Enums of the columns that hold a controlled value (ids, labels, terms). */
const COLUMN_ENUMS: Record<string, readonly string[]> = {
  target_organ: ORGANS.map((o) => o.label),
  target_organ_id: ORGANS.map((o) => o.id),
  origin: ORGANS.map((o) => o.label),
  origin_id: ORGANS.map((o) => o.id),
  species: SPECIES.map((s) => s.label),
  species_id: SPECIES.map((s) => s.id),
  direction: DIRECTIONS.values,
  study_type: STUDY_TYPES.values,
  effect_direction: EFFECT_DIRECTIONS.values,
  ev_type: EV_TYPES.values,
  separation_methods: SEPARATION_METHODS.values,
  particle_analysis: PARTICLE_ANALYSIS.values,
  em_methods: EM_METHODS.values,
  ev_cargo_types: CARGO_TYPES.values,
};

/** Fields a finding may leave unreported: null in the API (the export writes ""). */
const NULLABLE = new Set(['study_type', 'effect_direction', 'ev_type', 'approved_by', 'approved_at']);

// The evidence position and the verified mark are absent (null) without an anchored quote, in the API and the JSON export.
const evidenceStart = (c: Column) => c.name === 'evidence_start' || c.name === 'evidence_end';
const typedColumn = (c: Column): Schema | null => {
  if (evidenceStart(c)) return nullable({ type: 'integer', minimum: 0, description: c.description });
  if (c.type === 'boolean') return nullable({ type: 'boolean', description: c.description });
  return null;
};

export type Column = (typeof EXPORT_COLUMNS)[number];
const isList = (c: Column) => 'list' in c && c.list === true;

/** A column in the API's finding: lists as arrays, unreported terms as null. */
export function apiColumn(c: Column): Schema {
  const typed = typedColumn(c);
  if (typed) return typed;
  const values = COLUMN_ENUMS[c.name];
  if (isList(c))
    return {
      type: 'array',
      description: c.description,
      items: values ? { type: 'string', enum: [...values] } : { type: 'string' },
    };
  if (c.type === 'integer') return { type: 'integer', minimum: 1, description: c.description };
  const base: Schema = {
    type: 'string',
    description: c.description,
    ...(c.type === 'datetime' ? { format: 'date-time' } : {}),
    ...(values ? { enum: [...values] } : {}),
  };
  return NULLABLE.has(c.name) ? nullable(base) : base;
}

/**
 * A column in an export JSON record: lists as arrays, the revision a number, the evidence position numbers and
 * evidence_verified a boolean (null when absent), the rest strings ("" when not reported).
 */
export function exportColumn(c: Column): Schema {
  const typed = typedColumn(c);
  if (typed) return typed;
  if (isList(c)) return { type: 'array', description: c.description, items: { type: 'string' } };
  if (c.type === 'integer') return { type: 'integer', minimum: 1, description: c.description };
  return {
    type: 'string',
    description: c.type === 'datetime' ? `${c.description} Format 2026-11-27T10:04:05Z.` : c.description,
  };
}
