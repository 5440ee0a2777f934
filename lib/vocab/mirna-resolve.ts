/**
 * Species-aware resolution of a miRNA name as a paper writes it ("miR-34a",
 * "microRNA-206", "hsa-let-7a-5p", "miR-27a/b-3p") to miRBase mature
 * accessions of the study's species — never to a term of another species.
 *
 * Only a deterministic match is `mature`: the name (with the study species'
 * prefix) is exactly one miRBase 22 name, or exactly one accession's miRBase 18
 * name that is no longer a current name. Everything else is a proposal for the
 * curator (`no_arm`, `ambiguous`) or `ungrounded`, with a note saying why.
 *
 * The data has no precursor table, so precursor-level names (no arm, a copy
 * number such as miR-133a-1) are answered from the mature names alone: the
 * mature miRNAs named <stem>[-copy]-5p/-3p (or <stem> itself), now or in release 18.
 */
import { isMirnaName, normalizeMirnaName } from '../cargo/mirna';
import {
  parseCanonical,
  stemOf,
  lc,
  fmt,
  byLength,
  fmtAll,
  toTerm,
  type Entry,
  type Lookup,
  type Parts,
  type MirnaIndex,
  type MirnaResolution,
} from './mirna-index';

export {
  buildMirnaIndex,
  type MatureMirna,
  type MirnaIndex,
  mirnaIndexFromTermRows,
  type MirnaResolution,
  type MirnaTerm,
} from './mirna-index';

type Query = Parts & { star: boolean; precursor: boolean; raw: string };
type Ctx = { index: MirnaIndex; species: string; code: string };

const mature = (e: Entry, via: 'exact' | 'release18', note: string): MirnaResolution => ({
  status: 'mature',
  term: toTerm(e),
  via,
  note,
});
const renamed = (e: Entry): string => `Called ${e.old} in miRBase 18; miRBase 22 names it ${fmt(e)}.`;
const ungrounded = (note: string): MirnaResolution => ({ status: 'ungrounded', candidates: [], note });
const propose = (status: 'no_arm' | 'ambiguous', es: readonly Entry[], note: string): MirnaResolution => ({
  status,
  candidates: es.map(toTerm),
  note,
});

/** Entries of the study's species only: the one place that keeps every answer in that species. */
function pick(ctx: Ctx, map: Lookup, key: string): Entry[] {
  return (map.get(lc(key)) ?? []).filter((e) => e.species === ctx.species);
}

function uniq(es: readonly Entry[]): Entry[] {
  const seen = new Set<string>();
  return es.filter((e) => !seen.has(e.curie) && !!seen.add(e.curie));
}

/** Every mature miRNA of a stem, by current and by miRBase 18 names (mouse "miR-21" → mmu-miR-21a-5p/-3p). */
const matureOf = (ctx: Ctx, stem: string): Entry[] =>
  uniq([...pick(ctx, ctx.index.byBase, stem), ...pick(ctx, ctx.index.byOldBase, stem)]);

/** Candidates found by their miRBase 18 name only say so: "mmu-miR-21a-5p was mmu-miR-21-5p in miRBase 18". */
const oldNames = (es: readonly Entry[], stem: string): string => {
  const renamed = es.filter((e) => e.old && lc(e.label) !== lc(stem) && !lc(e.label).startsWith(lc(`${stem}-`)));
  return renamed.length ? ` (${renamed.map((e) => `${e.label} was ${e.old}`).join('; ')} in miRBase 18)` : '';
};

function others(ctx: Ctx, e: Entry, q: Query): string {
  const p = parseCanonical(normalizeMirnaName(e.label));
  const rest = p ? matureOf(ctx, stemOf(p)).filter((x) => x.curie !== e.curie) : [];
  if (rest.length === 0) return q.arm ? '' : ` It is the only mature miRNA of that name in ${ctx.code}.`;
  return ` Other mature miRNAs of ${p ? stemOf(p) : e.label}: ${fmtAll(rest)} — pick one of those if the paper measured it.`;
}

/** Where else a name exists, so that "not in this species" reads as such, not as a typo. */
function elsewhere(ctx: Ctx, q: Query, full: string): string {
  const without = (name: string) => lc(name.slice(name.indexOf('-') + 1));
  const codes = new Set([
    ...(ctx.index.codesOf.get(without(stemOf(q))) ?? []),
    ...(ctx.index.codesOf.get(without(full)) ?? []),
  ]);
  codes.delete(ctx.code);
  return codes.size
    ? ` miRBase has it for ${[...codes].join(', ')} only — never grounded to another species' term.`
    : ' Check the spelling, or request a term.';
}

function fullName(q: Query): string {
  return `${stemOf(q)}${q.copy ? `-${q.copy}` : ''}${q.arm ? `-${q.arm}` : ''}${q.star ? '*' : ''}`;
}

function resolveGivenArm(ctx: Ctx, q: Query, full: string): MirnaResolution {
  const stem = stemOf(q);
  const sameArm = matureOf(ctx, stem).filter((e) => e.arm === q.arm);
  const copies = sameArm.filter((e) => e.copy !== null && (q.copy === null || e.copy === q.copy));
  if (!q.copy && copies.length > 0)
    return propose(
      'ambiguous',
      copies,
      `miRBase 22 has no ${full}: the ${q.arm} arm is named per precursor copy in ${ctx.code}, ` +
        `each its own sequence: ${fmtAll(copies)}. Pick the copy the paper means; not grounded automatically.`,
    );
  const shared = sameArm.filter((e) => e.copy === null);
  if (q.copy && shared.length > 0)
    return propose(
      'ambiguous',
      shared,
      `miRBase 22 has no ${full}: the ${q.arm} arm of ${stem} is one mature miRNA whatever the copy, ` +
        `${fmtAll(shared)}${oldNames(shared, stem)}. Confirm it; not grounded automatically.`,
    );
  const all = matureOf(ctx, stem);
  const armless = all.filter((e) => e.arm === null && e.copy === null);
  if (armless.length > 0)
    return propose(
      'ambiguous',
      armless,
      `miRBase 22 names this ${ctx.code} miRNA without arm: ${fmtAll(armless)}` +
        `${all.length === armless.length ? ' is its only mature form' : ''}; ${full} is not a miRBase name. ` +
        `Proposed, not grounded automatically: confirm it if the paper measured that molecule ` +
        `(arm names from other species are often carried over).`,
    );
  if (all.length > 0)
    return ungrounded(
      `miRBase 22 has no ${full}. The mature miRNAs of ${stem} in ${ctx.code} are ${fmtAll(all)}${oldNames(all, stem)}: ` +
        `another strand, with its own sequence, so none is proposed. Check the paper, or request a term.`,
    );
  return ungrounded(
    `No miRBase 22 mature miRNA of ${ctx.code} (nor a miRBase 18 name) is ${full}.${elsewhere(ctx, q, full)}`,
  );
}

function resolveNoArm(ctx: Ctx, q: Query, full: string): MirnaResolution {
  const stem = stemOf(q);
  const all = matureOf(ctx, stem).filter((e) => q.copy === null || e.copy === null || e.copy === q.copy);
  const why = q.precursor ? `The paper names the precursor (${q.raw})` : 'The paper names no arm';
  if (all.length > 0 && q.copy)
    return propose(
      'ambiguous',
      all,
      `${full} names one copy of the precursor. Without miRBase's precursor table its mature miRNAs ` +
        `cannot be told from those of the other copies: candidates ${fmtAll(all)}${oldNames(all, stem)}. Pick the one the paper measured.`,
    );
  if (all.length > 0)
    return propose(
      'no_arm',
      all,
      `${why}: kept at the precursor level (${full}); candidates: ${fmtAll(all)}${oldNames(all, stem)}.`,
    );
  const members = [...(ctx.index.members.get(lc(`${q.code}-${q.family}-${q.num}`)) ?? [])].sort(byLength);
  if (!q.letters && !q.copy && members.length > 0)
    return ungrounded(
      `${full} names a family, not one miRNA: in ${ctx.code} it has ${members.join(', ')}. ` +
        `Name the member (and arm) the paper measured.`,
    );
  return ungrounded(
    `No miRBase 22 mature miRNA of ${ctx.code} (nor a miRBase 18 name) is ${full}.${elsewhere(ctx, q, full)}`,
  );
}

function resolveOne(ctx: Ctx, q: Query): MirnaResolution {
  const full = fullName(q);
  if (!q.precursor || q.arm) {
    const exact = pick(ctx, ctx.index.byName, full);
    if (exact.length === 1)
      return mature(exact[0]!, 'exact', `miRBase 22 name: ${fmt(exact[0]!)}.${others(ctx, exact[0]!, q)}`);
    const old = pick(ctx, ctx.index.byOld, full);
    if (old.length === 1) return mature(old[0]!, 'release18', `${renamed(old[0]!)}${others(ctx, old[0]!, q)}`);
    if (exact.length + old.length > 1)
      return propose(
        'ambiguous',
        uniq([...exact, ...old]),
        `${full} names several mature miRNAs: ${fmtAll(uniq([...exact, ...old]))}.`,
      );
  }
  if (q.star) {
    const all = matureOf(ctx, stemOf(q));
    const note =
      `"*" marked the less abundant strand in old miRBase releases, and ${full} is no miRBase 18 name in ${ctx.code}: ` +
      `which arm it is cannot be told from the name`;
    return all.length ? propose('ambiguous', all, `${note}; candidates: ${fmtAll(all)}.`) : ungrounded(`${note}.`);
  }
  return q.arm ? resolveGivenArm(ctx, q, full) : resolveNoArm(ctx, q, full);
}

/** "27a/b" → ["27a", "27b"]; "23a/27a" → ["23a", "27a"]; a bare letter takes the number before it. */
function slashMembers(idPart: string): { num: string; letters: string; copy: string | null }[] | null {
  const out: { num: string; letters: string; copy: string | null }[] = [];
  for (const piece of idPart.split('/')) {
    const m = /^(\d*)([a-z]*)(?:-(\d+))?$/.exec(piece);
    const num = m?.[1] || out[out.length - 1]?.num;
    if (!m || !num) return null;
    out.push({ num, letters: m[2]!, copy: m[3] ?? null });
  }
  return out;
}

function resolveSlash(ctx: Ctx, qs: Query[], raw: string): MirnaResolution {
  const results = qs.map((q) => [fullName(q), resolveOne(ctx, q)] as const);
  const candidates = results.flatMap(([, r]) => (r.status === 'mature' ? [r.term] : r.candidates));
  const missing = results.filter(([, r]) => r.status === 'ungrounded').map(([n]) => n);
  const note =
    `${raw} names ${qs.length} miRNAs together (${results.map(([n]) => n).join(', ')}): record each as its own cargo item` +
    `${missing.length ? `; no ${ctx.code} miRNA for ${missing.join(', ')}` : ''}.`;
  if (candidates.length === 0) return ungrounded(note);
  return { status: 'ambiguous', candidates: [...new Map(candidates.map((t) => [t.curie, t])).values()], note };
}

const otherSpecies = (ctx: Ctx, prefix: string): MirnaResolution =>
  ungrounded(
    `The name carries the species prefix ${prefix}-, but the study's species is ${ctx.code} (${ctx.species}): ` +
      `never grounded to another species' term. Drop the prefix if the paper measured the ${ctx.code} miRNA.`,
  );

/** A handful of miRBase names escape the usual shape ("mmu-miR-3102-5p.2-5p"): matched only as written. */
function resolveVerbatim(ctx: Ctx, text: string, raw: string): MirnaResolution {
  const keys = [text, `${ctx.code}-${text}`];
  const exact = keys.flatMap((k) => pick(ctx, ctx.index.byName, k));
  if (exact.length === 1) return mature(exact[0]!, 'exact', `miRBase 22 name: ${fmt(exact[0]!)}.`);
  const old = keys.flatMap((k) => pick(ctx, ctx.index.byOld, k));
  if (exact.length === 0 && old.length === 1) return mature(old[0]!, 'release18', renamed(old[0]!));
  const prefix = /^([a-z]{3})-mir-/i.exec(text)?.[1]?.toLowerCase();
  if (prefix && prefix !== ctx.code && [...ctx.index.codeOf.values()].includes(prefix))
    return otherSpecies(ctx, prefix);
  return ungrounded(`"${raw}" is not a miRNA name (expected e.g. miR-206, let-7a-5p, hsa-miR-21-5p).`);
}

const PRECURSOR = /^(pre|pri)[-\u2010-\u2013\s]?(?=mi|let)/i;
const PREFIXED = /^(?:([a-z]{3,4})-)?((?:miR|let)-.*)$/;
const BODY = /^(miR|let)-(.+?)(?:-([35]p))?(\*)?$/;

export function resolveMirna(index: MirnaIndex, name: string, speciesCurie: string): MirnaResolution {
  const code = index.codeOf.get(speciesCurie);
  if (!code) return ungrounded(`The miRBase data here has no miRNAs of ${speciesCurie}.`);
  const ctx: Ctx = { index, species: speciesCurie, code };
  const raw = name.trim();
  const precursor = PRECURSOR.test(raw);
  const text = raw.replace(PRECURSOR, '');
  if (!isMirnaName(text)) return resolveVerbatim(ctx, text, raw);
  const [, prefix, body] = PREFIXED.exec(normalizeMirnaName(text)) ?? [];
  if (prefix && prefix !== code) return otherSpecies(ctx, prefix);
  const [, family, idPart, arm, star] = BODY.exec(body ?? '') ?? [];
  const ids = idPart ? slashMembers(idPart) : null;
  if (!family || !ids) return ungrounded(`"${raw}" is not a miRNA name this resolver reads.`);
  const qs = ids.map((id) => ({ ...id, code, family, arm: arm ?? null, star: !!star, precursor, raw }));
  return qs.length > 1 ? resolveSlash(ctx, qs, raw) : resolveOne(ctx, qs[0]!);
}
