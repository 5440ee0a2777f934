import type { Mention } from '@/lib/annotate/types';
import type { SectionBlock } from '@/lib/sourcetext/blocks';
import { paragraphHtml } from '@/lib/sourcetext/render-html';

export const sectionId = (prefix: string, i: number) => `${prefix}-s${i}`;

/**
 * The snapshot's text as plain server-rendered HTML: one <section> per part with its heading, one <p> per
 * paragraph carrying its absolute offset. A paragraph's content is static HTML (lib/sourcetext/render-html.ts
 * escapes it) so that the browser may mark find matches in it without React owning those nodes.
 */
export function ReaderText({
  text,
  blocks,
  mentions,
  idPrefix,
}: {
  text: string;
  blocks: readonly SectionBlock[];
  mentions: readonly Mention[];
  idPrefix: string;
}) {
  return blocks.map((s, i) => (
    <section
      key={s.start}
      id={sectionId(idPrefix, i)}
      aria-labelledby={`${sectionId(idPrefix, i)}-h`}
      data-section={i}
      data-kind={s.kind}
    >
      <h3 id={`${sectionId(idPrefix, i)}-h`}>{s.title}</h3>
      {s.paragraphs.map((p) => (
        <p key={p.start} data-start={p.start} dangerouslySetInnerHTML={{ __html: paragraphHtml(text, p, mentions) }} />
      ))}
    </section>
  ));
}

/** Links to each part's heading; captions and references are parts too. */
export function SectionNav({ blocks, idPrefix }: { blocks: readonly SectionBlock[]; idPrefix: string }) {
  return (
    <nav aria-label="Sections of the text" data-testid="reader-sections">
      <ol>
        {blocks.map((s, i) => (
          <li key={s.start} data-kind={s.kind}>
            <a href={`#${sectionId(idPrefix, i)}`}>{s.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
