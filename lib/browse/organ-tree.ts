/**
 * The organ filter's options as a tree: the 16 organ groups of the review first (in their order),
 * each followed by the terms under it that findings use, then the used terms under no group.
 * A term sits under its nearest organ group (fewest steps up; on a tie the group listed first,
 * as the map rolls it up) and, within it, under its nearest shown ancestor. Pure: rows in, options out.
 */
export type FacetTerm = { curie: string; label: string; count: number };
/** `curie` is `ancestor`'s descendant, `depth` steps down (depth > 0). */
export type FacetLink = { curie: string; ancestor: string; depth: number };
export type OrganOption = FacetTerm & { level: number; section: 'group' | 'other' };

/** The nearest of `groups` above each term (or none), from the closure rows. */
export function nearestGroups(
  groups: readonly string[],
  links: readonly FacetLink[],
): Map<string, { group: string; depth: number }> {
  const rank = new Map(groups.map((g, i) => [g, i]));
  const best = new Map<string, { group: string; depth: number }>();
  for (const l of links) {
    if (l.depth <= 0 || !rank.has(l.ancestor) || rank.has(l.curie)) continue;
    const cur = best.get(l.curie);
    if (!cur || l.depth < cur.depth || (l.depth === cur.depth && rank.get(l.ancestor)! < rank.get(cur.group)!))
      best.set(l.curie, { group: l.ancestor, depth: l.depth });
  }
  return best;
}

export function organOptions(
  groups: readonly { id: string; label: string }[],
  shown: readonly FacetTerm[],
  links: readonly FacetLink[],
): OrganOption[] {
  const groupIds = groups.map((g) => g.id);
  const isGroup = new Set(groupIds);
  const byId = new Map(shown.map((t) => [t.curie, t]));
  const home = nearestGroups(groupIds, links);
  const section = (id: string) => (isGroup.has(id) ? id : (home.get(id)?.group ?? null));
  // Parent in the shown tree: the nearest shown ancestor in the same section (for a term under a group, possibly the group).
  const parent = new Map<string, { id: string; depth: number }>();
  for (const l of links) {
    if (l.depth <= 0 || isGroup.has(l.curie) || !byId.has(l.ancestor) || !byId.has(l.curie)) continue;
    const s = section(l.curie);
    if (isGroup.has(l.ancestor) ? l.ancestor !== s : section(l.ancestor) !== s) continue;
    const cur = parent.get(l.curie);
    if (!cur || l.depth < cur.depth) parent.set(l.curie, { id: l.ancestor, depth: l.depth });
  }
  const children = new Map<string | null, string[]>();
  for (const t of shown) {
    if (isGroup.has(t.curie)) continue;
    const p = parent.get(t.curie)?.id ?? null;
    // A term under a group with no shown ancestor between them hangs from the group itself.
    const key = p ?? section(t.curie);
    children.set(key, [...(children.get(key) ?? []), t.curie]);
  }
  const out: OrganOption[] = [];
  const byLabel = (a: string, b: string) => byId.get(a)!.label.localeCompare(byId.get(b)!.label) || a.localeCompare(b);
  const walk = (id: string, level: number, sec: OrganOption['section']) => {
    out.push({ ...byId.get(id)!, level, section: sec });
    for (const c of (children.get(id) ?? []).sort(byLabel)) walk(c, level + 1, sec);
  };
  for (const g of groups) {
    if (!byId.has(g.id)) byId.set(g.id, { curie: g.id, label: g.label, count: 0 });
    else byId.set(g.id, { ...byId.get(g.id)!, label: g.label });
    walk(g.id, 0, 'group');
  }
  for (const r of (children.get(null) ?? []).sort(byLabel)) walk(r, 0, 'other');
  return out;
}
