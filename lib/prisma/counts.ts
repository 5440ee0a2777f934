/**
 * PRISMA 2020 counts from plain rows.
 *
 * One row per record as it arrived (so a record found by two origins, or twice
 * in one file, is two rows; the later ones flagged `duplicate`). A preprint
 * linked to its published version counts as a duplicate removed: the pair is
 * one paper. Of the records left after duplicates are removed:
 * - screened: at least one screening decision (outcome not 'unscreened');
 * - excluded / included: the settled outcomes, excluded split by reason
 *   (NO_REASON when none was given);
 * - awaitingDecision: screened but not settled (awaiting the second screener,
 *   a conflict, or maybe); notYetScreened: no decision yet;
 * - curated: included records whose curation is done (the caller decides what
 *   counts as curated, e.g. findings submitted, done or no findings).
 */
import type { ScreeningState } from '../screening/state';

export interface PrismaCounts {
  /** Records identified, per origin label (e.g. "Europe PMC: EVs and muscle", "upload refs.ris"). */
  identified: Record<string, number>;
  duplicatesRemoved: number;
  screened: number;
  excluded: number;
  excludedByReason: Record<string, number>;
  included: number;
  curated: number;
  awaitingDecision: number;
  notYetScreened: number;
}

export interface PrismaRow {
  origin: string;
  duplicate: boolean;
  outcome: ScreeningState;
  exclusionReason: string | null;
  curated: boolean;
}

export const NO_REASON = 'No reason given';

function tally(map: Map<string, number>, key: string) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Counts for the flow diagram; maps come out in first-seen order, as plain own properties (even "__proto__"). */
export function prismaCounts(rows: Iterable<PrismaRow>): PrismaCounts {
  const identified = new Map<string, number>();
  const reasons = new Map<string, number>();
  const c = {
    duplicatesRemoved: 0,
    screened: 0,
    excluded: 0,
    included: 0,
    curated: 0,
    awaitingDecision: 0,
    notYetScreened: 0,
  };
  for (const row of rows) {
    tally(identified, row.origin);
    if (row.duplicate) {
      c.duplicatesRemoved++;
      continue;
    }
    if (row.outcome === 'unscreened') {
      c.notYetScreened++;
      continue;
    }
    c.screened++;
    if (row.outcome === 'excluded') {
      c.excluded++;
      tally(reasons, row.exclusionReason?.trim() || NO_REASON);
    } else if (row.outcome === 'included') {
      c.included++;
      if (row.curated) c.curated++;
    } else c.awaitingDecision++;
  }
  return { identified: Object.fromEntries(identified), excludedByReason: Object.fromEntries(reasons), ...c };
}

export function totalIdentified(counts: PrismaCounts): number {
  return Object.values(counts.identified).reduce((a, b) => a + b, 0);
}
