import '../validation/zod-config';
import { z } from 'zod';
import type { TermKind } from './sources';
import type { TermRef } from './term-ref';

/** A CURIE as the vocabularies spell them: `UBERON:0002371`, `cellosaurus:CVCL_0188`, `mirbase.mature:MIMAT0000239`. */
export const CURIE_PATTERN = /^[A-Za-z][A-Za-z0-9.]{0,31}:[A-Za-z0-9_.-]{1,40}$/;

export const curieSchema = z
  .string({ error: 'Expected a term id.' })
  .trim()
  .regex(CURIE_PATTERN, { error: 'Not a term id (expected a CURIE such as UBERON:0002371).' });

/** The most values one grounded list holds: more is an error, not a truncation. */
export const MAX_TERMS_PER_FIELD = 50;

const CONTROL = /[\u0000-\u001F\u007F]/;

export const termRefSchema = z.object({
  curie: curieSchema.nullable().default(null),
  label: z
    .string({ error: 'Expected a label.' })
    .trim()
    .min(1, { error: 'A term needs a label.' })
    .max(200, { error: 'At most 200 characters.' })
    .refine((s) => !CONTROL.test(s), { error: 'Contains a control character.' })
    .refine((s) => !s.includes(';'), {
      error: 'Cannot contain ";" (it separates list items); use one entry per item.',
    }),
});

/** A grounded list: terms and free-text values, in order, no value twice. */
export const termListSchema = (what: string) =>
  z
    .array(termRefSchema, { error: `Expected a list of ${what}.` })
    .max(MAX_TERMS_PER_FIELD, { error: `At most ${MAX_TERMS_PER_FIELD} ${what}.` })
    .default([])
    .transform((xs) => {
      const seen = new Set<string>();
      return xs.filter((x) => {
        const key = x.curie ?? `text:${x.label.toLowerCase()}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }) as TermRef[];
    });

/** The fields whose values are terms, and the kinds of term each accepts. */
export const GROUNDED_FIELDS = {
  targetOrgan: { kinds: ['anatomy'], label: 'target organ', many: false },
  origin: { kinds: ['anatomy'], label: 'donor organ', many: false },
  species: { kinds: ['taxon'], label: 'species', many: false },
  evSourceTerms: { kinds: ['anatomy', 'cell', 'cell_line'], label: 'EV source', many: true },
  recipientCellTerms: { kinds: ['cell', 'cell_line'], label: 'recipient cell', many: true },
  diseaseTerms: { kinds: ['disease', 'phenotype'], label: 'model / disease', many: true },
  targetGeneTerms: { kinds: ['gene'], label: 'mechanism target gene', many: true },
  methodTerms: { kinds: ['method'], label: 'detection method', many: true },
} as const satisfies Record<string, { kinds: readonly TermKind[]; label: string; many: boolean }>;

export type GroundedField = keyof typeof GROUNDED_FIELDS;
export const GROUNDED_FIELD_NAMES = Object.keys(GROUNDED_FIELDS) as GroundedField[];

/** Kinds a cargo item's term may be, by cargo type (other types stay text). */
export const CARGO_TERM_KINDS: Partial<Record<string, readonly TermKind[]>> = {
  miRNA: ['mirna'],
  protein: ['gene'],
  mRNA: ['gene'],
};

/** What kind of term names what, for messages: "UBERON:0002107 is an anatomy term, not a cell". */
export const KIND_LABELS: Record<TermKind, string> = {
  anatomy: 'an anatomy term (UBERON)',
  cell: 'a cell type (CL)',
  cell_line: 'a cell line (Cellosaurus)',
  taxon: 'a species (NCBITaxon)',
  mirna: 'a mature miRNA (miRBase)',
  disease: 'a disease (MONDO)',
  phenotype: 'a phenotype (HP)',
  method: 'an evidence method (ECO)',
  gene: 'a gene (HGNC)',
};
