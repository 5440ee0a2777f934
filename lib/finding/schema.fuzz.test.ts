import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { newUserSchema, signInSchema } from '../auth/schemas';
import { commentSchema } from '../discussion/schema';
import { sourceMetadataSchema } from '../sources/schema';
import {
  CARGO_TYPES,
  DIRECTIONS,
  EFFECT_DIRECTIONS,
  EM_METHODS,
  EV_TYPES,
  ORGAN_IDS,
  PARTICLE_ANALYSIS,
  ROLES,
  SEPARATION_METHODS,
  SPECIES_IDS,
  STUDY_TYPES,
} from '../vocab';
import { findingContentSchema, findingDraftSchema } from './schema';

const RUNS = { numRuns: 250 };

/** Everything a JSON body, a FormData field or a CSV cell could carry, and then some. */
const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
  stringUnit: 'binary',
  values: [
    fc.string({ unit: 'binary' }),
    fc.double(),
    fc.integer(),
    fc.constant(Symbol('s')),
    fc.constant(null),
    fc.constant(undefined),
  ],
});

const HUGE = 'x'.repeat(50_000);
/** Strings that break naive validators: unicode, NUL and other controls, tags, padding, huge. */
const nastyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary-ascii' }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '<script>alert(1)</script>',
    '<b>x</b>',
    'p < 0.05',
    '\u202Eevil',
    '\uFEFFbom',
    HUGE,
    ` ${HUGE} `,
  ),
  fc.string().map((s) => `  ${s}\t`),
);
/** Plausible field text, so that a good share of records validate and the success paths are fuzzed too. */
const plausibleText = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,.()/-]{0,40}$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !/[<>\p{Cc}]/u.test(s)),
  fc.stringMatching(/^ ?[a-z]{1,12} ?$/),
);
const pick = <T extends string>(values: readonly T[]) => fc.constantFrom(...values);
const optionalPick = <T extends string>(values: readonly T[]) =>
  fc.oneof(pick(values), fc.constantFrom('', null, undefined));
const list = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 5 });
/** Anything at all in a field's place. */
const junk = fc.oneof(nastyText, anything);

/**
 * A record that is valid field by field, with (usually) one to three fields replaced by junk and
 * some optional keys left out: near-valid input, so both the error and the success paths are fuzzed.
 */
function nearValid<T extends Record<string, unknown>>(
  model: { [K in keyof T]: fc.Arbitrary<T[K]> },
  optional: (keyof T)[] = [],
) {
  const keys = Object.keys(model) as (keyof T)[];
  return fc
    .tuple(
      fc.record(model),
      fc.array(fc.tuple(fc.constantFrom(...keys), junk), { maxLength: 3 }),
      fc.subarray(optional),
    )
    .map(([valid, mutations, dropped]) => {
      const out: Record<string, unknown> = { ...valid };
      for (const [k, v] of mutations) out[k as string] = v;
      for (const k of dropped) delete out[k as string];
      return out;
    });
}

const cargoName = fc.oneof(
  plausibleText,
  fc.constantFrom('MIR-133A', 'hsa-mir-21-5P', 'Let-7a', 'microRNA 206', 'CD63', ' Palmitate '),
);
const findingModel = {
  targetOrgan: pick(ORGAN_IDS),
  origin: pick(ORGAN_IDS),
  direction: pick(DIRECTIONS.values),
  species: pick(SPECIES_IDS),
  evSource: plausibleText,
  cargo: list(fc.record({ name: cargoName, type: pick(CARGO_TYPES.values) })),
  recipientCell: plausibleText,
  modelDisease: fc.oneof(plausibleText, fc.constant('')),
  result: fc.oneof(plausibleText, fc.constant(' line one\nline two ')),
  studyType: optionalPick(STUDY_TYPES.values),
  effectDirection: optionalPick(EFFECT_DIRECTIONS.values),
  mechanism: list(plausibleText),
  evType: optionalPick(EV_TYPES.values),
  separationMethods: list(pick(SEPARATION_METHODS.values)),
  particleAnalysis: list(pick(PARTICLE_ANALYSIS.values)),
  emMethods: list(pick(EM_METHODS.values)),
  markersPositive: list(plausibleText),
  markersNegative: list(plausibleText),
  evidenceQuote: fc.oneof(plausibleText, fc.constant('line one\r\nline two')),
  evidenceLocation: plausibleText,
  curatorNote: plausibleText,
};
const findingRecord = nearValid(findingModel, [
  'origin',
  'cargo',
  'modelDisease',
  'studyType',
  'effectDirection',
  'mechanism',
  'evType',
  'separationMethods',
  'particleAnalysis',
  'emMethods',
  'markersPositive',
  'markersNegative',
  'evidenceQuote',
  'evidenceLocation',
  'curatorNote',
]);
// A draft may leave even the required fields out.
const draftRecord = nearValid(findingModel, Object.keys(findingModel) as (keyof typeof findingModel)[]);

const sourceRecord = nearValid(
  {
    doi: fc.constantFrom(
      '10.1007/s00125-014-3337-2',
      'doi:10.1016/J.CMET.2023.10.013',
      'https://doi.org/10.5555/a%20b',
      ' DOI: 10.3389/fphys.2024.1501957 ',
    ),
    title: plausibleText,
    authors: fc.oneof(plausibleText, fc.constantFrom(null, '')),
    journal: fc.oneof(plausibleText, fc.constantFrom(null, '')),
    year: fc.oneof(
      fc.integer({ min: 1800, max: 2026 }),
      fc.integer({ min: 1800, max: 2026 }).map((y) => ` ${y} `),
      fc.constantFrom('', null),
    ),
    volumePages: fc.oneof(plausibleText, fc.constant(null)),
    pmid: fc.oneof(fc.stringMatching(/^(PMID: ?)?\d{1,9}$/), fc.constantFrom('', null, undefined)),
  },
  ['authors', 'journal', 'year', 'volumePages', 'pmid'],
);

const email = fc.oneof(
  fc.stringMatching(/^[a-z0-9]{1,10}(\.[a-z0-9]{1,10})?@[a-z0-9]{1,10}\.[a-z]{2,6}$/),
  fc.stringMatching(/^[a-z0-9]{1,10}@[a-z0-9]{1,10}\.[a-z]{2,6}$/).map((e) => ` ${e.toUpperCase()} `),
);
const newUserRecord = nearValid(
  {
    email,
    name: plausibleText,
    role: pick(ROLES.values),
    orcid: fc.constantFrom('', '0000-0002-1825-0097', 'https://orcid.org/0000-0002-1825-009X', ' 0000-0002-1825-0097 '),
    password: fc.string({ unit: 'grapheme', minLength: 10, maxLength: 60 }),
  },
  ['orcid'],
);
const signInRecord = nearValid({ email, password: fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }) });

const id = fc.oneof(
  fc.integer({ min: 1, max: 1e6 }),
  fc.integer({ min: 1, max: 1e6 }).map(String),
  fc.constantFrom('1e3', ' 7 '),
);
const commentRecord = nearValid(
  {
    findingId: id,
    parentId: fc.oneof(id, fc.constantFrom('', null, undefined)),
    body: fc.oneof(plausibleText, fc.constant('line one\r\nline two')),
  },
  ['parentId'],
);

type Case = { name: string; schema: z.ZodType; input: fc.Arbitrary<unknown> };
const CASES: Case[] = [
  { name: 'findingContentSchema', schema: findingContentSchema, input: findingRecord },
  { name: 'findingDraftSchema', schema: findingDraftSchema, input: draftRecord },
  { name: 'sourceMetadataSchema', schema: sourceMetadataSchema, input: sourceRecord },
  { name: 'newUserSchema', schema: newUserSchema, input: newUserRecord },
  { name: 'signInSchema', schema: signInSchema, input: signInRecord },
  { name: 'commentSchema', schema: commentSchema, input: commentRecord },
];

describe.each(CASES)('$name (fuzzed)', ({ schema, input }) => {
  it('safeParse never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.oneof(anything, fc.object({ withNullPrototype: true, withBigInt: true })), (value) => {
        const r = schema.safeParse(value);
        expect(typeof r.success).toBe('boolean');
        if (!r.success) expect(r.error.issues.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('safeParse never throws on near-valid records, and what it accepts re-parses to itself', () => {
    let accepted = 0;
    fc.assert(
      fc.property(input, (value) => {
        const first = schema.safeParse(value);
        if (!first.success) {
          // Every issue names a field (or the whole input) and says something.
          for (const issue of first.error.issues) expect(issue.message.length).toBeGreaterThan(0);
          return;
        }
        accepted++;
        const again = schema.safeParse(first.data);
        expect(again.success, JSON.stringify(again.error?.issues)).toBe(true);
        expect(again.data).toEqual(first.data);
      }),
      RUNS,
    );
    // The generator must reach the success path often, or the idempotence property tests little.
    expect(accepted).toBeGreaterThanOrEqual(RUNS.numRuns / 10);
  });
});
