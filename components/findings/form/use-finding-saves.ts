'use client';

import { useRef, useState } from 'react';
import type { Path, UseFormReturn } from 'react-hook-form';
import { createFindingAction, saveDraftAction } from '@/app/findings/actions';
import type { ActionFailure } from '@/components/ui/use-action';
import type { Conflict } from './conflict-panel';
import { fromFormValues, type FindingFormValues } from './types';
import type { SaveState } from './use-autosave';

export type FindingIds = { findingId: number | null; publicId: string | null; lockVersion: number };

/**
 * Saving the form as a draft (creating the finding on the first save) and placing a refusal:
 * a conflict pauses saving and shows both versions, a duplicate lists the others, the rest land on fields.
 */
export function useFindingSaves(form: UseFormReturn<FindingFormValues>, sourceId: number, initial: FindingIds) {
  const { setError, clearErrors, getValues } = form;
  const ids = useRef(initial);
  // One editing sitting: its autosaves go into one draft revision.
  const [editSession] = useState(() => crypto.randomUUID());
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [duplicates, setDuplicates] = useState<string[]>([]);

  function applyFailure(r: ActionFailure): SaveState {
    if (r.error === 'conflict' && r.entity === 'finding') {
      const current = (r.details?.current ?? null) as Conflict['current'];
      setConflict({ message: r.message, current, mine: getValues() });
      return { kind: 'paused' };
    }
    if (r.error === 'conflict' && r.entity === 'duplicate') {
      setDuplicates((r.details?.duplicates as string[] | undefined) ?? []);
    }
    if (r.fields) {
      for (const [field, message] of Object.entries(r.fields)) setError(field as Path<FindingFormValues>, { message });
      return { kind: 'error', message: 'some fields need attention' };
    }
    setError('root', { message: r.message });
    return { kind: 'error', message: r.message };
  }

  async function save(): Promise<SaveState> {
    const { content, changeSummary } = fromFormValues(getValues());
    const cur = ids.current;
    if (cur.findingId == null) {
      const r = await createFindingAction({ sourceId, content, changeSummary, editSession });
      if (!r.ok) return applyFailure(r);
      ids.current = { findingId: r.data.findingId, publicId: r.data.publicId, lockVersion: r.data.lockVersion };
      window.history.replaceState(null, '', `/findings/${r.data.publicId}/edit`);
      clearErrors();
      return { kind: 'saved', at: r.data.savedAt };
    }
    const r = await saveDraftAction({
      findingId: cur.findingId,
      lockVersion: cur.lockVersion,
      content,
      changeSummary,
      editSession,
    });
    if (!r.ok) return applyFailure(r);
    ids.current = { ...cur, lockVersion: r.data.lockVersion };
    clearErrors();
    return { kind: 'saved', at: r.data.savedAt };
  }

  /** Take the saved version into the form (keeping the change summary); the conflict stays as a copy of mine. */
  function loadSaved(): boolean {
    if (!conflict?.current) return false;
    ids.current = { ...ids.current, lockVersion: conflict.current.lockVersion };
    form.reset({ ...(conflict.current.content as FindingFormValues), changeSummary: getValues('changeSummary') });
    setConflict({
      ...conflict,
      current: null,
      message: 'Reloaded the saved version. Your unsaved text is below until you dismiss it.',
    });
    return true;
  }

  return { ids, editSession, conflict, setConflict, duplicates, setDuplicates, applyFailure, save, loadSaved };
}
