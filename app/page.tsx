import Link from 'next/link';
import { getDb } from '@/db';
import { countOverview } from '@/db/queries/findings';
import { canReadDataset } from '@/lib/policy/read';
import { readContext } from '@/server/read-policy';

export const dynamic = 'force-dynamic';

async function Overview() {
  const counts = await countOverview(await getDb());
  return (
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
  );
}

export default async function HomePage() {
  const readable = canReadDataset(await readContext());
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">EV crosstalk between skeletal muscle and other organs</h1>
      <p>
        A curated, peer-reviewed and versioned dataset of findings on extracellular-vesicle (EV) mediated crosstalk
        between skeletal muscle and other organs, each tied to its source DOI.
      </p>
      {readable ? (
        <Overview />
      ) : (
        <p className="empty" data-testid="not-public">
          This dataset is not public. <Link href="/sign-in">Sign in</Link> to browse it.
        </p>
      )}
    </section>
  );
}
