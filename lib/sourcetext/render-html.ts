/**
 * A paragraph's inner HTML for the reader. The reader renders each paragraph's content as static HTML so that
 * a 100-page paper costs no hydration and the browser may mark find matches inside it without React owning
 * those nodes. Everything from the text or the vocabularies is escaped here, and only here.
 */
import type { Mention, MentionType } from '@/lib/annotate/types';
import type { ParagraphBlock } from './blocks';

export const MENTION_TYPE_LABELS: Record<MentionType, string> = {
  mirna: 'miRNA',
  gene: 'gene/protein',
  cell: 'cell type',
  cell_line: 'cell line',
  anatomy: 'organ/tissue',
  species: 'species',
  disease: 'disease',
  ev_method: 'EV method',
  marker: 'marker',
};

// A raw CR would reach the page as LF (HTML's newline normalization) or vanish with CRLF, shifting every offset.
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\r': '&#13;',
};

const SPECIAL = /[&<>"'\r]/;

export function escapeHtml(s: string): string {
  return SPECIAL.test(s) ? s.replace(/[&<>"'\r]/g, (c) => ESCAPES[c]!) : s;
}

/** How a mark names its term (its tooltip): type, label or name, and CURIE. */
export function mentionTitle(m: Mention): string {
  const name = m.label ?? m.name ?? (m.candidates?.length ? `${m.candidates.length} candidate terms` : 'not grounded');
  return `${MENTION_TYPE_LABELS[m.type]}: ${name}${m.curie ? ` (${m.curie})` : ''}`;
}

function mentionOpen(m: Mention, index: number): string {
  const attrs: [string, string][] = [
    ['data-mention', String(index)],
    ['data-type', m.type],
    ['tabindex', '-1'],
    ['title', mentionTitle(m)],
  ];
  if (m.curie) attrs.push(['data-curie', m.curie]);
  if (m.label) attrs.push(['data-label', m.label]);
  if (m.name) attrs.push(['data-name', m.name]);
  if (m.misev) attrs.push(['data-misev', `${m.misev.field}:${m.misev.value}`]);
  if (m.candidates?.length) attrs.push(['data-candidates', JSON.stringify(m.candidates)]);
  return `<mark ${attrs.map(([k, v]) => `${k}="${escapeHtml(v)}"`).join(' ')}>`;
}

/**
 * The paragraph's runs as HTML whose text content is exactly text.slice(p.start, p.end), so that offsets
 * read from the page (data-start plus the length of the text before a point) are offsets into the snapshot.
 */
export function paragraphHtml(text: string, p: ParagraphBlock, mentions: readonly Mention[]): string {
  let html = '';
  let open: number | undefined;
  for (const run of p.runs) {
    if (run.mention !== open) {
      if (open !== undefined) html += '</mark>';
      if (run.mention !== undefined) html += mentionOpen(mentions[run.mention]!, run.mention);
      open = run.mention;
    }
    const t = escapeHtml(text.slice(run.start, run.end));
    html += run.match ? `<mark data-match="">${t}</mark>` : t;
  }
  if (open !== undefined) html += '</mark>';
  return html;
}
