'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { submitFindingAction } from '@/app/findings/actions';
import { fromFormValues, type FindingFormValues } from './types';
import type { useAutosave } from './use-autosave';
import type { useFindingSaves } from './use-finding-saves';

/** Submit for review: save what is pending first, then submit that draft and go to the finding. */
export function useSubmitFinding(
  form: UseFormReturn<FindingFormValues>,
  saves: ReturnType<typeof useFindingSaves>,
  autosave: ReturnType<typeof useAutosave>,
) {
  const router = useRouter();
  const [submitting, setSubmitting] = useState(false);
  const { ids, editSession, setDuplicates, applyFailure } = saves;

  const onSubmit = form.handleSubmit(async () => {
    setSubmitting(true);
    setDuplicates([]);
    try {
      await autosave.flush();
      if (autosave.isPaused() || ids.current.findingId == null) return;
      const { content, changeSummary } = fromFormValues(form.getValues());
      const r = await submitFindingAction({
        findingId: ids.current.findingId,
        lockVersion: ids.current.lockVersion,
        content,
        changeSummary,
        editSession,
      });
      if (!r.ok) {
        applyFailure(r);
        return;
      }
      router.push(`/findings/${ids.current.publicId}?submitted=1`);
      router.refresh();
    } finally {
      setSubmitting(false);
    }
  });

  return { onSubmit, submitting };
}
