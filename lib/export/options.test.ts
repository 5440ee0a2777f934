import { describe, expect, it } from 'vitest';
import { exportFilterParams, parseExportOptions } from './options';

describe('export options', () => {
  it('defaults to CSV without a BOM', () => {
    expect(parseExportOptions(new URLSearchParams(''))).toEqual({ ok: true, options: { format: 'csv', bom: false } });
    expect(parseExportOptions(new URLSearchParams('format=ndjson&bom=1'))).toEqual({
      ok: true,
      options: { format: 'ndjson', bom: true },
    });
  });

  it('refuses unknown formats and BOM values, per parameter', () => {
    expect(parseExportOptions(new URLSearchParams('format=xlsx&bom=yes'))).toEqual({
      ok: false,
      errors: { format: 'Format is csv, json or ndjson.', bom: 'bom is 1 or 0.' },
    });
  });

  it('keeps only the browse filters', () => {
    const p = exportFilterParams(
      new URLSearchParams('format=csv&bom=1&organ=UBERON:0001474&sort=relevance&limit=7&cursor=x&dir=asc&q=bone'),
    );
    expect([...p.keys()]).toEqual(['organ', 'q']);
  });
});
