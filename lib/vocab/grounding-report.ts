/** What one run of grounding existing findings did, per field, and how it is printed. */
import { GROUNDING_FIELD_LABELS, GROUNDING_FIELDS, type GroundingField } from './ground-content';
import type { GroundedPiece } from './ground-text';

/** Pieces of text per outcome: grounded, a proposal (several terms, a synonym only, a miRNA without its arm), ungrounded. */
export type FieldCounts = { grounded: number; ambiguous: number; synonym: number; no_arm: number; ungrounded: number };

export type GroundingReport = {
  /** Approved findings whose text was looked at. */
  findingsExamined: number;
  fields: Record<GroundingField, FieldCounts>;
  /** One per finding that had something grounded: a new approved revision by the import user. */
  revisionsCreated: number;
  proposalsOpened: number;
  /** Proposals found again that were opened (or decided) by an earlier run: not opened twice. */
  proposalsKnown: number;
  /** Findings with text to ground that are not approved, or have an edit in progress: their curators ground them. */
  leftToCurators: { publicId: string; status: string }[];
};

const zero = (): FieldCounts => ({ grounded: 0, ambiguous: 0, synonym: 0, no_arm: 0, ungrounded: 0 });

export function emptyGroundingReport(): GroundingReport {
  return {
    findingsExamined: 0,
    fields: Object.fromEntries(GROUNDING_FIELDS.map((f) => [f, zero()])) as Record<GroundingField, FieldCounts>,
    revisionsCreated: 0,
    proposalsOpened: 0,
    proposalsKnown: 0,
    leftToCurators: [],
  };
}

export function countPiece(counts: FieldCounts, piece: GroundedPiece): void {
  if (piece.status === 'proposal') counts[piece.reason]++;
  else counts[piece.status]++;
}

const COLUMNS: [keyof FieldCounts, string][] = [
  ['grounded', 'grounded'],
  ['ambiguous', 'ambiguous'],
  ['synonym', 'synonym only'],
  ['no_arm', 'miRNA, no arm'],
  ['ungrounded', 'ungrounded'],
];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The report as a table and a few lines (db:seed and db:ground print it). */
export function formatGroundingReport(r: GroundingReport): string {
  const head = ['field', ...COLUMNS.map(([, h]) => h)];
  const total = zero();
  const body = GROUNDING_FIELDS.map((f) => {
    for (const [k] of COLUMNS) total[k] += r.fields[f][k];
    return [GROUNDING_FIELD_LABELS[f], ...COLUMNS.map(([k]) => String(r.fields[f][k]))];
  });
  body.push(['all fields', ...COLUMNS.map(([k]) => String(total[k]))]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const left = r.leftToCurators.length ? r.leftToCurators.map((f) => `${f.publicId} (${f.status})`).join(', ') : 'none';
  return [
    'Grounding (pieces of text; only an exact label match of one term grounds, the rest waits on /grounding):',
    line(head),
    ...body.map(line),
    `${plural(r.findingsExamined, 'approved finding')} examined; ${plural(r.revisionsCreated, 'revision')} created ` +
      `(approved by the import user); ${plural(r.proposalsOpened, 'proposal')} opened, ${r.proposalsKnown} known from an earlier run.`,
    `Left to their curators (not approved, or an edit in progress): ${left}.`,
  ].join('\n');
}
