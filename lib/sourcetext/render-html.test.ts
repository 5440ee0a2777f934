import { describe, expect, it } from 'vitest';
import type { Mention } from '@/lib/annotate/types';
import { buildBlocks } from './blocks';
import { escapeHtml, mentionTitle, paragraphHtml } from './render-html';

/** What the browser's text content of the HTML would be (tags dropped, the five entities and CR decoded). */
function textContent(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(
      /&(lt|gt|quot|#39|#13);/g,
      (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#13': '\r' })[e]!,
    )
    .replace(/&amp;/g, '&');
}

const mention = (text: string, s: string, extra: Partial<Mention> = {}): Mention => ({
  start: text.indexOf(s),
  end: text.indexOf(s) + s.length,
  text: s,
  type: 'mirna',
  curie: null,
  label: null,
  ...extra,
});

describe('paragraphHtml', () => {
  it('keeps the text content exactly the paragraph, whatever it holds', () => {
    const text = 'A <script>alert("x")</script> & miR-21 \'q\'\r\nline two';
    const ms = [mention(text, 'miR-21', { curie: 'MIMAT0000076', label: 'hsa-miR-21-5p' })];
    const p = buildBlocks({ text, sections: [] }, ms, [{ start: 0, end: 3 }])[0]!.paragraphs[0]!;
    const html = paragraphHtml(text, p, ms);
    expect(textContent(html)).toBe(text);
    expect(html).not.toContain('<script');
    expect(html).toContain('&#13;\nline two');
    expect(html).toContain('<mark data-match="">A &lt;</mark>');
  });

  it('marks mentions with their type and term, escaping attribute values', () => {
    const text = 'CD63 and "odd" term';
    const ms: Mention[] = [
      mention(text, 'CD63', { type: 'marker', curie: 'HGNC:1692', label: 'CD63', name: 'CD63' }),
      mention(text, '"odd"', {
        type: 'gene',
        candidates: [
          { curie: 'X:1', label: 'a"b' },
          { curie: 'X:2', label: '<c>' },
        ],
      }),
    ];
    const p = buildBlocks({ text, sections: [] }, ms)[0]!.paragraphs[0]!;
    const html = paragraphHtml(text, p, ms);
    expect(html).toContain(
      '<mark data-mention="0" data-type="marker" tabindex="-1" title="marker: CD63 (HGNC:1692)" data-curie="HGNC:1692" data-label="CD63" data-name="CD63">CD63</mark>',
    );
    expect(html).toContain(
      'data-candidates="[{&quot;curie&quot;:&quot;X:1&quot;,&quot;label&quot;:&quot;a\\&quot;b&quot;}',
    );
    expect(html).toContain('title="gene/protein: 2 candidate terms"');
    expect(textContent(html)).toBe(text);
  });

  it('keeps one mention mark around a find match that cuts it', () => {
    const text = 'hsa-miR-21-5p';
    const ms = [mention(text, text, { misev: undefined })];
    const p = buildBlocks({ text, sections: [] }, ms, [{ start: 4, end: 7 }])[0]!.paragraphs[0]!;
    expect(paragraphHtml(text, p, ms)).toBe(
      '<mark data-mention="0" data-type="mirna" tabindex="-1" title="miRNA: not grounded">hsa-<mark data-match="">miR</mark>-21-5p</mark>',
    );
  });
});

describe('escapeHtml and mentionTitle', () => {
  it('escapes the characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href='x'>"&"</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;');
  });
  it('names a term by label, else its name', () => {
    const base = { start: 0, end: 3, text: 'NTA', curie: null, label: null } as const;
    expect(mentionTitle({ ...base, type: 'ev_method', name: 'nanoparticle tracking analysis' })).toBe(
      'EV method: nanoparticle tracking analysis',
    );
  });
});
