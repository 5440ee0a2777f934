/**
 * PubMed/MEDLINE (.nbib) reader, written here because citation-js has no
 * MEDLINE input for its current core (the old PubMed plugin requires core ≤ 0.6).
 *
 * The format is tagged lines: a tag of up to four capitals padded to four
 * characters, "- ", the value (`PMID- 123`, `TI  - Title`); a line starting
 * with six spaces continues the previous value. Entries are separated by blank
 * lines (a second PMID line also starts a new entry). Used tags: PMID, TI (BTI
 * for books), AB, FAU (AU when there is no FAU: "Smith JA" → "Smith, JA"), DP
 * (year), JT (TA), AID/LID "10.… [doi]", PMC, OT and MH (keywords; MeSH "*"
 * and "/subheading" removed), PT "Preprint". The tag map is kept as `raw`.
 */
import { errorText, RowCollector, tooLongForOneRecord } from './rows';

const TAG_LINE = /^([A-Z]{1,4})\s*- (.*)$/;
const CONTINUATION = /^ {6}(.*)$/;

type Tags = Record<string, string[]>;

function splitEntries(text: string): { entries: Tags[]; stray: number; chunks: number[] } {
  const entries: Tags[] = [];
  const chunks: number[] = [];
  let current: Tags | null = null;
  let last: string | null = null;
  let stray = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      current = null;
      continue;
    }
    const cont = CONTINUATION.exec(line);
    if (cont && current && last) {
      const values = current[last]!;
      values[values.length - 1] += ` ${cont[1]!.trim()}`;
      chunks[chunks.length - 1]! += line.length;
      continue;
    }
    const m = TAG_LINE.exec(line);
    if (!m) {
      stray++;
      continue;
    }
    const tag = m[1]!;
    if (!current || (tag === 'PMID' && current.PMID)) {
      current = {};
      entries.push(current);
      chunks.push(0);
    }
    (current[tag] ??= []).push(m[2]!.trim());
    chunks[chunks.length - 1]! += line.length;
    last = tag;
  }
  return { entries, stray, chunks };
}

function doiFrom(tags: Tags): string | undefined {
  const ids = [...(tags.AID ?? []), ...(tags.LID ?? [])];
  return ids.map((v) => /^(\S+)\s*\[doi\]$/i.exec(v)?.[1]).find(Boolean);
}

function authorsFrom(tags: Tags): { literal: string }[] {
  const full = tags.FAU ?? (tags.AU ?? []).map((a) => a.replace(/^(.*\S)\s+([A-Z]{1,4})$/, '$1, $2'));
  return full.map((literal) => ({ literal }));
}

function keywordsFrom(tags: Tags): string[] {
  const mesh = (tags.MH ?? []).map((m) => m.replace(/\*/g, '').split('/')[0]!.trim());
  return [...(tags.OT ?? []), ...mesh].filter(Boolean);
}

/** MEDLINE tags → a CSL-JSON item (names as "Family, Given" literals, which cslToRecord keeps as written). */
export function medlineToCsl(tags: Tags): Record<string, unknown> {
  const first = (t: string) => tags[t]?.[0] ?? '';
  const year = /\b(\d{4})\b/.exec(first('DP'))?.[1];
  const preprint = (tags.PT ?? []).some((p) => /^preprint$/i.test(p));
  return {
    type: preprint ? 'posted-content' : 'article-journal',
    title: first('TI') || first('BTI'),
    abstract: (tags.AB ?? []).join(' '),
    author: authorsFrom(tags),
    issued: year ? { 'date-parts': [[Number(year)]] } : undefined,
    'container-title': first('JT') || first('TA'),
    DOI: doiFrom(tags),
    PMID: first('PMID'),
    PMCID: first('PMC'),
    keyword: keywordsFrom(tags),
  };
}

export function parseMedline(text: string, notices: string[]): RowCollector {
  const out = new RowCollector('nbib', notices);
  const { entries, stray, chunks } = splitEntries(text);
  if (stray > 0) out.result.notices.push(`${stray} line(s) that are not MEDLINE tag lines were ignored.`);
  entries.forEach((tags, i) => {
    const row = i + 1;
    const tooLong = tooLongForOneRecord(chunks[i]!);
    if (tooLong) return out.refuse(row, tooLong);
    try {
      out.addCsl(row, medlineToCsl(tags), tags);
    } catch (e) {
      out.refuse(row, `could not be read as MEDLINE (${errorText(e)})`);
    }
  });
  return out;
}
