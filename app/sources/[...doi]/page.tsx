import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { getSourceByDoi } from '@/db/queries/findings';
import { formatCitation } from '@/lib/citation';
import { doiUrl, normalizeDoi } from '@/lib/doi';

export const dynamic = 'force-dynamic';

async function doiFrom(params: PageProps<'/sources/[...doi]'>['params']) {
  const { doi } = await params;
  return normalizeDoi(doi.map(decodeURIComponent).join('/'));
}

export async function generateMetadata({ params }: PageProps<'/sources/[...doi]'>): Promise<Metadata> {
  const r = await doiFrom(params);
  return { title: r.ok ? `doi:${r.doi}` : 'Source' };
}

export default async function SourcePage({ params }: PageProps<'/sources/[...doi]'>) {
  const r = await doiFrom(params);
  if (!r.ok) notFound();
  const data = await getSourceByDoi(await getDb(), r.doi);
  if (!data) notFound();
  const { source, findings } = data;
  return (
    <article aria-labelledby="source-title">
      <h1 id="source-title">{source.title ?? `doi:${source.doi}`}</h1>
      <p data-testid="citation">{formatCitation(source)}</p>
      <dl className="fields">
        <dt>DOI</dt>
        <dd>
          <a href={doiUrl(source.doi)} rel="noreferrer">
            https://doi.org/{source.doi}
          </a>
        </dd>
        <dt>PMID</dt>
        <dd>{source.pmid ?? <span className="muted">not recorded</span>}</dd>
        <dt>Metadata from</dt>
        <dd>{source.metadataOrigin}</dd>
      </dl>
      <h2>Approved findings from this source ({findings.length})</h2>
      {findings.length === 0 ? (
        <p className="empty">No approved findings cite this source yet.</p>
      ) : (
        <ul>
          {findings.map((f) => (
            <li key={f.publicId}>
              <Link href={`/findings/${f.publicId}`}>{f.publicId}</Link> — {f.targetOrgan}, {f.species}: {f.result}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
