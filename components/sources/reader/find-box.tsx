'use client';

import { type Ref, useId } from 'react';
import { findStatus, type useFind } from './use-find';
import styles from './reader.module.css';

/** "Find in text": Enter = next, Shift+Enter = previous, Escape clears; the status says "3 of 12". */
export function FindBox({ find, inputRef }: { find: ReturnType<typeof useFind>; inputRef: Ref<HTMLInputElement> }) {
  const id = useId();
  const status = findStatus(find.state);
  const none = find.state.shown === 0;
  return (
    <div className={styles.find} role="search">
      <label htmlFor={id}>Find in text</label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        value={find.query}
        autoComplete="off"
        aria-describedby={`${id}-status ${id}-keys`}
        data-testid="reader-find"
        onChange={(e) => find.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (e.shiftKey) find.previous();
            else find.next();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            find.clear();
          }
        }}
      />
      <button type="button" className="btn" onClick={find.previous} disabled={none} aria-label="Previous match">
        ↑
      </button>
      <button type="button" className="btn" onClick={find.next} disabled={none} aria-label="Next match">
        ↓
      </button>
      <span id={`${id}-status`} role="status" className={styles.findStatus} data-testid="reader-find-status">
        {status}
      </span>
      <span id={`${id}-keys`} className="hint">
        Press <kbd>/</kbd> to find; <kbd>Enter</kbd> next, <kbd>Shift</kbd>+<kbd>Enter</kbd> previous.
      </span>
    </div>
  );
}
