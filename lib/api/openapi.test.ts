import { NO_TERMS } from '../vocab/term-ref';
import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { browseQuerySchema } from '../browse/filters';
import { EXPORT_COLUMN_NAMES } from '../export/columns';
import { toJsonRecord } from '../export/record';
import { toReleaseDto } from '../export/release';
import { ORGAN_IDS, SPECIES_IDS } from '../vocab';
import { toFindingDetailDto, toFindingSummaryDto } from './finding-dto';
import { toSourceDto } from './source-dto';
import { buildOpenApiDocument } from './openapi';

type Obj = { properties: Record<string, unknown>; required: string[] };
const doc = buildOpenApiDocument();
const schema = (name: string) => (doc.components.schemas as Record<string, Obj>)[name]!;
const keys = (o: object) => Object.keys(o).sort();

const source = {
  doi: '10.1007/s00125-014-3337-2',
  title: 'Exosomes participate',
  authors: 'Aswad, H., Forterre, A., et al.',
  journal: 'Diabetologia',
  year: 2014,
  volumePages: '57, 2155–2164',
};
const revision = {
  id: 11,
  revisionNo: 1,
  targetOrgan: 'UBERON:0001134',
  targetOrganLabel: 'Skeletal muscle',
  species: 'NCBITaxon:10090',
  speciesLabel: 'Mouse',
  origin: 'UBERON:0001134',
  originLabel: 'Skeletal muscle',
  direction: 'within_muscle',
  evSource: 'C2C12 cells',
  ...NO_TERMS,
  cargo: [{ name: 'Palmitate', type: 'lipid' as const }],
  recipientCell: 'C2C12 cells',
  modelDisease: 'Palmitate treatment',
  result: 'Transfer the deleterious effect of palmitate',
  studyType: null,
  effectDirection: 'promotes',
  mechanism: ['PTEN/AKT'],
  evType: null,
  separationMethods: [],
  particleAnalysis: ['nta'],
  emMethods: [],
  markersPositive: ['CD63'],
  markersNegative: [],
  evidenceQuote: '',
  evidenceLocation: 'Fig. 2',
  curatorNote: '',
};
const at = new Date('2026-01-02T03:04:05Z');
const finding = {
  publicId: 'EVX-000003',
  status: 'approved',
  latestRevisionId: 11,
  approvedRevisionId: 11,
  approvedAt: at,
};
const detailInput = {
  finding,
  source,
  revisions: [
    {
      id: 11,
      revisionNo: 1,
      authorId: 1,
      authorName: 'Import (system)',
      changeSummary: 'Imported',
      createdAt: at,
      submittedAt: at,
    },
  ],
  decisions: [{ revisionId: 11, decision: 'approve', reviewer: 'Robin Reviewer', createdAt: at }],
};

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const r = await validate(structuredClone(doc) as never);
    expect(r.valid ? '' : compileErrors(r)).toBe('');
    expect(r.warnings).toEqual([]);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('describes every /api/v1 path: findings, sources, export, releases and itself', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/v1/export',
        '/api/v1/findings',
        '/api/v1/findings/{id}',
        '/api/v1/openapi.json',
        '/api/v1/releases',
        '/api/v1/releases/{tag}/datapackage.json',
        '/api/v1/releases/{tag}/evidence.jsonld',
        '/api/v1/releases/{tag}/findings.csv',
        '/api/v1/releases/{tag}/findings.json',
        '/api/v1/sources/{doi}',
      ].sort(),
    );
  });

  it('documents every query parameter of the findings list, with the vocabularies as enums', () => {
    const params = doc.components.parameters as Record<string, { name: string; schema: { enum?: unknown[] } }>;
    const listed = doc.paths['/api/v1/findings'].get.parameters.map((p) => params[p.$ref.split('/').at(-1)!]!.name);
    expect(listed.sort()).toEqual(Object.keys(browseQuerySchema.shape).sort());
    // Organs and species are any term of their kind (the filter includes the terms under it): a pattern, not an enum.
    const organPattern = new RegExp((params.organ!.schema as { pattern: string }).pattern);
    expect(ORGAN_IDS.every((id) => organPattern.test(id))).toBe(true);
    expect(organPattern.test('CL:0000594')).toBe(false);
    const speciesPattern = new RegExp((params.species!.schema as { pattern: string }).pattern);
    expect(SPECIES_IDS.every((id) => speciesPattern.test(id))).toBe(true);
    const exportParams = doc.paths['/api/v1/export'].get.parameters.map((p) => params[p.$ref.split('/').at(-1)!]!.name);
    expect(exportParams).toEqual(expect.arrayContaining(['format', 'bom', 'organ', 'species', 'q']));
    expect(params.format!.schema.enum).toEqual(['csv', 'json', 'ndjson']);
  });

  it('documents exactly the keys the DTO mappers produce', () => {
    const summary = toFindingSummaryDto({
      ...revision,
      publicId: 'EVX-000003',
      status: 'approved',
      targetOrgan: 'Skeletal muscle',
      species: 'Mouse',
      origin: 'Skeletal muscle',
      doi: source.doi,
      year: 2014,
      authors: source.authors,
      approvedAt: at,
      updatedAt: at,
    });
    expect(keys(summary)).toEqual(keys(schema('FindingSummary').properties));
    expect(keys(summary)).toEqual([...schema('FindingSummary').required].sort());

    const detail = toFindingDetailDto(detailInput, revision, { viewer: { id: 1, role: 'curator' }, publicRead: true });
    expect(keys(detail)).toEqual(keys(schema('FindingDetail').properties));
    expect(schema('FindingDetail').required).not.toContain('history');
    expect(keys(toFindingDetailDto(detailInput, revision, { viewer: null, publicRead: true }))).toEqual(
      [...schema('FindingDetail').required].sort(),
    );

    const src = toSourceDto({ ...source, pmid: null, metadataOrigin: 'bundled', retracted: false }, []);
    expect(keys(src)).toEqual(keys(schema('Source').properties));

    const release = toReleaseDto(
      {
        tag: '2026.1.0',
        notes: '',
        createdAt: at,
        createdBy: 'Ada Admin',
        findingCount: 33,
        sourceCount: 33,
        checksum: 'a'.repeat(64),
        files: ['csv', 'json', 'datapackage', 'evidence'].map((format) => ({
          format,
          sha256: 'a'.repeat(64),
          bytes: 10,
        })),
      },
      'http://localhost:3000',
    );
    expect(keys(release)).toEqual(keys(schema('Release').properties));
    expect(keys(release.downloads)).toEqual(keys((schema('Release').properties.downloads as Obj).properties));
  });

  it('describes export records with the export columns, in order', () => {
    expect(Object.keys(schema('ExportRecord').properties)).toEqual(EXPORT_COLUMN_NAMES);
    const record = toJsonRecord({
      ...revision,
      findingId: 3,
      publicId: 'EVX-000003',
      revisionId: 11,
      source,
      approvedBy: 'Robin Reviewer',
      approvedAt: '2026-01-02T03:04:05Z',
    });
    expect(Object.keys(record)).toEqual(Object.keys(schema('ExportRecord').properties));
  });
});

describe('the finding DTO', () => {
  it('shows organ and species as label and id, cargo as {name, type}, the approving reviewer, and history only when signed in', () => {
    const anon = toFindingDetailDto(detailInput, revision, { viewer: null, publicRead: true });
    expect(anon).toMatchObject({
      finding_id: 'EVX-000003',
      target_organ: 'Skeletal muscle',
      target_organ_id: 'UBERON:0001134',
      species_id: 'NCBITaxon:10090',
      cargo: [{ name: 'Palmitate', type: 'lipid' }],
      approved: true,
      approved_by: 'Robin Reviewer',
      approved_at: '2026-01-02T03:04:05.000Z',
      source: { doi: source.doi, year: 2014, journal: 'Diabetologia' },
    });
    expect(anon.source.citation).toContain('doi:10.1007/s00125-014-3337-2');
    expect(anon.history).toBeUndefined();
    const signedIn = toFindingDetailDto(detailInput, revision, {
      viewer: { id: 2, role: 'curator' },
      publicRead: true,
    });
    expect(signedIn.history).toEqual([
      {
        revision: 1,
        author: 'Import (system)',
        created_at: at.toISOString(),
        submitted_at: at.toISOString(),
        change_summary: 'Imported',
        state: 'approved',
      },
    ]);
  });

  it('shows anonymous callers an approved finding as approved while an edit of it awaits review', () => {
    const row = {
      ...revision,
      publicId: 'EVX-000003',
      status: 'submitted',
      targetOrgan: 'Skeletal muscle',
      species: 'Mouse',
      origin: 'Skeletal muscle',
      doi: source.doi,
      year: 2014,
      authors: null,
      approvedAt: at,
      updatedAt: at,
    };
    expect(toFindingSummaryDto(row).status).toBe('approved');
    expect(toFindingSummaryDto(row, { id: 1, role: 'curator' }).status).toBe('submitted');
  });

  it('leaves other people’s drafts out of the history', () => {
    const withDraft = {
      ...detailInput,
      finding: { ...finding, status: 'draft', latestRevisionId: 12 },
      revisions: [
        ...detailInput.revisions,
        {
          id: 12,
          revisionNo: 2,
          authorId: 7,
          authorName: 'Casey',
          changeSummary: '',
          createdAt: at,
          submittedAt: null,
        },
      ],
    };
    expect(
      toFindingDetailDto(withDraft, revision, { viewer: { id: 2, role: 'curator' }, publicRead: true }).history!.map(
        (h) => h.revision,
      ),
    ).toEqual([1]);
    expect(
      toFindingDetailDto(withDraft, revision, { viewer: { id: 7, role: 'curator' }, publicRead: true }).history!.map(
        (h) => [h.revision, h.state],
      ),
    ).toEqual([
      [1, 'approved'],
      [2, 'draft'],
    ]);
    // The public sees the approved revision as approved, whatever is in progress.
    expect(toFindingDetailDto(withDraft, revision, { viewer: null, publicRead: true }).status).toBe('approved');
  });
});
