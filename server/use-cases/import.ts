/** Bulk import: a dry run (a row-by-row report) or a commit (every row or none). */
import 'server-only';
import { commitImport, dryRunImport } from '@/db/queries/import';
import { DomainError } from '@/lib/errors';
import { parseImportFile } from '@/lib/import/parse';
import { importRequestSchema } from '@/lib/import/schema';
import type { ImportFormat, ImportMode, ImportReport } from '@/lib/import/types';
import type { ImportIntent } from '@/lib/import/schema';
import { defineUseCase } from '../use-case';

export type ImportOutcome = {
  intent: ImportIntent;
  mode: ImportMode;
  format: ImportFormat;
  report: ImportReport;
  committed: boolean;
  created: { row: number; publicId: string }[];
};

export const importFindingsUseCase = defineUseCase({
  name: 'import.run',
  role: 'curator',
  input: importRequestSchema,
  entity: 'import',
  async run({ db, actor }, { intent, mode, file }): Promise<ImportOutcome> {
    const read = parseImportFile(file.bytes);
    if (!read.ok) throw new DomainError('invalid', 'import', read.message, 'file');
    const { format, rows } = read.parsed;
    if (intent === 'dry_run')
      return { intent, mode, format, report: await dryRunImport(db, actor, rows), committed: false, created: [] };
    const r = await commitImport(db, actor, rows, mode, { fileName: file.name });
    return { intent, mode, format, report: r.report, committed: r.committed, created: r.committed ? r.created : [] };
  },
  revalidate: (input, out) => (out.committed ? ['/my-work', ...(input.mode === 'submit' ? ['/review'] : [])] : []),
});
