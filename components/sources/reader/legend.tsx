'use client';

import { MENTION_TYPES, type MentionType } from '@/lib/annotate/types';
import { MENTION_TYPE_LABELS } from '@/lib/sourcetext/render-html';
import styles from './reader.module.css';

/** Which kinds of term are highlighted: one checkbox per type found, each with a sample of its mark. */
export function Legend({
  counts,
  hidden,
  onToggle,
}: {
  counts: Partial<Record<MentionType, number>>;
  hidden: ReadonlySet<MentionType>;
  onToggle: (type: MentionType, show: boolean) => void;
}) {
  const types = MENTION_TYPES.filter((t) => (counts[t] ?? 0) > 0);
  if (types.length === 0) {
    return (
      <p className="hint" data-testid="reader-legend">
        No terms recognised in this text.
      </p>
    );
  }
  return (
    <fieldset className={styles.legend} data-testid="reader-legend">
      <legend>Highlighted terms</legend>
      {types.map((t) => (
        <label key={t} className={styles.legendItem}>
          <input type="checkbox" checked={!hidden.has(t)} onChange={(e) => onToggle(t, e.target.checked)} />{' '}
          <span className={styles.sample} data-type={t}>
            {MENTION_TYPE_LABELS[t]}
          </span>{' '}
          <span className="muted">({counts[t]})</span>
        </label>
      ))}
      <p className="hint">
        In the text, <kbd>]</kbd> and <kbd>[</kbd> move between highlights; <kbd>Enter</kbd> opens one.
      </p>
    </fieldset>
  );
}
