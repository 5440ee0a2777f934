/**
 * parseIntakeFile: an uploaded file → records plus a row-by-row report, or one
 * file-level message. Never throws.
 *
 * Format: the caller's choice when given; otherwise the content decides (a
 * first line that is "[" / "{" → CSL-JSON, "TY  -" → RIS, "PMID-" → MEDLINE,
 * "@type{" → BibTeX; else the earliest such marker anywhere; else a list of
 * identifiers when at least half the first tokens are DOIs/PMIDs), then the
 * extension (.ris, .bib, .nbib, .json, .txt).
 *
 * Limits: the file (MAX_INTAKE_BYTES, refused before decoding), one field
 * (MAX_FIELD_CHARS, that entry refused), raw provenance (MAX_RAW_CHARS, cut).
 */
import { parseBibtex } from './bibtex';
import { parseCslJson } from './csl-json';
import { decodeUpload } from './decode';
import { looksLikeIdList, parseIds } from './ids';
import { parseMedline } from './medline';
import { parseRis } from './ris';
import { errorText, type RowCollector } from './rows';
import type { IntakeFormat, IntakeParseFailure, IntakeParseResult } from './types';

export { MAX_INTAKE_BYTES } from './decode';
export { MAX_FIELD_CHARS, MAX_RAW_CHARS } from './csl';

const MARKERS: [IntakeFormat, RegExp][] = [
  ['csl_json', /^\s*[[{]/],
  ['ris', /^TY {1,2}- /m],
  ['nbib', /^PMID- ?\d/m],
  ['bibtex', /^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]/m],
];

const EXTENSIONS: Record<string, IntakeFormat> = {
  ris: 'ris',
  bib: 'bibtex',
  bibtex: 'bibtex',
  nbib: 'nbib',
  medline: 'nbib',
  json: 'csl_json',
  txt: 'ids',
  csv: 'ids',
};

/** The format a file's content (then its name) suggests, or null. */
export function detectFormat(text: string, name: string): IntakeFormat | null {
  const firstLine = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  const byFirstLine = MARKERS.find(([, re]) => re.test(firstLine));
  if (byFirstLine) return byFirstLine[0];
  let best: { format: IntakeFormat; at: number } | null = null;
  for (const [format, re] of MARKERS.slice(1)) {
    const at = text.search(re);
    if (at >= 0 && (!best || at < best.at)) best = { format, at };
  }
  if (best) return best.format;
  if (looksLikeIdList(text)) return 'ids';
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext && EXTENSIONS[ext] !== 'ids' ? (EXTENSIONS[ext] ?? null) : null;
}

const READERS: Record<IntakeFormat, (text: string, notices: string[]) => RowCollector | IntakeParseFailure> = {
  ris: parseRis,
  bibtex: parseBibtex,
  nbib: parseMedline,
  csl_json: parseCslJson,
  ids: parseIds,
};

const NAMES: Record<IntakeFormat, string> = {
  ris: 'RIS',
  bibtex: 'BibTeX',
  nbib: 'PubMed/MEDLINE',
  csl_json: 'CSL-JSON',
  ids: 'identifier list',
};

export function parseIntakeFile(
  bytes: Uint8Array,
  name: string,
  format?: IntakeFormat,
): IntakeParseResult | IntakeParseFailure {
  try {
    const decoded = decodeUpload(bytes, name);
    if (!decoded.ok) return decoded;
    const chosen = format ?? detectFormat(decoded.text, name);
    if (!chosen) {
      return {
        ok: false,
        message: `Could not tell the format of "${name}". Upload RIS, BibTeX, PubMed (.nbib), CSL-JSON or a list of DOIs/PMIDs, or choose the format.`,
      };
    }
    const out = READERS[chosen](decoded.text, decoded.notices);
    if ('ok' in out) return out;
    if (out.result.report.length === 0) {
      return { ok: false, message: `No ${NAMES[chosen]} entries were found in "${name}".` };
    }
    return out.result;
  } catch (e) {
    return { ok: false, message: `"${name}" could not be read (${errorText(e)}).` };
  }
}
