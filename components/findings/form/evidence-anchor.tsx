'use client';

import { type UseFormReturn, useWatch } from 'react-hook-form';
import type { FindingFormValues } from './types';

/**
 * Under the evidence quote: where the quote was selected in the source's stored text, and the curator's mark
 * for a quote typed by hand. A quote that claims a stored text must still match it at submission.
 */
export function EvidenceAnchorFields({ form }: { form: UseFormReturn<FindingFormValues> }) {
  const { control, register, setValue } = form;
  const [anchor, unverified] = useWatch({ control, name: ['evidenceAnchor', 'evidenceUnverified'] });
  return (
    <div className="field" data-testid="evidence-anchor">
      {anchor && !unverified ? (
        <p className="hint" id="evidenceAnchor-state">
          Selected in the stored text <code title={anchor.snapshot.sha256}>{anchor.snapshot.sha256.slice(0, 12)}</code>{' '}
          (characters {anchor.position.start.toLocaleString('en')}–{anchor.position.end.toLocaleString('en')}). If you
          edit the quote, it must still match that text when you submit.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setValue('evidenceAnchor', null, { shouldDirty: true })}
          >
            Forget the selection
          </button>
        </p>
      ) : (
        <p className="hint" id="evidenceAnchor-state">
          {unverified
            ? 'Marked as typed by hand: reviewers see “not verified against stored text”.'
            : 'Typed quotes are checked against the source’s stored text at submission when it has one; select a passage in the source’s text to anchor it exactly.'}
        </p>
      )}
      <label>
        <input type="checkbox" {...register('evidenceUnverified')} aria-describedby="evidenceAnchor-state" /> Not
        verified against stored text (typed from a figure, a table or a version of the paper the app does not hold)
      </label>
    </div>
  );
}
