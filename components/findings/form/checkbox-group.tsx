'use client';

import type { UseFormRegisterReturn } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';

/** A labelled group of checkboxes sharing one field (react-hook-form collects the checked values). */
export function CheckboxGroup({
  id,
  legend,
  options,
  registration,
  error,
}: {
  id: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  registration: UseFormRegisterReturn;
  error?: string;
}) {
  return (
    <fieldset className="field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend style={{ fontWeight: 600 }}>{legend}</legend>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1rem' }}>
        {options.map((o) => (
          <label key={o.value} style={{ fontWeight: 400 }}>
            <input type="checkbox" value={o.value} {...registration} /> {o.label}
          </label>
        ))}
      </div>
      {error && (
        <Alert inline id={`${id}-error`}>
          {error}
        </Alert>
      )}
    </fieldset>
  );
}
