/** PRISMA counts as CSV: `stage,label,count`, one row per box line, cells neutralized against formulas. */
import { stringify } from 'csv-stringify/sync';
import { neutralizeCell } from '../export/columns';
import type { PrismaCounts } from './counts';

export const PRISMA_CSV_HEADER = ['stage', 'label', 'count'] as const;

/** The flow as [stage, label, count] rows, in diagram order (shared by the CSV and the figure's description). */
export function prismaRows(counts: PrismaCounts): [string, string, number][] {
  return [
    ...Object.entries(counts.identified).map(([label, n]): [string, string, number] => ['identified', label, n]),
    ['duplicates_removed', 'Duplicate records removed', counts.duplicatesRemoved],
    ['screened', 'Records screened', counts.screened],
    ['excluded', 'Records excluded', counts.excluded],
    ...Object.entries(counts.excludedByReason).map(([label, n]): [string, string, number] => [
      'excluded_reason',
      label,
      n,
    ]),
    ['awaiting_decision', 'Records awaiting a screening decision', counts.awaitingDecision],
    ['not_yet_screened', 'Records not yet screened', counts.notYetScreened],
    ['included', 'Studies included', counts.included],
    ['curated', 'Studies curated', counts.curated],
  ];
}

export function prismaCsv(counts: PrismaCounts): string {
  const rows = prismaRows(counts).map(([stage, label, n]) => [stage, neutralizeCell(label), String(n)]);
  return stringify([[...PRISMA_CSV_HEADER], ...rows], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
