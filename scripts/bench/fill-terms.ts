/**
 * The terms the bench fill grounds its findings to, read from the bench database's terms table
 * (loaded by migrate): target organs as papers name them (the 16 organ groups, then their
 * descendants — brain, spinal cord, white and brown adipose tissue, bone marrow … — most common
 * first), donor organs, and the terms of the EV sources, recipient cells and models.
 */
import type { DbHandle } from '../../db/client';
import { ORGANS } from '../../lib/vocab';
import {
  COMMON_ORGAN_TERMS,
  DONOR_TERMS,
  EV_SOURCE_TERMS,
  EV_SOURCES,
  MODEL_TERMS,
  MODELS,
  RECIPIENT_TERMS,
  RECIPIENTS,
} from './fill-vocab';

export type BenchTerm = { curie: string; label: string };
export type BenchTerms = {
  /** ORGANS (the review's labels) first, then `common` frequent descendants, then every other descendant of a group. */
  organs: BenchTerm[];
  common: number;
  donors: BenchTerm[];
  /** Parallel to EV_SOURCES, RECIPIENTS, MODELS: the term of each text, or null (ungrounded). */
  evSources: (BenchTerm | null)[];
  recipients: (BenchTerm | null)[];
  models: (BenchTerm | null)[];
};

const GROUP_LABEL = new Map<string, string>(ORGANS.map((o) => [o.id, o.label]));
/** Display label as the app stores it: the review's organ-group name where there is one. */
const display = (t: BenchTerm): BenchTerm => ({ curie: t.curie, label: GROUP_LABEL.get(t.curie) ?? t.label });

async function byLabel(h: DbHandle, labels: readonly string[], kinds: readonly string[]) {
  const rows = await h.query<{ curie: string; label: string }>(
    `select curie, label from terms where lower(label) = any($1::text[]) and kind = any($2::text[]) and not obsolete order by curie`,
    [labels.map((l) => l.toLowerCase()), kinds],
  );
  const map = new Map<string, BenchTerm>();
  for (const r of rows) if (!map.has(r.label.toLowerCase())) map.set(r.label.toLowerCase(), r);
  return (label: string | undefined) => (label ? (map.get(label.toLowerCase()) ?? null) : null);
}

export async function loadBenchTerms(h: DbHandle): Promise<BenchTerms> {
  const groups = ORGANS.map((o) => o.id);
  const anatomy = await byLabel(h, [...COMMON_ORGAN_TERMS, ...DONOR_TERMS], ['anatomy']);
  const common = COMMON_ORGAN_TERMS.map(anatomy).filter((t): t is BenchTerm => t !== null);
  const tail = await h.query<BenchTerm>(
    `select distinct a.curie, t.label from term_ancestors a join terms t on t.curie = a.curie
     where a.ancestor = any($1::text[]) and a.depth > 0 and t.kind = 'anatomy' and not t.obsolete
       and a.curie <> all($1::text[]) order by a.curie`,
    [groups],
  );
  if (tail.length === 0) throw new Error('bench fill: the terms table has no descendants of the organ groups');
  const seen = new Set([...groups, ...common.map((t) => t.curie)]);
  const organs = [
    ...ORGANS.map((o) => ({ curie: o.id, label: o.label })),
    ...common,
    ...tail.filter((t) => !seen.has(t.curie)),
  ];
  const cells = await byLabel(
    h,
    [...Object.values(EV_SOURCE_TERMS), ...Object.values(RECIPIENT_TERMS)],
    ['anatomy', 'cell', 'cell_line'],
  );
  const diseases = await byLabel(h, Object.values(MODEL_TERMS), ['disease', 'phenotype']);
  return {
    organs,
    common: common.length,
    donors: DONOR_TERMS.map(anatomy)
      .filter((t): t is BenchTerm => t !== null)
      .map(display),
    evSources: EV_SOURCES.map((s) => cells(EV_SOURCE_TERMS[s])),
    recipients: RECIPIENTS.map((s) => cells(RECIPIENT_TERMS[s])),
    models: MODELS.map((s) => diseases(MODEL_TERMS[s])),
  };
}
