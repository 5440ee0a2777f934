/**
 * A plain list of identifiers: tokens separated by whitespace or commas (so a
 * DOI containing a comma is not supported; semicolons are kept, old SICI DOIs
 * have them). A token is a DOI in any form lib/doi accepts, a PMID (digits, or
 * "PMID: 123" / "PMID:123"), or a PMCID ("PMC123"). Records carry only the
 * identifier: title and the rest are completed later from Crossref/Europe PMC.
 */
import { doiOrNull, isPreprintDoi, normalizePmcid, normalizePmid } from './normalize';
import { RowCollector } from './rows';
import type { IntakeRecord } from './types';

/** Each token with its 1-based line number. */
function tokens(text: string): { token: string; line: number }[] {
  const out: { token: string; line: number }[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const joined = line.replace(/\b(PMC?ID):\s+/gi, '$1:');
    for (const token of joined.split(/[\s,]+/)) if (token) out.push({ token, line: i + 1 });
  });
  return out;
}

export function idRecord(ids: { doi?: string | null; pmid?: string | null; pmcid?: string | null }): IntakeRecord {
  const doi = ids.doi ?? null;
  return {
    title: '',
    abstract: '',
    keywords: [],
    authors: [],
    firstAuthor: '',
    year: null,
    journal: '',
    doi,
    pmid: ids.pmid ?? null,
    pmcid: ids.pmcid ?? null,
    isPreprint: isPreprintDoi(doi),
    raw: {
      ...(doi ? { DOI: doi } : {}),
      ...(ids.pmid ? { PMID: ids.pmid } : {}),
      ...(ids.pmcid ? { PMCID: ids.pmcid } : {}),
    },
  };
}

/** Parses one token, or null when it is no identifier. */
export function parseIdToken(token: string): IntakeRecord | null {
  const pmid = /^(?:pmid:)?\d+$/i.test(token) ? normalizePmid(token.replace(/^pmid:/i, '')) : null;
  if (pmid) return idRecord({ pmid });
  const pmcid = /^(?:pmcid:)?pmc\d+$/i.test(token) ? normalizePmcid(token.replace(/^pmcid:/i, '')) : null;
  if (pmcid) return idRecord({ pmcid });
  const doi = doiOrNull(token);
  return doi ? idRecord({ doi }) : null;
}

export function looksLikeIdList(text: string): boolean {
  const list = tokens(text.slice(0, 20_000)).slice(0, 50);
  return list.length > 0 && list.filter((t) => parseIdToken(t.token)).length >= Math.ceil(list.length / 2);
}

export function parseIds(text: string, notices: string[]): RowCollector {
  const out = new RowCollector('ids', notices);
  tokens(text).forEach(({ token, line }, i) => {
    const row = i + 1;
    const shown = token.length > 60 ? `${token.slice(0, 60)}…` : token;
    const record = parseIdToken(token);
    if (record) out.keep(row, record);
    else out.refuse(row, `line ${line}: "${shown}" is neither a DOI, a PMID nor a PMCID`);
  });
  return out;
}
