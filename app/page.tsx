import Link from 'next/link';
import { getDb } from '@/db';
import { countOverview } from '@/db/queries/findings';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const counts = await countOverview(await getDb());
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">EV crosstalk between skeletal muscle and other organs</h1>
      <p>
        A curated, peer-reviewed and versioned dataset of findings on extracellular-vesicle (EV) mediated crosstalk
        between skeletal muscle and other organs, each tied to its source DOI.
      </p>
      <div className="cards">
        <div className="card">
          <strong>{counts.findings}</strong> approved findings
          <p>
            <Link href="/findings">Browse findings</Link>
          </p>
        </div>
        <div className="card">
          <strong>{counts.sources}</strong> sources
        </div>
      </div>
    </section>
  );
}
