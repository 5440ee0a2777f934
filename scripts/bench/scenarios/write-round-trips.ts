/**
 * Round trips per write transaction: one client on one connection through a counting relay
 * (round-trips.ts) runs edit → submit → approve cycles; the first cycles warm the connection's
 * prepared statements and are not counted.
 */
import { createDb } from '../../../db/client';
import type { FillReport } from '../fill';
import { countingRelay } from '../round-trips';
import { median } from '../util';
import { KINDS, newTally, runClient } from './write-clients';

export type RoundTrips = Record<(typeof KINDS)[number], { median: number; min: number; max: number; n: number }>;

export async function measureRoundTrips(url: string, fill: FillReport, ids: number[]): Promise<RoundTrips> {
  const relay = await countingRelay(url);
  const app = await createDb({ url: relay.url, max: 1 });
  try {
    const warm = ids.slice(0, 3);
    const counted = ids.slice(3);
    const spec = { c: 0, clients: 1, deadline: Infinity, flights: relay.flights };
    await runClient(app, fill, spec, warm, newTally());
    const tally = newTally();
    await runClient(app, fill, spec, counted, tally);
    if (tally.otherErrors) throw new Error(`${tally.otherErrors} errors while counting round trips`);
    return Object.fromEntries(
      KINDS.map((k) => {
        const xs = tally.flightsByKind[k];
        return [k, { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length }];
      }),
    ) as RoundTrips;
  } finally {
    await app.close();
    await relay.close();
  }
}

export function fmtRoundTrips(rt: RoundTrips): string {
  return KINDS.map((k) => {
    const { median: m, min, max } = rt[k];
    return `${k} ${m}${min !== max ? ` (${min}–${max})` : ''}`;
  }).join(', ');
}
