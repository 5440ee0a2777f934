/**
 * The database half of validating a finding: every term id it carries must be
 * a loaded, current term of a kind its field accepts (and a miRNA of the
 * study's species). The shared zod schema checked the shape; this checks the
 * ids against the terms table, inside the writing transaction, and gives back
 * the content with each term's canonical label.
 */
import { inArray } from 'drizzle-orm';
import { DomainError } from '../../lib/errors';
import type { FindingDraft } from '../../lib/finding/schema';
import { CARGO_TERM_KINDS, GROUNDED_FIELDS, KIND_LABELS, type GroundedField } from '../../lib/vocab/fields';
import { organById } from '../../lib/vocab/organs';
import type { TermKind } from '../../lib/vocab/sources';
import { speciesById } from '../../lib/vocab/species';
import type { DbOrTx } from '../client';
import { terms } from '../schema';

type Use = { path: string; curie: string; kinds: readonly TermKind[]; what: string; mirnaOf?: string };
export type TermInfo = {
  curie: string;
  kind: string;
  label: string;
  obsolete: boolean;
  replacedBy: string | null;
  species: string | null;
};

function usesOf(c: FindingDraft): Use[] {
  const uses: Use[] = [];
  for (const field of ['targetOrgan', 'origin', 'species'] as const) {
    const curie = c[field];
    if (curie)
      uses.push({ path: field, curie, kinds: GROUNDED_FIELDS[field].kinds, what: GROUNDED_FIELDS[field].label });
  }
  for (const field of [
    'evSourceTerms',
    'recipientCellTerms',
    'diseaseTerms',
    'targetGeneTerms',
    'methodTerms',
  ] as const) {
    const spec = GROUNDED_FIELDS[field as GroundedField];
    c[field].forEach((t, i) => {
      if (t.curie) uses.push({ path: `${field}.${i}.curie`, curie: t.curie, kinds: spec.kinds, what: spec.label });
    });
  }
  c.cargo.forEach((item, i) => {
    if (!item.curie) return;
    const kinds = CARGO_TERM_KINDS[item.type] ?? [];
    uses.push({
      path: `cargo.${i}.curie`,
      curie: item.curie,
      kinds,
      what: `${item.type} cargo`,
      mirnaOf: item.type === 'miRNA' && c.species ? c.species : undefined,
    });
  });
  return uses;
}

function problemWith(u: Use, t: TermInfo | undefined, taxa: ReadonlyMap<string, TermInfo>): string | null {
  if (!t) return `Unknown term id ${u.curie}: choose a term from the list, or keep the text ungrounded.`;
  if (t.obsolete)
    return t.replacedBy
      ? `${u.curie} (${t.label}) is obsolete; it was replaced by ${t.replacedBy}.`
      : `${u.curie} (${t.label}) is obsolete in the loaded release; choose a current term.`;
  if (!u.kinds.includes(t.kind as TermKind))
    return u.kinds.length === 0
      ? `A ${u.what} item is not grounded to a term; leave its term empty.`
      : `${u.curie} (${t.label}) is ${KIND_LABELS[t.kind as TermKind] ?? t.kind}; a ${u.what} takes ${u.kinds.map((k) => KIND_LABELS[k]).join(' or ')}.`;
  if (u.mirnaOf && t.species && t.species !== u.mirnaOf) {
    const of = (id: string) => taxa.get(id)?.label ?? id;
    return `${t.label} is a ${of(t.species)} miRNA; this study’s species is ${of(u.mirnaOf)}.`;
  }
  return null;
}

/** Display label of a single-valued term: the review's organ-group and species names where we have them. */
function displayLabel(curie: string, t: TermInfo | undefined): string {
  return organById(curie)?.label ?? speciesById(curie)?.label ?? t?.label ?? curie;
}

/** Every term id a content carries (and the study species, for miRNA checks). */
export function termIdsOf(content: FindingDraft): string[] {
  const uses = usesOf(content);
  return [...new Set([...uses.map((u) => u.curie), ...uses.flatMap((u) => (u.mirnaOf ? [u.mirnaOf] : []))])];
}

/** The terms rows of these ids, for checkTermsWith; one query, however many findings they serve. */
export async function loadTermInfo(db: DbOrTx, ids: readonly string[]): Promise<Map<string, TermInfo>> {
  const unique = [...new Set(ids)];
  const rows: TermInfo[] = [];
  for (let i = 0; i < unique.length; i += 5_000) {
    rows.push(
      ...(await db
        .select({
          curie: terms.curie,
          kind: terms.kind,
          label: terms.label,
          obsolete: terms.obsolete,
          replacedBy: terms.replacedBy,
          species: terms.species,
        })
        .from(terms)
        .where(inArray(terms.curie, unique.slice(i, i + 5_000)))),
    );
  }
  const byId = new Map(rows.map((r) => [r.curie, r]));
  // A miRNA's species, for the message that names it when it is not the study's.
  const species = [...new Set(rows.flatMap((r) => (r.species && !byId.has(r.species) ? [r.species] : [])))];
  if (species.length && ids.length) for (const [k, v] of await loadTermInfo(db, species)) byId.set(k, v);
  return byId;
}

export type CheckedTerms = { content: FindingDraft; labels: { targetOrgan: string; origin: string; species: string } };

/**
 * Check every term id in `content` against loaded terms. Throws one
 * DomainError('invalid') naming each bad field; otherwise returns the content
 * with canonical labels, and the labels of its organ, donor organ and species.
 */
export function checkTermsWith(byId: ReadonlyMap<string, TermInfo>, content: FindingDraft): CheckedTerms {
  const fields: Record<string, string> = {};
  for (const u of usesOf(content)) {
    const problem = problemWith(u, byId.get(u.curie), byId);
    if (problem) fields[u.path] ??= problem;
  }
  if (Object.keys(fields).length > 0)
    throw new DomainError('invalid', 'finding', 'Some terms need attention.', undefined, { fields });
  const canonical = <T extends { curie: string | null; label: string }>(x: T): T =>
    x.curie ? { ...x, label: byId.get(x.curie)!.label } : x;
  const single = (curie: string) => (curie ? displayLabel(curie, byId.get(curie)) : '');
  return {
    content: {
      ...content,
      evSourceTerms: content.evSourceTerms.map(canonical),
      recipientCellTerms: content.recipientCellTerms.map(canonical),
      diseaseTerms: content.diseaseTerms.map(canonical),
      targetGeneTerms: content.targetGeneTerms.map(canonical),
      methodTerms: content.methodTerms.map(canonical),
    },
    labels: {
      targetOrgan: single(content.targetOrgan),
      origin: single(content.origin),
      species: single(content.species),
    },
  };
}

/** checkTermsWith over a fresh read of the content's terms. */
export async function checkTerms(db: DbOrTx, content: FindingDraft): Promise<CheckedTerms> {
  return checkTermsWith(await loadTermInfo(db, termIdsOf(content)), content);
}
