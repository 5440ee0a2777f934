import { describe, expect, it } from 'vitest';
import { enc, manyRis, risEntry } from './intake-test-kit';
import { detectFormat, MAX_FIELD_CHARS, MAX_INTAKE_BYTES, MAX_RAW_CHARS, parseIntakeFile } from './parse';
import type { IntakeParseResult } from './types';

function parsed(text: string | Uint8Array, name = 'upload.txt', format?: Parameters<typeof parseIntakeFile>[2]) {
  const r = parseIntakeFile(typeof text === 'string' ? enc(text) : text, name, format);
  if ('ok' in r) throw new Error(`expected a parse result, got: ${r.message}`);
  return r as IntakeParseResult;
}

function refused(text: string | Uint8Array, name = 'upload.txt', format?: Parameters<typeof parseIntakeFile>[2]) {
  const r = parseIntakeFile(typeof text === 'string' ? enc(text) : text, name, format);
  if (!('ok' in r)) throw new Error(`expected a refusal, got ${r.records.length} records`);
  return r.message;
}

const RIS_TWO =
  risEntry({
    title: 'Muscle-derived <i>extracellular vesicles</i>',
    authors: ['Müller, Hans', 'Doe, Jane'],
    year: 2021,
    doi: 'https://doi.org/10.1000/ABC.1',
    journal: 'J Extracell Vesicles',
    abstract: 'An abstract.',
    extra: ['KW  - exosomes', 'KW  - skeletal muscle'],
  }) + risEntry({ title: 'Second record', year: 2020 });

describe('RIS', () => {
  it('maps every field of an entry and numbers entries', () => {
    const r = parsed(RIS_TWO, 'export.ris');
    expect(r.format).toBe('ris');
    expect(r.report).toEqual([
      { row: 1, ok: true, title: 'Muscle-derived <i>extracellular vesicles</i>' },
      { row: 2, ok: true, title: 'Second record' },
    ]);
    const rec = r.records[0]!.record;
    expect(rec).toMatchObject({
      authors: ['Müller, Hans', 'Doe, Jane'],
      firstAuthor: 'muller',
      year: 2021,
      doi: '10.1000/abc.1',
      journal: 'J Extracell Vesicles',
      abstract: 'An abstract.',
      keywords: ['exosomes', 'skeletal muscle'],
      pmid: null,
      isPreprint: false,
    });
    expect(rec.raw.title).toBe('Muscle-derived <i>extracellular vesicles</i>');
    expect(r.records.map((x) => x.row)).toEqual([1, 2]);
  });

  it('takes a PubMed AN as PMID, a "PMID: n" note, a doi.org link in UR, and flags preprints', () => {
    const r = parsed(
      risEntry({
        title: 'A',
        extra: ['DB  - PubMed', 'AN  - 0031234567', 'UR  - https://doi.org/10.1101/2020.01.02.123456'],
      }) + risEntry({ title: 'B', extra: ['N1  - PMID: 42'] }),
    );
    expect(r.records[0]!.record).toMatchObject({
      pmid: '31234567',
      doi: '10.1101/2020.01.02.123456',
      isPreprint: true,
    });
    expect(r.records[1]!.record.pmid).toBe('42');
  });

  it('reads an entry without ER up to the next TY, warns, and ignores stray lines with a notice', () => {
    const text = 'garbage before\nTY  - JOUR\nTI  - No end\n' + risEntry({ title: 'Fine' });
    const r = parsed(text);
    expect(r.report[0]).toEqual({
      row: 1,
      ok: true,
      title: 'No end',
      message: expect.stringMatching(/^entry 1: no ER line/),
    });
    expect(r.report[1]).toEqual({ row: 2, ok: true, title: 'Fine' });
    expect(r.notices).toEqual(['1 line(s) outside any RIS entry (before a TY line) were ignored.']);
  });

  it('refuses an entry with neither title nor identifier, keeps one with only a DOI (warning)', () => {
    const r = parsed('TY  - JOUR\nAU  - X, Y\nER  - \n' + 'TY  - JOUR\nDO  - 10.1000/x\nER  - \n');
    expect(r.report[0]).toEqual({
      row: 1,
      ok: false,
      message: 'entry 1: no title and no DOI, PMID or PMCID; not imported',
    });
    expect(r.report[1]).toMatchObject({ row: 2, ok: true, message: 'entry 2: no title (kept for its identifier)' });
    expect(r.records.map((x) => x.row)).toEqual([2]);
  });

  it('refuses the entry with a 5 MB field, naming it, and keeps the others', () => {
    const huge = risEntry({ title: 'Huge', abstract: 'x'.repeat(5_000_000) });
    const r = parsed(risEntry({ title: 'Before' }) + huge + risEntry({ title: 'After' }));
    expect(r.report.map((x) => x.ok)).toEqual([true, false, true]);
    expect(r.report[1]!.message).toMatch(/^entry 2: the entry is 5,000,\d{3} characters long, more than the 200,000/);
    expect(r.records.map((x) => x.record.title)).toEqual(['Before', 'After']);
  });

  it('refuses a field just over the field limit after parsing, naming the field', () => {
    const r = parsed(risEntry({ title: 'Long', abstract: 'y'.repeat(MAX_FIELD_CHARS + 1) }));
    expect(r.report[0]!.message).toBe(
      `entry 1: field abstract (${(MAX_FIELD_CHARS + 1).toLocaleString('en')} characters) is longer than the 100,000 allowed; not imported`,
    );
  });

  it('keeps raw under the limit, cutting long fields', () => {
    const r = parsed(risEntry({ title: 'Raw', abstract: 'z'.repeat(90_000) }));
    const raw = r.records[0]!.record.raw;
    expect(JSON.stringify(raw).length).toBeLessThanOrEqual(MAX_RAW_CHARS);
    expect(raw).toMatchObject({ title: 'Raw', _truncated: true });
    expect(r.records[0]!.record.abstract).toHaveLength(90_000);
  });

  it('parses 10,000 entries', () => {
    const t0 = performance.now();
    const r = parsed(manyRis(10_000));
    expect(r.records).toHaveLength(10_000);
    expect(r.report.every((x) => x.ok)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});

describe('encodings and bad files', () => {
  it('decodes Latin-1 (Windows-1252) bytes with a notice', () => {
    const bytes = Uint8Array.from(
      Buffer.from(risEntry({ title: 'Caf\u00e9 \u201cquoted\u201d', authors: ['M\u00fcller, H'] }), 'latin1'),
    );
    bytes.set([0x93], bytes.indexOf(0x1c)); // U+201C was written as 0x1C by Buffer's latin1; put the cp1252 byte back
    bytes.set([0x94], bytes.indexOf(0x1d));
    const r = parsed(bytes);
    expect(r.records[0]!.record.title).toBe('Caf\u00e9 \u201cquoted\u201d');
    expect(r.records[0]!.record.firstAuthor).toBe('muller');
    expect(r.notices[0]).toMatch(/not valid UTF-8, so it was read as Windows-1252/);
  });

  it('reads UTF-8 with a BOM and UTF-16 with a BOM', () => {
    expect(parsed(enc('\uFEFF' + risEntry({ title: 'Bom \u00e9' }))).records[0]!.record.title).toBe('Bom \u00e9');
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(risEntry({ title: 'Wide \u00e9' }), 'utf16le')]);
    const r = parsed(new Uint8Array(u16));
    expect(r.records[0]!.record.title).toBe('Wide \u00e9');
    expect(r.notices).toEqual(['The file was read as UTF-16.']);
  });

  it('refuses an empty or blank file', () => {
    expect(refused(new Uint8Array(0), 'empty.ris')).toBe('"empty.ris" is empty.');
    expect(refused(' \n\t\n', 'blank.ris')).toBe('"blank.ris" is empty.');
  });

  it('refuses binary files: a PDF, a ZIP, NUL bytes, control characters', () => {
    expect(refused(enc('%PDF-1.7\n...'), 'a.ris')).toMatch(/^"a.ris" looks like a PDF, not a text file/);
    expect(refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'x.bib')).toMatch(/a ZIP archive/);
    expect(refused(new Uint8Array([0x54, 0x59, 0, 0, 1]), 'x.ris')).toMatch(/looks like a binary file/);
    const noisy = Uint8Array.from({ length: 4000 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x41));
    expect(refused(noisy, 'x.txt')).toMatch(/looks like a binary file/);
  });

  it(`refuses a file over ${MAX_INTAKE_BYTES} bytes before reading it`, () => {
    const big = new Uint8Array(MAX_INTAKE_BYTES + 1); // all NUL: would be "binary" if it were looked at
    expect(refused(big, 'big.ris')).toBe('"big.ris" is 20.0 MB; uploads are limited to 20.0 MB.');
    expect(MAX_INTAKE_BYTES).toBe(20 * 1024 * 1024);
  });

  it('refuses text in no known format and a format with no entries', () => {
    expect(refused('Dear editor,\nplease find attached.', 'letter.txt')).toMatch(
      /^Could not tell the format of "letter.txt"/,
    );
    expect(refused('just some words', 'x.ris', 'ris')).toBe('No RIS entries were found in "x.ris".');
  });
});

describe('format detection', () => {
  it('uses the content first, then the extension', () => {
    expect(detectFormat('TY  - JOUR\n', 'a.txt')).toBe('ris');
    expect(detectFormat('\n\nPMID- 123\nTI  - x\n', 'a.txt')).toBe('nbib');
    expect(detectFormat('% JabRef\n@article{a, title={x}}', 'a.txt')).toBe('bibtex');
    expect(detectFormat(' [ {"title":"x"} ]', 'a.ris')).toBe('csl_json');
    expect(detectFormat('10.1/a\n123456\n', 'a.bib')).toBe('ids');
    expect(detectFormat('% only a comment', 'refs.bib')).toBe('bibtex');
    expect(detectFormat('nothing', 'refs.txt')).toBeNull();
  });
});
