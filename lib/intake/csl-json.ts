/**
 * CSL-JSON: an array of items, or one item object. Each item goes through
 * citation-js's CSL input (which tidies dates and names) alone, so a bad item
 * is reported by its number; an item citation-js refuses is refused.
 */
import { toCsl } from './citation';
import { errorText, RowCollector, tooLongForOneRecord } from './rows';
import type { IntakeParseFailure } from './types';

export function parseCslJson(text: string, notices: string[]): RowCollector | IntakeParseFailure {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `The file is not valid JSON (${errorText(e)}).` };
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    Boolean(v) && typeof v === 'object' && !Array.isArray(v);
  if (!Array.isArray(data) && !isObject(data)) {
    return { ok: false, message: 'CSL-JSON must be an array of items (or a single item object).' };
  }
  const items: unknown[] = Array.isArray(data) ? data : [data];
  const out = new RowCollector('csl_json', notices);
  items.forEach((item, i) => {
    const row = i + 1;
    if (!isObject(item)) return out.refuse(row, 'not a CSL-JSON item (an object was expected)');
    const tooLong = tooLongForOneRecord(JSON.stringify(item).length);
    if (tooLong) return out.refuse(row, tooLong);
    try {
      const csl = toCsl([{ type: 'article-journal', ...item }])[0];
      if (!csl) return out.refuse(row, 'citation-js did not read this item');
      out.addCsl(row, csl, item);
    } catch (e) {
      out.refuse(row, `could not be read as CSL-JSON (${errorText(e)})`);
    }
  });
  return out;
}
