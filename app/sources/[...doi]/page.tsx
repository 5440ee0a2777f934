import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FindingList } from '@/components/findings/finding-list';
import { SOURCE_FINDING_COLUMNS } from '@/components/findings/list-columns';
import { SourceMetadataForm } from '@/components/sources/source-metadata-form';
import { getDb } from '@/db';
import { getSourceByDoi } from '@/db/queries/findings';
import { hasRole } from '@/lib/auth/roles';
import { formatCitation } from '@/lib/citation';
import { doiUrl, normalizeDoi } from '@/lib/doi';
import { toFormValues } from '@/lib/sources/form-values';
import { newFindingPath } from '@/lib/sources/paths';
import { requireDatasetReader } from '@/server/read-policy';
import { Alert } from '@/components/ui/alert';
import { RetractionBanner } from '@/components/literature/retraction-banner';
import { CheckUpdatesButton } from '@/components/literature/check-updates-button';
import { SourceTextSection } from '@/components/sources/source-text-section';
import { sourceTextView, studySpeciesOf } from '@/server/source-text-view';

export const dynamic = 'force-dynamic';

const ORIGIN_LABELS = {
  crossref: 'Crossref',
  bundled: 'the review’s reference list',
  manual: 'entered by hand',
} as const;

async function doiFrom(params: PageProps<'/sources/[...doi]'>['params']) {
  const { doi } = await params;
  try {
    return normalizeDoi(doi.map(decodeURIComponent).join('/'));
  } catch {
    return { ok: false as const };
  }
}

export async function generateMetadata({ params }: PageProps<'/sources/[...doi]'>): Promise<Metadata> {
  const r = await doiFrom(params);
  return { title: r.ok ? `doi:${r.doi}` : 'Source' };
}

export default async function SourcePage({ params, searchParams }: PageProps<'/sources/[...doi]'>) {
  const ctx = await requireDatasetReader();
  const { user } = ctx;
  const r = await doiFrom(params);
  if (!r.ok) notFound();
  const [data, query] = await Promise.all([getSourceByDoi(await getDb(), r.doi), searchParams]);
  if (!data) notFound();
  const { source, findings } = data;
  const canCurate = user != null && hasRole(user.role, 'curator');
  const wanted = typeof query.text === 'string' && /^\d{1,9}$/.test(query.text) ? Number(query.text) : null;
  const db = await getDb();
  const text = await sourceTextView(db, ctx, source.id, wanted, await studySpeciesOf(db, source.id));
  return (
    <article aria-labelledby="source-title">
      {query.existing === '1' && (
        <Alert tone="ok" testId="existing-notice">
          This DOI is already recorded — here is its source page.
        </Alert>
      )}
      <h1 id="source-title">{source.title ?? `doi:${source.doi}`}</h1>
      <p data-testid="citation">{formatCitation(source)}</p>
      <RetractionBanner source={source} />
      {canCurate && <CheckUpdatesButton sourceId={source.id} />}
      <dl className="fields">
        <dt>DOI</dt>
        <dd>
          <a href={doiUrl(source.doi)} rel="noreferrer">
            https://doi.org/{source.doi}
          </a>
        </dd>
        <dt>PMID</dt>
        <dd data-testid="pmid">{source.pmid ?? <span className="muted">not recorded</span>}</dd>
        <dt>Metadata from</dt>
        <dd data-testid="metadata-origin">{ORIGIN_LABELS[source.metadataOrigin]}</dd>
      </dl>
      {canCurate && (
        <p>
          <Link className="btn btn-primary" href={newFindingPath(source.doi)}>
            Record a finding from this source
          </Link>
        </p>
      )}
      <SourceTextSection doi={source.doi} sourceId={source.id} view={text} canCurate={canCurate} />
      <h2>Approved findings from this source ({findings.length})</h2>
      <FindingList
        rows={findings}
        columns={SOURCE_FINDING_COLUMNS}
        rowKey={(f) => f.publicId}
        empty="No approved findings cite this source yet."
        caption="Approved findings from this source"
        testId="source-findings"
      />
      {canCurate && (
        <details>
          <summary>Edit metadata</summary>
          <SourceMetadataForm mode="edit" sourceId={source.id} values={toFormValues(source)} />
        </details>
      )}
    </article>
  );
}
