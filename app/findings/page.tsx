import type { Metadata } from 'next';
import Link from 'next/link';
import { getCurrentUser } from '@/server/session';
import { getDb } from '@/db';
import { browseFindings, type BrowsePage } from '@/db/queries/browse';
import { getSettings } from '@/db/queries/settings';
import { FilterForm } from '@/components/findings/filter-form';
import { FindingsTable, type FindingTableRow } from '@/components/findings/findings-table';
import { type BrowseQuery, browseSearchParams, parseBrowseQuery } from '@/lib/browse/filters';
import { shortCitation } from '@/lib/citation';
import { isDomainError } from '@/lib/errors';
import { DIRECTIONS, EFFECT_DIRECTIONS, STUDY_TYPES } from '@/lib/vocab';
import { Alert } from '@/components/ui/alert';

export const metadata: Metadata = { title: 'Findings' };
export const dynamic = 'force-dynamic';

const COLUMN_SORT: Record<string, BrowseQuery['sort']> = {
  targetOrgan: 'organ',
  species: 'species',
  reference: 'year',
  doi: 'doi',
};

export default async function FindingsPage({ searchParams }: PageProps<'/findings'>) {
  const params = await searchParams;
  const raw = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : (v ?? '')]),
  );
  const user = await getCurrentUser();
  const db = await getDb();
  const settings = await getSettings(db);
  if (!settings.publicRead && !user) {
    return (
      <section aria-labelledby="findings-title">
        <h1 id="findings-title">Findings</h1>
        <p className="empty">
          This dataset is not public. <Link href="/sign-in?callbackUrl=%2Ffindings">Sign in</Link> to browse it.
        </p>
      </section>
    );
  }
  const parsed = parseBrowseQuery(params);
  let errors: Record<string, string> = parsed.ok ? {} : parsed.errors;
  const query: BrowseQuery | null = parsed.ok ? parsed.query : null;
  let page: BrowsePage | null = null;
  if (query) {
    try {
      page = await browseFindings(db, query, user);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      errors = { [e.field ?? 'query']: e.message };
    }
  }
  const rows: FindingTableRow[] = (page?.rows ?? []).map((r) => ({
    publicId: r.publicId,
    status: r.status,
    targetOrgan: r.targetOrgan,
    species: r.species,
    evSource: r.evSource,
    cargo: r.cargo.map((c) => c.name).join('; '),
    recipientCell: r.recipientCell,
    modelDisease: r.modelDisease,
    result: r.result,
    reference: shortCitation(r.authors, r.year),
    doi: r.doi,
    year: r.year,
    direction: DIRECTIONS.label(r.direction),
    origin: r.origin,
    studyType: r.studyType ? STUDY_TYPES.label(r.studyType) : '',
    effect: r.effectDirection ? EFFECT_DIRECTIONS.label(r.effectDirection) : '',
  }));
  const base = query ?? ({ sort: 'updated', limit: 50 } as BrowseQuery);
  const href = (over: Partial<Record<keyof BrowseQuery, string | number | undefined>>) => {
    const sp = browseSearchParams(base, { cursor: undefined, ...over }).toString();
    return sp ? `/findings?${sp}` : '/findings';
  };
  const sortLinks = Object.fromEntries(
    Object.entries(COLUMN_SORT).map(([col, key]) => {
      const same = base.sort === key;
      const currentDir = base.dir ?? (key === 'year' ? 'desc' : 'asc');
      return [col, href({ sort: key, dir: same ? (currentDir === 'asc' ? 'desc' : 'asc') : undefined })];
    }),
  );
  const exportParams = browseSearchParams(base, {
    cursor: undefined,
    limit: undefined,
    sort: undefined,
    dir: undefined,
  }).toString();
  const filtered =
    query &&
    browseSearchParams(query, { cursor: undefined, sort: undefined, dir: undefined, limit: undefined }).toString()
      .length > 0;
  const statusView = Boolean(query?.status && query.status !== 'approved');
  const n = page?.count.n ?? 0;
  const countText = page
    ? `${page.count.exact ? '' : 'about '}${n.toLocaleString('en')} ${statusView || filtered ? '' : 'approved '}${n === 1 ? 'finding' : 'findings'}${filtered ? ' match these filters' : ''}`
    : '';

  return (
    <section aria-labelledby="findings-title">
      <h1 id="findings-title">Findings</h1>
      <FilterForm query={base} raw={raw} errors={errors} signedIn={Boolean(user)} />
      {Object.keys(errors).length > 0 && <Alert testId="filter-errors">{Object.values(errors).join(' ')}</Alert>}
      {page && (
        <>
          <div className="pager">
            <p className="muted" data-testid="findings-count" role="status" style={{ margin: 0 }}>
              {countText}
            </p>
            <span>
              Download:{' '}
              <a href={`/api/v1/export?format=csv${exportParams ? `&${exportParams}` : ''}`} data-testid="export-csv">
                CSV
              </a>{' '}
              · <a href={`/api/v1/export?format=json${exportParams ? `&${exportParams}` : ''}`}>JSON</a> ·{' '}
              <a href={`/api/v1/export?format=ndjson${exportParams ? `&${exportParams}` : ''}`}>NDJSON</a>
            </span>
          </div>
          <FindingsTable
            rows={rows}
            sortLinks={sortLinks}
            sort={{
              key: base.sort,
              dir: base.dir ?? (['updated', 'year', 'relevance'].includes(base.sort) ? 'desc' : 'asc'),
            }}
            showStatus={statusView}
          />
          <nav className="pager" aria-label="Pages">
            {query?.cursor && <Link href={href({})}>First page</Link>}
            {page.next && (
              <Link href={href({ cursor: page.next })} data-testid="next-page" rel="next">
                Next {base.limit} →
              </Link>
            )}
          </nav>
        </>
      )}
    </section>
  );
}
