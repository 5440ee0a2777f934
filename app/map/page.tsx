import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { crosstalkEdges } from '@/db/queries/map';
import { CrosstalkMap } from '@/components/map/crosstalk-map';
import { CrosstalkTables } from '@/components/map/crosstalk-tables';
import { MapGrouping } from '@/components/map/map-grouping';
import { MapLegend } from '@/components/map/map-legend';
import { describeMap, findingsWord, type LabelOf, type MapGrouping as Grouping } from '@/lib/map/labels';
import { layoutCrosstalkMap } from '@/lib/map/layout';
import { SKELETAL_MUSCLE } from '@/lib/vocab/organs';
import { requireDatasetReader } from '@/server/read-policy';

export const metadata: Metadata = { title: 'Crosstalk map' };
export const dynamic = 'force-dynamic';

/** `?group=term` draws the exact anatomy terms; anything else the review's organ groups. */
function groupingOf(params: Record<string, string | string[] | undefined>): Grouping {
  const v = params.group;
  return (Array.isArray(v) ? v[0] : v) === 'term' ? 'term' : 'group';
}

export default async function MapPage({ searchParams }: PageProps<'/map'>) {
  await requireDatasetReader();
  const grouping = groupingOf(await searchParams);
  const { edges, organs, total, labels } = await crosstalkEdges(await getDb(), grouping);
  const label: LabelOf = (id) => labels[id] ?? id;
  const others = organs.filter((o) => o.id !== SKELETAL_MUSCLE).length;
  const unit = grouping === 'term' ? 'organ term' : 'organ';
  return (
    <section aria-labelledby="map-title">
      <h1 id="map-title">Crosstalk map</h1>
      {total === 0 ? (
        <p className="empty" data-testid="map-empty">
          No approved findings yet, so there is no crosstalk to draw. <Link href="/findings">Browse findings</Link>
        </p>
      ) : (
        <>
          <MapGrouping current={grouping} />
          <p className="muted" data-testid="map-summary">
            {total} approved {findingsWord(total)} of EV-mediated crosstalk between skeletal muscle and {others} other{' '}
            {others === 1 ? unit : `${unit}s`}
            {grouping === 'group' ? ' (a term such as bone marrow counts under its nearest organ group)' : ''}. Select
            an arrow or an organ to open its findings.
          </p>
          <MapLegend directions={[...new Set(edges.map((e) => e.direction))]} />
          <CrosstalkMap layout={layoutCrosstalkMap(edges, { label })} description={describeMap(edges, label)} />
          <h2>The map as tables</h2>
          <CrosstalkTables edges={edges} organs={organs} labels={labels} />
        </>
      )}
    </section>
  );
}
