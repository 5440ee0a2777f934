import type { ReactNode } from 'react';
import { MENTION_TYPES, type Mention, type MentionType } from '@/lib/annotate/types';
import { MENTION_TYPE_LABELS, mentionTitle } from '@/lib/sourcetext/render-html';
import styles from './screening.module.css';

/**
 * A text with the pre-annotation tagger's mentions (lib/annotate) as <mark>s, rendered on the server. React
 * escapes the text; a mention that overlaps an earlier one or falls outside the text is left unmarked.
 */
export function HighlightedText({ text, mentions }: { text: string; mentions: readonly Mention[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end > text.length || m.end <= m.start) continue;
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(
      <mark key={m.start} className={styles.mark} data-type={m.type} title={mentionTitle(m)}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** Which kinds of term are highlighted, each with a sample of its mark; nothing when none was found. */
export function HighlightLegend({ mentions }: { mentions: readonly Mention[] }) {
  const found = new Set<MentionType>(mentions.map((m) => m.type));
  const types = MENTION_TYPES.filter((t) => found.has(t));
  if (types.length === 0) return null;
  return (
    <p className="hint" data-testid="highlight-legend">
      Highlighted terms:{' '}
      {types.map((t, i) => (
        <span key={t}>
          {i > 0 && ', '}
          <mark className={styles.mark} data-type={t}>
            {MENTION_TYPE_LABELS[t]}
          </mark>
        </span>
      ))}
    </p>
  );
}
