'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { TermPicker } from '@/components/ui/term-picker';
import type { TermKind } from '@/lib/vocab/sources';

/** One term chosen with the term picker; the form keeps its CURIE ('' for none), the chip shows its label. */
export function SingleTermPicker({
  id,
  label,
  kinds,
  value,
  onChange,
  hint,
  error,
  species,
  initialLabels,
}: {
  id: string;
  label: string;
  kinds: readonly TermKind[];
  value: string;
  onChange: (curie: string) => void;
  hint?: string;
  error?: string;
  /** The study's species: miRNA and gene suggestions are limited to it. */
  species?: string | null;
  /** Labels of the ids the field may start with (the chip shows the label, the form keeps the id). */
  initialLabels?: Readonly<Record<string, string>>;
}) {
  const [labels, setLabels] = useState<Record<string, string>>(() => ({ ...initialLabels }));
  const errorId = `${id}-error`;
  return (
    <div>
      <TermPicker
        id={id}
        label={label}
        kinds={kinds}
        species={species}
        value={value ? [{ curie: value, label: labels[value] ?? value }] : []}
        onChange={(v) => {
          const chosen = v[0];
          if (chosen?.curie) setLabels((l) => ({ ...l, [chosen.curie!]: chosen.label }));
          onChange(chosen?.curie ?? '');
        }}
        hint={hint}
        describedBy={error ? errorId : undefined}
        invalid={Boolean(error)}
      />
      {error && (
        <Alert inline id={errorId}>
          {error}
        </Alert>
      )}
    </div>
  );
}
