'use server';

import { revalidatePath } from 'next/cache';
import { authorize } from '@/app/(auth)/dal';
import { getDb } from '@/db';
import { commitImport, dryRunImport } from '@/db/queries/import';
import { type ActionResult, fieldErrors, toActionError } from '@/lib/action-result';
import { parseImportFile } from '@/lib/import/parse';
import { type ImportIntent, importFormSchema } from '@/lib/import/schema';
import type { ImportFormat, ImportMode, ImportReport } from '@/lib/import/types';

export type ImportOutcome = {
  intent: ImportIntent;
  mode: ImportMode;
  format: ImportFormat;
  report: ImportReport;
  committed: boolean;
  created: { row: number; publicId: string }[];
};

/** Dry run (a row-by-row report) or commit (every row or none) of an uploaded CSV/JSON file. */
export async function importFindingsAction(formData: FormData): Promise<ActionResult<ImportOutcome>> {
  const auth = await authorize('curator');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  // Called directly, an action gets whatever the caller sent.
  if (!(formData instanceof FormData))
    return { ok: false, error: 'invalid', message: 'Send the import form: a file, a mode and an intent.' };
  const parsed = importFormSchema.safeParse({
    intent: formData.get('intent'),
    mode: formData.get('mode'),
    file: formData.get('file'),
  });
  if (!parsed.success) return fieldErrors(parsed.error);
  const { intent, mode, file } = parsed.data;
  const read = parseImportFile(new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return { ok: false, error: 'invalid', message: read.message, fields: { file: read.message } };
  const { format, rows } = read.parsed;
  try {
    const db = await getDb();
    if (intent === 'dry_run')
      return {
        ok: true,
        data: { intent, mode, format, report: await dryRunImport(db, auth.user, rows), committed: false, created: [] },
      };
    const r = await commitImport(db, auth.user, rows, mode, { fileName: file.name });
    if (r.committed) {
      revalidatePath('/my-work');
      if (mode === 'submit') revalidatePath('/review');
    }
    return {
      ok: true,
      data: { intent, mode, format, report: r.report, committed: r.committed, created: r.committed ? r.created : [] },
    };
  } catch (e) {
    return toActionError(e);
  }
}
