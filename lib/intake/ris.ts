/**
 * RIS: the file is split into entries here (TY starts one, ER ends it) and each
 * entry is handed to citation-js alone, so one broken entry is reported and the
 * others still import. An entry without ER is read up to the next TY (warning).
 * Lines outside any entry are ignored and counted in a notice. citation-js maps
 * neither AN nor a DOI written only as a link, so those are filled in here:
 * AN as the PMID when the database (DB/DP) is PubMed/MEDLINE, any "PMID: n"
 * value, and a doi.org link in UR/L3/M3/N1 as the DOI.
 */
import { toCsl } from './citation';
import { doiOrNull, normalizePmid } from './normalize';
import { errorText, RowCollector, tooLongForOneRecord } from './rows';

const TAG = /^([A-Z][A-Z0-9])\s{1,2}-(?: (.*))?$/;

interface RisEntry {
  lines: string[];
  ended: boolean;
}

function splitEntries(text: string): { entries: RisEntry[]; stray: number } {
  const entries: RisEntry[] = [];
  let current: RisEntry | null = null;
  let stray = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const tag = TAG.exec(line)?.[1];
    if (tag === 'TY') {
      current = { lines: [line], ended: false };
      entries.push(current);
    } else if (current && !current.ended) {
      current.lines.push(line);
      if (tag === 'ER') current.ended = true;
    } else if (line.trim() !== '') stray++;
  }
  return { entries, stray };
}

function tagValues(lines: string[]): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const line of lines) {
    const m = TAG.exec(line);
    if (m) tags.set(m[1]!, [...(tags.get(m[1]!) ?? []), (m[2] ?? '').trim()]);
  }
  return tags;
}

/** Identifiers citation-js leaves out (see the header). */
function supplement(csl: Record<string, unknown>, lines: string[]): void {
  const tags = tagValues(lines);
  const all = [...tags.values()].flat();
  if (!csl.PMID) {
    const db = [...(tags.get('DB') ?? []), ...(tags.get('DP') ?? [])].join(' ');
    const an = /pubmed|medline/i.test(db) ? tags.get('AN')?.[0] : undefined;
    const labelled = all.map((v) => /^PMID:\s*(\d+)$/i.exec(v)?.[1]).find(Boolean);
    const pmid = normalizePmid(an ?? '') ?? normalizePmid(labelled ?? '');
    if (pmid) csl.PMID = pmid;
  }
  if (!doiOrNull(csl.DOI)) {
    const links = ['DO', 'UR', 'L3', 'M3', 'N1'].flatMap((t) => tags.get(t) ?? []);
    const doi = links.map(doiOrNull).find(Boolean);
    if (doi) csl.DOI = doi;
  }
}

export function parseRis(text: string, notices: string[]): RowCollector {
  const out = new RowCollector('ris', notices);
  const { entries, stray } = splitEntries(text);
  if (stray > 0) out.result.notices.push(`${stray} line(s) outside any RIS entry (before a TY line) were ignored.`);
  entries.forEach((entry, i) => {
    const row = i + 1;
    const chunk = entry.lines.join('\n');
    const tooLong = tooLongForOneRecord(chunk);
    if (tooLong) return out.refuse(row, tooLong);
    const notes = entry.ended ? [] : ['no ER line ending the entry; read up to the next TY'];
    try {
      const items = toCsl(entry.ended ? chunk : `${chunk}\nER  - \n`);
      const csl = items[0];
      if (!csl) return out.refuse(row, 'citation-js found no record in this entry');
      supplement(csl, entry.lines);
      out.addCsl(row, csl, csl, notes);
    } catch (e) {
      out.refuse(row, `could not be read as RIS (${errorText(e)})`);
    }
  });
  return out;
}
