import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { crosstalkEdges } from '@/db/queries/map';
import { CrosstalkMap } from '@/components/map/crosstalk-map';
import { CrosstalkTables } from '@/components/map/crosstalk-tables';
import { MapLegend } from '@/components/map/map-legend';
import { describeMap, findingsWord } from '@/lib/map/labels';
import { layoutCrosstalkMap } from '@/lib/map/layout';
import { SKELETAL_MUSCLE } from '@/lib/vocab/organs';
import { requireDatasetReader } from '@/server/read-policy';

export const metadata: Metadata = { title: 'Crosstalk map' };
export const dynamic = 'force-dynamic';

export default async function MapPage() {
  await requireDatasetReader();
  const { edges, organs, total } = await crosstalkEdges(await getDb());
  const others = organs.filter((o) => o.id !== SKELETAL_MUSCLE).length;
  return (
    <section aria-labelledby="map-title">
      <h1 id="map-title">Crosstalk map</h1>
      {total === 0 ? (
        <p className="empty" data-testid="map-empty">
          No approved findings yet, so there is no crosstalk to draw. <Link href="/findings">Browse findings</Link>
        </p>
      ) : (
        <>
          <p className="muted" data-testid="map-summary">
            {total} approved {findingsWord(total)} of EV-mediated crosstalk between skeletal muscle and {others} other{' '}
            {others === 1 ? 'organ' : 'organs'}. Select an arrow or an organ to open its findings.
          </p>
          <MapLegend directions={[...new Set(edges.map((e) => e.direction))]} />
          <CrosstalkMap layout={layoutCrosstalkMap(edges)} description={describeMap(edges)} />
          <h2>The map as tables</h2>
          <CrosstalkTables edges={edges} organs={organs} />
        </>
      )}
    </section>
  );
}
