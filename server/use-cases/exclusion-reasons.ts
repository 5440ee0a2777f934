/** Exclusion reasons of screening, for admins: add, rename, retire or reactivate (never delete). */
import 'server-only';
import { addExclusionReason, renameExclusionReason, setExclusionReasonActive } from '@/db/queries/exclusion-reasons';
import {
  addExclusionReasonSchema,
  renameExclusionReasonSchema,
  setExclusionReasonActiveSchema,
} from '@/lib/screening/schema';
import { defineUseCase } from '../use-case';

// The screening pages offer the active reasons; the conflicts page shows the labels of past decisions.
const PAGES = ['/admin/exclusion-reasons', '/literature/screen', '/literature/conflicts', '/literature'] as const;

export const addExclusionReasonUseCase = defineUseCase({
  name: 'exclusion_reason.add',
  role: 'admin',
  input: addExclusionReasonSchema,
  entity: 'exclusion_reason',
  run: ({ db, actor }, { label }) => addExclusionReason(db, actor.id, label),
  revalidate: () => PAGES,
});

export const renameExclusionReasonUseCase = defineUseCase({
  name: 'exclusion_reason.rename',
  role: 'admin',
  input: renameExclusionReasonSchema,
  entity: 'exclusion_reason',
  run: ({ db, actor }, { id, label }) => renameExclusionReason(db, actor.id, id, label),
  revalidate: () => PAGES,
});

export const setExclusionReasonActiveUseCase = defineUseCase({
  name: 'exclusion_reason.set_active',
  role: 'admin',
  input: setExclusionReasonActiveSchema,
  entity: 'exclusion_reason',
  run: ({ db, actor }, { id, active }) => setExclusionReasonActive(db, actor.id, id, active),
  revalidate: () => PAGES,
});
