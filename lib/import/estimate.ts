/**
 * How many rows a file holds, cheaply and without a CSV library, for the
 * page's "Checking N rows…" while the server does the real parse.
 */
export function estimateRowCount(text: string): number {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(t);
      return Array.isArray(v) ? v.length : 0;
    } catch {
      return 0;
    }
  }
  // Records end at a newline outside quotes; a doubled quote inside a quoted cell toggles twice.
  let inQuotes = false;
  let filled = false;
  let records = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 10 && !inQuotes) {
      if (filled) records++;
      filled = false;
      continue;
    }
    if (c !== 13 && c !== 44 && c !== 32 && c !== 10) filled = true;
  }
  if (filled) records++;
  return Math.max(0, records - 1);
}
