import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractJats, jatsAbstractToText } from './jats';
import { okValue, outline } from './sections-test-kit';
import { SOURCE_TEXT_LIMITS } from './types';

const fixtureBytes = readFileSync(new URL('./fixtures/muscle-ev-article.xml', import.meta.url));
const article = (body: string, front = '') =>
  `<?xml version="1.0"?><article><front><article-meta>${front}</article-meta></front><body>${body}</body></article>`;

function failure(xml: string | Uint8Array) {
  const r = extractJats(xml);
  if (r.ok) throw new Error('expected a failure');
  return r;
}

describe('extractJats: the fixture article', () => {
  const v = okValue(extractJats(fixtureBytes));
  const slice = (i: number) => v.text.slice(v.sections[i]?.start, v.sections[i]?.end);

  it('maps front, body, captions, back and references to sections in order', () => {
    expect(outline(v).map(([kind, title]) => [kind, title])).toEqual([
      ['title', 'Title'],
      ['abstract', 'Abstract'],
      ['introduction', 'Introduction'],
      ['methods', 'Materials and methods'],
      ['results', 'Results'],
      ['discussion', 'Discussion'],
      ['conclusion', 'Conclusions'],
      ['caption', 'Figure 1'],
      ['caption', 'Table 1'],
      ['other', 'Acknowledgements'],
      ['references', 'References'],
    ]);
  });

  it('flattens inline markup and decodes character references', () => {
    expect(slice(0)).toBe(
      'Exercised skeletal muscle releases miR-133a-rich extracellular vesicles that reach white adipose tissue',
    );
    expect(v.text).toContain('(p < 0.01)');
    expect(v.text).toContain('aged 10–12 weeks');
    expect(v.text).toContain('2,500 × g to remove platelets. Platelet-poor plasma (500 μL)');
    expect(v.text).toContain('distant organs 1, 2. Myokines');
    expect(v.text).toContain('Student’s t test; p<0.05 was taken');
  });

  it('keeps sub-headings as lines inside their top-level section, paragraphs apart', () => {
    expect(slice(3).startsWith('2 Materials and methods\n\n2.1 Animals and exercise\n\nMale C57BL/6J')).toBe(true);
    expect(slice(3)).toContain('\n\n2.4 Statistics\n\n');
    expect(slice(2).split('\n\n')).toHaveLength(4);
  });

  it('moves figure and table captions out of the body, leaves out the table and graphical abstract', () => {
    expect(slice(3)).not.toContain('Characterisation');
    expect(slice(7)).toBe(
      'Figure 1\n\nCharacterisation of plasma EVs.\n\n(A) Size distribution by nanoparticle tracking analysis. ' +
        '(B) Transmission electron micrograph; scale bar, 100 nm. (C) Immunoblot for CD63, TSG101 and the negative marker calnexin.',
    );
    expect(slice(8)).toBe('Table 1\n\nMicroRNA levels in plasma EVs after running, relative to sedentary mice.');
    expect(v.text).not.toContain('Fold change');
    expect(v.text).not.toContain('running mouse sends');
  });

  it('writes one reference per line, structured citations with spaces', () => {
    expect(slice(10).split('\n')).toEqual([
      'References',
      '',
      '1. Doe J, Roe R. Exercise as medicine for distant organs. Invented Physiol Rev. 2019;12:1–20.',
      '2. Smith A Myokines revisited Invented Endocrinol 2020 8 44',
      '3. Lee K, Park S. Vesicles from muscle fibres. Invented Cell Rep. 2021;3:100–110.',
    ]);
  });

  it('reads the same from a string as from bytes', () => {
    expect(okValue(extractJats(fixtureBytes.toString('utf8')))).toEqual(v);
  });
});

describe('extractJats: other shapes', () => {
  it('takes the kind from the title when sec-type is missing, else other; loose paragraphs are body', () => {
    const v = okValue(
      extractJats(
        article(
          '<p>Lead paragraph.</p><sec><title>Methods</title><p>M.</p></sec><sec><title>Muscle and fat</title><p>X.</p></sec>',
        ),
      ),
    );
    expect(outline(v)).toEqual([
      ['body', 'Text', 'Lead paragraph.'],
      ['methods', 'Methods', 'Methods\n\nM.'],
      ['other', 'Muscle and fat', 'Muscle and fat\n\nX.'],
    ]);
  });

  it('refuses an article without text, and a root other than <article>', () => {
    expect(failure(article('')).code).toBe('no_text');
    const r = failure('<html><body><p>Hi</p></body></html>');
    expect(r.code).toBe('not_jats');
    expect(r.message).toContain('<html>');
  });
});

describe('extractJats: hostile and broken input', () => {
  let server: Server;
  let dtdUrl: string;
  let requests = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.end('<!ENTITY x "fetched">');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    dtdUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/article.dtd`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses an external entity (XXE) before parsing', () => {
    const r = failure(
      `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><article><body><p>&e;</p></body></article>`,
    );
    expect(r.code).toBe('xml_entities');
    expect(r.message).toMatch(/declares its own entities/);
  });

  it('refuses an entity-expansion bomb at once', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY l0 "lol">${levels}]><article><body><p>&l9;</p></body></article>`;
    const t0 = performance.now();
    expect(failure(bomb).code).toBe('xml_entities');
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('refuses a parameter entity and an internal subset without <!ENTITY', () => {
    const pe = `<!DOCTYPE x [<!ENTITY % remote SYSTEM "${'http://127.0.0.1:9/x.dtd'}"> %remote;]><article/>`;
    expect(failure(pe).code).toBe('xml_entities');
    expect(failure('<!DOCTYPE article [ <!ATTLIST p id ID #IMPLIED> ]><article/>').code).toBe('xml_entities');
  });

  it('accepts an external DOCTYPE and never fetches it', async () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE article PUBLIC "-//NLM//DTD JATS//EN" "${dtdUrl}">${article('<p>Muscle EVs.</p>').replace('<?xml version="1.0"?>', '')}`;
    expect(okValue(extractJats(xml)).text).toBe('Muscle EVs.');
    // An entity the DTD would declare is not looked up either: the document is refused as not well-formed.
    expect(failure(`<!DOCTYPE article SYSTEM "${dtdUrl}"><article><body><p>&x;</p></body></article>`).code).toBe(
      'bad_xml',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toBe(0);
  });

  it('refuses Latin-1 bytes that do not say so, reads them when declared', () => {
    const body = article('<p>Caf\u00e9 muscle</p>');
    const latin1 = Buffer.from(body, 'latin1');
    const r = failure(latin1);
    expect(r.code).toBe('bad_encoding');
    expect(r.message).toMatch(/not valid UTF-8.*Save it as UTF-8/);
    const declared = Buffer.from(
      body.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>'),
      'latin1',
    );
    expect(okValue(extractJats(declared)).text).toBe('Café muscle');
  });

  it('refuses UTF-16 and unknown declared encodings, accepts a UTF-8 BOM', () => {
    expect(failure(Buffer.from('\ufeff<article/>', 'utf16le')).message).toMatch(/UTF-16/);
    expect(failure(Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><article/>')).message).toMatch(/shift_jis/);
    expect(okValue(extractJats(Buffer.from(`\ufeff${article('<p>BOM</p>')}`))).text).toBe('BOM');
  });

  it('refuses documents over the XML size limit, as bytes or as text', () => {
    const big = new Uint8Array(SOURCE_TEXT_LIMITS.maxXmlBytes + 1).fill(0x20);
    expect(failure(big).code).toBe('too_large');
    expect(failure(' '.repeat(SOURCE_TEXT_LIMITS.maxXmlBytes + 1)).code).toBe('too_large');
    expect(failure('é'.repeat(SOURCE_TEXT_LIMITS.maxXmlBytes / 2 + 1)).code).toBe('too_large');
  });

  it('refuses malformed XML with where it broke', () => {
    const r = failure('<article>\n<body>\n<p>open</body></article>');
    expect(r.code).toBe('bad_xml');
    expect(r.message).toMatch(/line 3, column \d+/);
    expect(failure('<article><p>&bogus;</p></article>').code).toBe('bad_xml');
    expect(failure('').code).toBe('bad_xml');
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const deep = `<article><body>${'<sec>'.repeat(5000)}x${'</sec>'.repeat(5000)}</body></article>`;
    expect(failure(deep).message).toMatch(/nested more than/);
  });
});

describe('jatsAbstractToText', () => {
  it('reads Crossref’s jats:-prefixed fragment: title first, paragraphs apart, entities decoded', () => {
    const fragment =
      '<jats:title>Abstract</jats:title><jats:p>Muscle <jats:italic>EVs</jats:italic> carry miR-133a; ' +
      'p &lt; 0.05 &amp; n&#x2009;=&#x2009;6.</jats:p>\n<jats:p>Second <jats:sup>2</jats:sup>.</jats:p>';
    expect(jatsAbstractToText(fragment)).toBe(
      'Abstract\n\nMuscle EVs carry miR-133a; p < 0.05 & n\u2009=\u20096.\n\nSecond 2.',
    );
  });

  it('reads structured abstracts and a wrapping <abstract>', () => {
    const fragment =
      '<jats:abstract><jats:sec><jats:title>Aims</jats:title><jats:p>A.</jats:p></jats:sec>' +
      '<jats:sec><jats:title>Results</jats:title><jats:p>R.</jats:p></jats:sec></jats:abstract>';
    expect(jatsAbstractToText(fragment)).toBe('Aims\n\nA.\n\nResults\n\nR.');
  });

  it('falls back to stripping tags when the fragment is not XML, and refuses entity declarations', () => {
    expect(jatsAbstractToText('<p>EV numbers rose (p < 0.05) &amp; fell.</p>')).toBe(
      'EV numbers rose (p < 0.05) & fell.',
    );
    expect(jatsAbstractToText('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>&e;</p>')).toBe('');
    expect(jatsAbstractToText('   ')).toBe('');
  });
});
