import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMN_NAMES } from '../export/columns';
import { toJsonRecord } from '../export/record';
import { detectHeader, IGNORED_EXPORT_COLUMNS } from './columns';
import { parseImportFile } from './parse';
import { bytes, expectedContent, makeExportCsv, only, row } from './parse-test-kit';

const anchored = {
  ...row,
  evidenceAnchor: {
    snapshot: { sha256: 'a1'.repeat(32) },
    quote: { type: 'TextQuoteSelector' as const, exact: 'q', prefix: '=1,"x"\n', suffix: '@y' },
    position: { type: 'TextPositionSelector' as const, start: 3, end: 4 },
  },
  evidenceVerified: true,
};

describe('export-only columns on import', () => {
  it('accepts an export header with the evidence selector columns', () => {
    expect(detectHeader(EXPORT_COLUMN_NAMES)).toMatchObject({ ok: true, kind: 'export' });
    expect(IGNORED_EXPORT_COLUMNS.every((c) => EXPORT_COLUMN_NAMES.includes(c))).toBe(true);
  });

  it('reads an exported anchored finding (CSV and JSON) to the same content, the selectors ignored', () => {
    const csv = only(parseImportFile(bytes(makeExportCsv([anchored]))));
    expect(csv[0]).toMatchObject({ content: expectedContent, problems: [] });
    const json = only(parseImportFile(bytes(JSON.stringify([toJsonRecord(anchored)]))));
    expect(json[0]).toMatchObject({ content: expectedContent, problems: [] });
  });

  it('ignores whatever the ignored columns hold', () => {
    const odd = Object.fromEntries(IGNORED_EXPORT_COLUMNS.map((c) => [c, 'not a value of this column']));
    const [m] = only(parseImportFile(bytes(JSON.stringify([{ ...toJsonRecord(row), ...odd }]))));
    expect(m).toMatchObject({ content: expectedContent, problems: [] });
  });
});
