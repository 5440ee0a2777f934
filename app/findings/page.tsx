import type { Metadata } from 'next';
import Link from 'next/link';
import { BrowseBar } from '@/components/findings/browse-bar';
import { type FilterChoices, FilterForm } from '@/components/findings/filter-form';
import { FindingsTable, type FindingTableRow } from '@/components/findings/findings-table';
import { Alert } from '@/components/ui/alert';
import { getDb } from '@/db';
import { browseFindings, type BrowsePage, type BrowseRow, type Viewer } from '@/db/queries/browse';
import { organChoices } from '@/db/queries/facet-cache';
import { speciesChoices, termName } from '@/db/queries/facets';
import { type BrowseQuery, browseSearchParams, parseBrowseQuery } from '@/lib/browse/filters';
import { shortCitation } from '@/lib/citation';
import { isDomainError } from '@/lib/errors';
import { DIRECTIONS, EFFECT_DIRECTIONS, STUDY_TYPES } from '@/lib/vocab';
import type { SessionUser } from '@/server/session';
import { canReadDataset, readContext } from '@/server/read-policy';

export const metadata: Metadata = { title: 'Findings' };
export const dynamic = 'force-dynamic';

const COLUMN_SORT: Record<string, BrowseQuery['sort']> = {
  targetOrgan: 'organ',
  species: 'species',
  reference: 'year',
  doi: 'doi',
};

const tableRow = (r: BrowseRow): FindingTableRow => ({
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
});

/** The query from the URL and its page of findings, or the messages for the filters that need fixing. */
async function loadPage(parsed: ReturnType<typeof parseBrowseQuery>, user: SessionUser | null) {
  if (!parsed.ok) return { query: null, page: null, errors: parsed.errors };
  try {
    const page: BrowsePage = await browseFindings(await getDb(), parsed.query, user);
    return { query: parsed.query, page, errors: {} };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { query: parsed.query, page: null, errors: { [e.field ?? 'query']: e.message } };
  }
}

/**
 * The filters' choices: organ terms with counts under the other filters (db/queries/facet-cache.ts),
 * the species, the chosen term's name. Filters the page refused count as no filters here.
 */
async function loadChoices(query: BrowseQuery | null, viewer: Viewer): Promise<FilterChoices> {
  const db = await getDb();
  const organsFor = async (q: BrowseQuery, column: 'organ' | 'origin') => {
    try {
      return await organChoices(db, q, viewer, column);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return organChoices(db, { sort: 'updated', limit: 50 }, null, column);
    }
  };
  const q = query ?? ({ sort: 'updated', limit: 50 } as BrowseQuery);
  const [organs, origins, species, termLabel] = await Promise.all([
    organsFor(q, 'organ'),
    organsFor(q, 'origin'),
    speciesChoices(db),
    q.term ? termName(db, q.term) : null,
  ]);
  return { organs, origins, species, termLabel: termLabel ?? undefined };
}

function countText(page: BrowsePage, query: BrowseQuery | null): string {
  const filtered =
    query &&
    browseSearchParams(query, { cursor: undefined, sort: undefined, dir: undefined, limit: undefined }).toString()
      .length > 0;
  const statusView = Boolean(query?.status && query.status !== 'approved');
  const n = page.count.n;
  return `${page.count.exact ? '' : 'about '}${n.toLocaleString('en')} ${statusView || filtered ? '' : 'approved '}${n === 1 ? 'finding' : 'findings'}${filtered ? ' match these filters' : ''}`;
}

/** Links that change the query (first page again), and per sortable column the link that sorts by it. */
function links(base: BrowseQuery) {
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
  return { href, sortLinks, exportParams };
}

function NotPublic() {
  return (
    <section aria-labelledby="findings-title">
      <h1 id="findings-title">Findings</h1>
      <p className="empty">
        This dataset is not public. <Link href="/sign-in?callbackUrl=%2Ffindings">Sign in</Link> to browse it.
      </p>
    </section>
  );
}

export default async function FindingsPage({ searchParams }: PageProps<'/findings'>) {
  const params = await searchParams;
  const raw = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : (v ?? '')]),
  );
  const policy = await readContext();
  if (!canReadDataset(policy)) return <NotPublic />;
  const user = policy.user;
  const parsed = parseBrowseQuery(params);
  const [{ query, page, errors }, choices] = await Promise.all([
    loadPage(parsed, user),
    loadChoices(parsed.ok ? parsed.query : null, user),
  ]);
  const base = query ?? ({ sort: 'updated', limit: 50 } as BrowseQuery);
  const { href, sortLinks, exportParams } = links(base);
  const defaultDir = ['updated', 'year', 'relevance'].includes(base.sort) ? 'desc' : 'asc';

  return (
    <section aria-labelledby="findings-title">
      <h1 id="findings-title">Findings</h1>
      <FilterForm query={base} raw={raw} errors={errors} signedIn={Boolean(user)} choices={choices} />
      {Object.keys(errors).length > 0 && <Alert testId="filter-errors">{Object.values(errors).join(' ')}</Alert>}
      {page && (
        <>
          <BrowseBar countText={countText(page, query)} exportParams={exportParams} />
          <FindingsTable
            rows={page.rows.map(tableRow)}
            sortLinks={sortLinks}
            sort={{ key: base.sort, dir: base.dir ?? defaultDir }}
            showStatus={Boolean(query?.status && query.status !== 'approved')}
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
