import { describe, expect, it } from 'vitest';
import { buildEvidenceCollection, evidenceBytes } from './evidence-jsonld';
import { makeExportRow } from './export-test-kit';
import type { ExportRow } from './record';
import { evidenceCollectionShape } from './evidence-test-kit';

const anchor = {
  snapshot: { sha256: 'a1'.repeat(32) },
  quote: { type: 'TextQuoteSelector' as const, exact: 'miR-27a promotes it', prefix: 'We "saw", ', suffix: '\n=x' },
  position: { type: 'TextPositionSelector' as const, start: 10, end: 29 },
};

async function* rows(...xs: ExportRow[]) {
  yield* xs;
}

describe('evidence.jsonld', () => {
  it('has one annotation per quote: anchored ones with both selectors and the snapshot hash, typed ones by quote only', async () => {
    const anchored = makeExportRow({
      publicId: 'EVX-000001',
      evidenceQuote: 'miR-27a promotes it',
      evidenceAnchor: anchor,
      evidenceVerified: true,
    });
    const typed = makeExportRow({ publicId: 'EVX-000002', evidenceQuote: 'From Fig. 3', evidenceVerified: false });
    const none = makeExportRow({ publicId: 'EVX-000003', evidenceQuote: '' });
    const c = await buildEvidenceCollection(rows(anchored, typed, none), {
      tag: '2026.11.0',
      origin: 'https://evx.example.org/',
    });
    expect(evidenceCollectionShape.safeParse(c).error).toBeUndefined();
    expect(c['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(c.id).toBe('https://evx.example.org/api/v1/releases/2026.11.0/evidence.jsonld');
    expect(c.total).toBe(2);
    const [a, b] = c.first.items;
    expect(a).toEqual({
      id: 'https://evx.example.org/findings/EVX-000001#evidence',
      type: 'Annotation',
      motivation: 'describing',
      body: {
        type: 'SpecificResource',
        source: 'https://evx.example.org/findings/EVX-000001',
        purpose: 'describing',
        'evx:revision': 3,
      },
      target: {
        source: 'https://doi.org/10.1000/x.1',
        selector: [anchor.quote, anchor.position],
        'evx:snapshotSha256': anchor.snapshot.sha256,
        'evx:verified': true,
      },
    });
    expect(b!.target).toEqual({
      source: 'https://doi.org/10.1000/x.1',
      selector: [{ type: 'TextQuoteSelector', exact: 'From Fig. 3' }],
      'evx:verified': false,
    });
    // Bytes: JSON that parses back to the same collection, ending with a newline.
    const bytes = evidenceBytes(c);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(c);
    expect(bytes.toString('utf8').endsWith('}\n')).toBe(true);
  });

  it('the shape check refuses a collection missing a required key or with a broken selector', async () => {
    const c = await buildEvidenceCollection(
      rows(makeExportRow({ evidenceQuote: 'q', evidenceAnchor: anchor, evidenceVerified: true })),
      { tag: '2026.11.0', origin: 'https://evx.example.org' },
    );
    const { total: _total, ...noTotal } = c;
    expect(evidenceCollectionShape.safeParse(noTotal).success).toBe(false);
    const broken = structuredClone(c);
    broken.first.items[0]!.target.selector = [{ type: 'TextPositionSelector', start: 1, end: 2 }];
    expect(evidenceCollectionShape.safeParse(broken).success).toBe(false);
    const noContext = { ...c, '@context': 'http://www.w3.org/ns/anno.jsonld' };
    expect(evidenceCollectionShape.safeParse(noContext).success).toBe(false);
  });
});
