import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMN_NAMES } from './columns';
import { buildDataPackage } from './datapackage';

describe('datapackage.json', () => {
  const pkg = buildDataPackage({
    tag: '2026.11.0',
    created: new Date('2026-11-27T10:00:00Z'),
    csvSha256: 'ab'.repeat(32),
    csvBytes: 12345,
  });

  it('is a tabular data package named evx-crosstalk, versioned by the tag, CC BY 4.0', () => {
    expect(pkg).toMatchObject({
      profile: 'tabular-data-package',
      name: 'evx-crosstalk',
      version: '2026.11.0',
      created: '2026-11-27T10:00:00.000Z',
      licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
    });
    expect(pkg.title).toContain('2026.11.0');
    expect(pkg.description).toContain('CC BY 4.0');
  });

  it('describes findings.csv: hash, size, dialect and one typed field per export column', () => {
    expect(pkg.resources).toHaveLength(1);
    const r = pkg.resources[0]!;
    expect(r).toMatchObject({
      name: 'findings',
      path: 'findings.csv',
      format: 'csv',
      encoding: 'utf-8',
      hash: `sha256:${'ab'.repeat(32)}`,
      bytes: 12345,
    });
    expect(r.dialect.lineTerminator).toBe('\r\n');
    expect(r.schema.primaryKey).toBe('finding_id');
    expect(r.schema.fields.map((f) => f.name)).toEqual(EXPORT_COLUMN_NAMES);
    const field = (n: string) => r.schema.fields.find((f) => f.name === n)!;
    expect(field('revision').type).toBe('integer');
    expect(field('approved_at').type).toBe('datetime');
    expect(field('ev_cargo')).toMatchObject({ type: 'string' });
    expect(field('ev_cargo').description).toContain('"; "-separated');
    expect(field('result').description).not.toContain('separated');
    for (const f of r.schema.fields) expect(f.description.length).toBeGreaterThan(0);
  });
});
