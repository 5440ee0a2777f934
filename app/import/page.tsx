import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/server/session';
import { ImportForm } from '@/components/import/import-form';
import { EXPORT_COLUMN_NAMES, TABLE1_COLUMNS } from '@/lib/export/columns';
import { MAX_IMPORT_ROWS } from '@/lib/import/types';

export const metadata: Metadata = { title: 'Import findings' };
export const dynamic = 'force-dynamic';

export default async function ImportPage() {
  await requireRole('curator', '/import');
  return (
    <section aria-labelledby="import-title" className="stack">
      <h1 id="import-title">Import findings</h1>
      <p>
        Upload a CSV with the columns of the <Link href="/findings">findings export</Link> or of the review’s Table 1,
        or the export’s JSON. Each row becomes a new finding of yours, checked by the same rules as the finding form.{' '}
        <strong>Dry run</strong> checks every row and changes nothing; <strong>Commit</strong> imports all rows or none
        — it refuses the whole file while any row has an error or is a duplicate.
      </p>
      <ul className="hint">
        <li>
          At most 5 MB and {MAX_IMPORT_ROWS.toLocaleString('en')} rows; UTF-8. Row 1 is the first row below the header.
        </li>
        <li>
          Every DOI must already be recorded as a source: <Link href="/sources/new">add the source</Link> first, then
          import.
        </li>
        <li>
          Organs and species by label or id (Bone or UBERON:0001474, Mouse or NCBITaxon:10090); list cells separated by
          “;”; ev_cargo_types gives the type of each ev_cargo item in order (left empty, types are guessed as for Table
          1). finding_id, revision, citation and approved_* are ignored: every row becomes a new finding.
        </li>
        <li>
          A duplicate has the same DOI, target organ, recipient cell and cargo set as an approved or submitted finding,
          or as an earlier row.
        </li>
      </ul>
      <ImportForm />
      <details>
        <summary>Accepted columns</summary>
        <p>
          Export: <code>{EXPORT_COLUMN_NAMES.join(', ')}</code>
        </p>
        <p>
          Table 1: <code>{TABLE1_COLUMNS.join(', ')}</code>
        </p>
      </details>
    </section>
  );
}
