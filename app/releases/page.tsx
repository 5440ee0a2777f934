import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { canReadDataset, readContext } from '@/server/read-policy';
import { CutReleaseForm } from '@/components/releases/cut-release-form';
import { ReleaseItem } from '@/components/releases/release-item';
import { getDb } from '@/db';
import { listReleases } from '@/db/queries/releases';
import { publicOrigin, suggestReleaseTag } from '@/lib/export/release';
import { env } from '@/server/env';

export const metadata: Metadata = { title: 'Releases' };
export const dynamic = 'force-dynamic';

export default async function ReleasesPage() {
  const policy = await readContext();
  const user = policy.user;
  const db = await getDb();
  if (!canReadDataset(policy)) {
    return (
      <section aria-labelledby="releases-title">
        <h1 id="releases-title">Releases</h1>
        <p className="empty">
          This dataset is not public. <Link href="/sign-in?callbackUrl=%2Freleases">Sign in</Link> to see its releases.
        </p>
      </section>
    );
  }
  const releases = await listReleases(db);
  const origin = publicOrigin(env().NEXTAUTH_URL, await headers());
  return (
    <section aria-labelledby="releases-title">
      <h1 id="releases-title">Releases</h1>
      <p className="muted">
        A release freezes every approved finding as it stood when it was cut. Its files never change: cite a release by
        its tag and check a download against its SHA-256. For the current data, use the downloads on the{' '}
        <Link href="/findings">findings page</Link>.
      </p>
      {user?.role === 'admin' && (
        <section aria-labelledby="cut-title" className="card" style={{ marginBottom: '1.5rem' }}>
          <h2 id="cut-title" style={{ marginTop: 0 }}>
            Cut a release
          </h2>
          <p className="muted">
            Pins the approved revision of every approved finding and stores findings.csv, findings.json, evidence.jsonld
            (the evidence quotes as W3C Web Annotations) and datapackage.json.
          </p>
          <CutReleaseForm suggestedTag={suggestReleaseTag(releases.map((r) => r.tag))} />
        </section>
      )}
      {releases.length === 0 ? (
        <p className="empty" data-testid="releases-empty">
          No releases yet.
        </p>
      ) : (
        <div data-testid="releases" style={{ display: 'grid', gap: '1rem' }}>
          {releases.map((r) => (
            <ReleaseItem key={r.id} release={r} origin={origin} />
          ))}
        </div>
      )}
    </section>
  );
}
