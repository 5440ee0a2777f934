/**
 * PRISMA 2020 flow diagram (new studies) as an accessible SVG string.
 *
 * Three phases, top to bottom: Identification (records identified per origin →
 * duplicates removed before screening), Screening (records screened → records
 * excluded, by reason; and, when there are any, records still awaiting a
 * decision or not yet screened) and Included (studies included → curated).
 * role="img" with <title> and <desc> (the whole flow in sentences, every
 * number included). Every count sits in its own <text data-stage="…"> (with
 * data-label for per-origin and per-reason lines) so tests can read it. All
 * text is XML-escaped; characters XML 1.0 forbids are dropped; long labels are
 * shortened on the figure (not in <desc> or data-label).
 */
import { type PrismaCounts, totalIdentified } from './counts';

export interface PrismaSvgOptions {
  /** Prefix for element ids, so two figures on one page do not clash. */
  idPrefix?: string;
  title?: string;
}

const WIDTH = 900;
const LINE = 18;
const PAD = 10;
const GAP = 36;
const LEFT = { x: 80, w: 380 };
const RIGHT = { x: 520, w: 360 };
const MAX_LABEL = 44;

// XML 1.0 allows tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and the astral planes; anything else is dropped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function short(label: string): string {
  const clean = label.replace(NOT_XML, '').replace(/\s+/g, ' ').trim();
  return [...clean].length > MAX_LABEL ? `${[...clean].slice(0, MAX_LABEL - 1).join('')}…` : clean;
}

/** One line of a box: a heading (no count) or a labelled count. */
interface Line {
  text: string;
  stage?: string;
  label?: string;
  count?: number;
  bold?: boolean;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  svg: string;
}

function box(x: number, y: number, w: number, lines: Line[]): Box {
  const h = lines.length * LINE + 2 * PAD;
  const texts = lines.map((l, i) => {
    const ty = y + PAD + (i + 1) * LINE - 5;
    const attrs = l.stage
      ? ` data-stage="${l.stage}"${l.label !== undefined ? ` data-label="${escapeXml(l.label)}"` : ''} data-count="${l.count}"`
      : '';
    const body = l.count === undefined ? escapeXml(l.text) : `${escapeXml(l.text)} (n = ${l.count})`;
    return `<text x="${x + PAD}" y="${ty}"${l.bold ? ' font-weight="bold"' : ''}${attrs}>${body}</text>`;
  });
  const rect = `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="#fff" stroke="#333"/>`;
  return { x, y, w, h, svg: `<g>${rect}${texts.join('')}</g>` };
}

const arrow = (x1: number, y1: number, x2: number, y2: number) =>
  `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#333" marker-end="url(#ARROW)"/>`;
const across = (from: Box, to: Box) => arrow(from.x + from.w, from.y + from.h / 2, to.x - 2, from.y + from.h / 2);
const down = (from: Box, to: Box) => arrow(from.x + from.w / 2, from.y + from.h, from.x + from.w / 2, to.y - 2);

function phase(label: string, top: number, bottom: number): string {
  const mid = (top + bottom) / 2;
  return (
    `<rect x="10" y="${top}" width="40" height="${bottom - top}" rx="4" fill="#cfe2f3" stroke="#333"/>` +
    `<text x="30" y="${mid}" text-anchor="middle" dominant-baseline="middle" font-weight="bold" transform="rotate(-90 30 ${mid})">${label}</text>`
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The flow in sentences, every number in it: the figure's <desc>. */
export function prismaDescription(c: PrismaCounts): string {
  const origins = Object.entries(c.identified).map(([k, n]) => `${n} from ${k}`);
  const reasons = Object.entries(c.excludedByReason).map(([k, n]) => `${n} ${k}`);
  const parts = [
    `Identification: ${plural(totalIdentified(c), 'record', 'records')} identified${origins.length ? ` (${origins.join('; ')})` : ''}; ${plural(c.duplicatesRemoved, 'duplicate record', 'duplicate records')} removed before screening.`,
    `Screening: ${plural(c.screened, 'record', 'records')} screened; ${plural(c.excluded, 'record', 'records')} excluded${reasons.length ? ` (${reasons.join('; ')})` : ''}.`,
  ];
  if (c.awaitingDecision || c.notYetScreened) {
    parts.push(
      `${plural(c.awaitingDecision, 'record awaits', 'records await')} a decision; ${plural(c.notYetScreened, 'record is', 'records are')} not yet screened.`,
    );
  }
  parts.push(`Included: ${plural(c.included, 'study', 'studies')} included, ${c.curated} of them curated.`);
  return `PRISMA 2020 flow diagram. ${parts.join(' ')}`;
}

function layout(c: PrismaCounts): { body: string[]; height: number } {
  const body: string[] = [];
  const identifiedLines: Line[] = [
    { text: 'Records identified from:', bold: true },
    ...Object.entries(c.identified).map(([label, n]) => ({ text: short(label), stage: 'identified', label, count: n })),
  ];
  if (identifiedLines.length === 1) identifiedLines.push({ text: 'No records yet', stage: 'identified', count: 0 });
  const identified = box(LEFT.x, 20, LEFT.w, identifiedLines);
  const duplicates = box(RIGHT.x, 20, RIGHT.w, [
    { text: 'Records removed before screening:', bold: true },
    { text: 'Duplicate records removed', stage: 'duplicates', count: c.duplicatesRemoved },
  ]);
  const screeningTop = Math.max(identified.y + identified.h, duplicates.y + duplicates.h) + GAP;
  const screened = box(LEFT.x, screeningTop, LEFT.w, [
    { text: 'Records screened', stage: 'screened', count: c.screened },
  ]);
  const excluded = box(RIGHT.x, screeningTop, RIGHT.w, [
    { text: 'Records excluded', stage: 'excluded', count: c.excluded, bold: true },
    ...Object.entries(c.excludedByReason).map(([label, n]) => ({
      text: short(label),
      stage: 'excluded-reason',
      label,
      count: n,
    })),
  ]);
  body.push(identified.svg, duplicates.svg, across(identified, duplicates), down(identified, screened));
  body.push(screened.svg, excluded.svg, across(screened, excluded));
  let screeningBottom = Math.max(screened.y + screened.h, excluded.y + excluded.h);
  if (c.awaitingDecision || c.notYetScreened) {
    const pending = box(RIGHT.x, screeningBottom + GAP / 2, RIGHT.w, [
      { text: 'Awaiting a decision', stage: 'awaiting', count: c.awaitingDecision },
      { text: 'Not yet screened', stage: 'not-screened', count: c.notYetScreened },
    ]);
    body.push(pending.svg);
    screeningBottom = pending.y + pending.h;
  }
  const included = box(LEFT.x, screeningBottom + GAP, LEFT.w, [
    { text: 'Studies included', stage: 'included', count: c.included },
  ]);
  const curated = box(LEFT.x, included.y + included.h + GAP, LEFT.w, [
    { text: 'Studies curated', stage: 'curated', count: c.curated },
  ]);
  body.push(down(screened, included), included.svg, curated.svg, down(included, curated));
  body.push(phase('Identification', 20, screeningTop - GAP / 2), phase('Screening', screeningTop, screeningBottom));
  body.push(phase('Included', included.y, curated.y + curated.h));
  return { body, height: curated.y + curated.h + 20 };
}

export function prismaSvg(counts: PrismaCounts, opts: PrismaSvgOptions = {}): string {
  const id = (opts.idPrefix ?? 'prisma').replace(/[^A-Za-z0-9_-]/g, '') || 'prisma';
  const { body, height } = layout(counts);
  const marker =
    `<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
    `<path d="M 0 0 L 10 5 L 0 10 z" fill="#333"/></marker></defs>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="13">`,
    `<title id="${id}-title">${escapeXml(opts.title ?? 'PRISMA 2020 flow diagram')}</title>`,
    `<desc id="${id}-desc">${escapeXml(prismaDescription(counts))}</desc>`,
    marker,
    ...body.map((b) => b.replaceAll('url(#ARROW)', `url(#${id}-arrow)`)),
    '</svg>',
  ].join('\n');
}

export { prismaCsv } from './csv';
