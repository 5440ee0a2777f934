/**
 * The screening decision as a server action, blind: a first or second screener's answer says only that the
 * decision was recorded, since the outcome (a conflict, an agreement, a new source) would tell them what the
 * other screener decided. Only a third screener's resolve answers with the outcome it settled.
 */
import 'server-only';
import type { ActionResult } from '@/lib/action-result';
import { decideScreeningUseCase } from '../use-cases/literature';
import { runAction } from './action';

export type ScreeningActionData = { stage: 'screen' | 'resolve'; outcome: string | null };

/** What a screener may learn from their own decision: the outcome only when they resolved. */
export function blindScreeningResult(r: { stage: 'screen' | 'resolve'; outcome: string }): ScreeningActionData {
  return { stage: r.stage, outcome: r.stage === 'resolve' ? r.outcome : null };
}

export async function runScreeningAction(input: unknown): Promise<ActionResult<ScreeningActionData>> {
  const r = await runAction(decideScreeningUseCase, input);
  return r.ok ? { ok: true, data: blindScreeningResult(r.data) } : r;
}
