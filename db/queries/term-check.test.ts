import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { parseImportFile } from '../../lib/import/parse';
import { toExportRecord } from '../../lib/export/record';
import {
  countOf,
  domainFailure,
  makeBrowseQuery,
  makeContent,
  MOUSE,
  openSeededDb,
  testEngines,
  type TestDb,
} from '../test-utils';
import { toFindingSummaryDto } from '../../lib/api/finding-dto';
import { browseFindings } from './browse';
import { type Actor, createFinding } from './curation';
import { iterateExportRows } from './export';
import { dryRunImport } from './import';
import { resolveImportLabels } from './import-terms';

const BONE_MARROW = 'UBERON:0002371';
const C2C12 = 'cellosaurus:CVCL_0188';
const SATELLITE_CELL = 'CL:0000594';
const MMU_MIR_206_3P = 'mirbase.mature:MIMAT0000239';
const HUMAN = 'NCBITaxon:9606';

for (const engine of testEngines()) {
  describe(`grounded fields on ${engine}`, () => {
    let t: TestDb;
    let curator: Actor;
    let sourceId: number;
    const stored = () =>
      countOf(t, 'select (select count(*) from findings) + (select count(*) from finding_revisions) as n');

    beforeAll(async () => {
      ({ t, curator } = await openSeededDb(engine));
      sourceId = (await t.query<{ id: number }>('select id from sources order by id limit 1'))[0]!.id;
    });
    afterAll(() => t.dispose());

    it('stores grounded values with the terms’ own labels, and the export row carries the CURIEs', async () => {
      const f = await createFinding(t.db, curator, {
        sourceId,
        content: makeContent({
          origin: BONE_MARROW,
          evSourceTerms: [{ curie: C2C12, label: 'typed by hand' }, { label: 'myotubes' }],
          recipientCellTerms: [{ curie: SATELLITE_CELL, label: 'satellite cell' }],
          cargo: [{ name: 'miR-206', type: 'miRNA', curie: MMU_MIR_206_3P }],
        }),
      });
      const [rev] = await t.query<{ ev: unknown; origin_label: string; cargo: unknown }>(
        'select ev_source_terms as ev, origin_label, cargo from finding_revisions where id = $1',
        [f.revisionId],
      );
      expect(rev!.ev).toEqual([
        { curie: C2C12, label: 'C2C12' },
        { curie: null, label: 'myotubes' },
      ]);
      expect(rev!.origin_label).toBe('bone marrow');
      const [curies] = await t.query<{ term_curies: string[] }>('select term_curies from findings where id = $1', [
        f.findingId,
      ]);
      expect(curies!.term_curies).toEqual(expect.arrayContaining([BONE_MARROW, C2C12, SATELLITE_CELL, MMU_MIR_206_3P]));
      // Approve it and read it back through the export.
      await t.query(
        `update findings set approved_revision_id = latest_revision_id, status = 'approved', approved_at = now() where id = $1`,
        [f.findingId],
      );
      const rows = [];
      for await (const r of iterateExportRows(t.db, { conditions: [] })) if (r.findingId === f.findingId) rows.push(r);
      // The read API's list names the donor organ by its UBERON id too, not only the review's organ groups.
      const listed = await browseFindings(t.db, makeBrowseQuery({ origin: BONE_MARROW }), null);
      expect(listed.rows.map((r) => toFindingSummaryDto(r))).toEqual([
        expect.objectContaining({ origin: 'bone marrow', origin_id: BONE_MARROW, finding_id: f.publicId }),
      ]);
      const record = toExportRecord(rows[0]!);
      expect(record).toMatchObject({
        origin_id: BONE_MARROW,
        ev_source_ids: `${C2C12}; `,
        recipient_cell_ids: SATELLITE_CELL,
        ev_cargo_ids: MMU_MIR_206_3P,
      });
    });

    const refused = async (over: Record<string, unknown>) => {
      const before = await stored();
      const e = await domainFailure(createFinding(t.db, curator, { sourceId, content: makeContent(over) }));
      expect(e.kind).toBe('invalid');
      expect(await stored()).toBe(before);
      return (e.details?.fields ?? {}) as Record<string, string>;
    };

    it('refuses an unknown CURIE, naming the field', async () => {
      const fields = await refused({ evSourceTerms: [{ curie: 'UBERON:9999999', label: 'x' }] });
      expect(fields['evSourceTerms.0.curie']).toMatch(/^Unknown term id UBERON:9999999/);
    });

    it('refuses an obsolete CURIE and names its replacement', async () => {
      await t.query(`update terms set obsolete = true, replaced_by = 'CL:0000188' where curie = $1`, [SATELLITE_CELL]);
      try {
        const fields = await refused({ recipientCellTerms: [{ curie: SATELLITE_CELL, label: 'x' }] });
        expect(fields['recipientCellTerms.0.curie']).toContain('obsolete; it was replaced by CL:0000188');
      } finally {
        await t.query(`update terms set obsolete = false, replaced_by = null where curie = $1`, [SATELLITE_CELL]);
      }
    });

    it('refuses a term of the wrong vocabulary for the field', async () => {
      const fields = await refused({
        targetOrgan: SATELLITE_CELL,
        recipientCellTerms: [{ curie: BONE_MARROW, label: 'x' }],
      });
      expect(fields.targetOrgan).toContain('is a cell type (CL); a target organ takes an anatomy term (UBERON)');
      expect(fields['recipientCellTerms.0.curie']).toContain('is an anatomy term (UBERON)');
    });

    it('refuses a mouse miRNA in a human study', async () => {
      const fields = await refused({
        species: HUMAN,
        cargo: [{ name: 'miR-206', type: 'miRNA', curie: MMU_MIR_206_3P }],
      });
      expect(fields['cargo.0.curie']).toBe(
        'mmu-miR-206-3p is a Mus musculus miRNA; this study’s species is Homo sapiens.',
      );
    });

    it('refuses 10,000 terms in a list with a field error, storing nothing', async () => {
      const many = Array.from({ length: 10_000 }, (_, i) => ({ curie: null, label: `cell ${i}` }));
      const fields = await refused({ recipientCellTerms: many });
      expect(fields.recipientCellTerms).toBe('At most 50 recipient cells.');
    });

    it('the importer takes labels or CURIEs: a label names its term, an unknown one is a row problem', async () => {
      const header = [
        'target_organ',
        'species',
        'ev_source',
        'ev_source_terms',
        'ev_cargo',
        'recipient_cell',
        'result',
        'direction',
        'doi',
      ];
      const doi = (await t.query<{ doi: string }>('select doi from sources where id = $1', [sourceId]))[0]!.doi;
      const line = (organ: string, terms: string) => [
        organ,
        'Mouse',
        'C2C12 cells',
        terms,
        '',
        'BMSCs',
        'A result.',
        'muscle_to_organ',
        doi,
      ];
      const csv = stringify([header, line('bone marrow', 'C2C12; myotubes'), line('Spleenish', C2C12)]);
      const parsed = parseImportFile(new TextEncoder().encode(csv));
      if (!parsed.ok) throw new Error(parsed.message);
      const report = await dryRunImport(t.db, curator, parsed.parsed.rows);
      expect(report.rows[0]!.problems).toEqual([]);
      expect(report.rows[1]!.problems.map((p) => p.field)).toEqual(['target_organ']);
      expect(report.rows[1]!.problems[0]!.message).toContain('Unknown target organ "Spleenish"');
      const [first, second] = await resolveImportLabels(t.db, parsed.parsed.rows);
      expect(first!.content).toMatchObject({
        targetOrgan: BONE_MARROW,
        species: MOUSE,
        evSourceTerms: [
          { curie: C2C12, label: 'C2C12' },
          { curie: null, label: 'myotubes' },
        ],
      });
      expect(second!.content.evSourceTerms).toEqual([{ curie: C2C12, label: C2C12 }]);
    });
  });
}
