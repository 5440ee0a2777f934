/**
 * Screening outcome of one record from its decisions (oldest first).
 *
 * Rules:
 * - A screener may change their mind: only each screener's latest 'screen'
 *   decision counts.
 * - Single mode: the first screener to decide is the screener; their latest
 *   decision gives included / excluded / maybe. Others' 'screen' decisions are
 *   ignored.
 * - Dual mode: the first two distinct screeners count. None → unscreened; one →
 *   awaiting_second; both agree → that outcome (both 'maybe' stays 'maybe',
 *   which needs a resolve); they disagree → conflict. A third person's 'screen'
 *   decision is ignored (a third screener resolves, not screens).
 * - A 'resolve' decision by someone who is not a counted screener of the record
 *   (a third person) settles it, whatever the state (the UI offers it for
 *   conflicts and maybes); the latest such resolve wins. A resolve by one of the
 *   counted screeners is ignored — nobody breaks their own tie.
 */
import type { ScreeningDecision } from './kappa';

export type ScreeningMode = 'single' | 'dual';
export type ScreeningState = 'unscreened' | 'awaiting_second' | 'included' | 'excluded' | 'maybe' | 'conflict';

export interface ScreeningDecisionRow {
  screener: string;
  decision: ScreeningDecision;
  stage: 'screen' | 'resolve';
}

const OUTCOME: Record<ScreeningDecision, ScreeningState> = { include: 'included', exclude: 'excluded', maybe: 'maybe' };

/** The counted screeners, in the order they first decided, with their latest decision. */
export function countedScreeners(
  mode: ScreeningMode,
  decisions: readonly ScreeningDecisionRow[],
): Map<string, ScreeningDecision> {
  const latest = new Map<string, ScreeningDecision>();
  const limit = mode === 'single' ? 1 : 2;
  for (const d of decisions) {
    if (d.stage !== 'screen') continue;
    if (latest.has(d.screener) || latest.size < limit) latest.set(d.screener, d.decision);
  }
  return latest;
}

export function screeningState(mode: ScreeningMode, decisions: readonly ScreeningDecisionRow[]): ScreeningState {
  const screeners = countedScreeners(mode, decisions);
  const resolve = decisions.filter((d) => d.stage === 'resolve' && !screeners.has(d.screener)).at(-1);
  if (resolve) return OUTCOME[resolve.decision];
  const votes = [...screeners.values()];
  if (votes.length === 0) return 'unscreened';
  if (mode === 'single') return OUTCOME[votes[0]!];
  if (votes.length === 1) return 'awaiting_second';
  return votes[0] === votes[1] ? OUTCOME[votes[0]!] : 'conflict';
}
