import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { canReadDataset, readContext } from '@/server/read-policy';
import { ReleaseItem } from '@/components/releases/release-item';
import { getDb } from '@/db';
import { getRelease } from '@/db/queries/releases';
import { publicOrigin, RELEASE_TAG_PATTERN } from '@/lib/export/release';
import { env } from '@/server/env';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/releases/[tag]'>): Promise<Metadata> {
  const { tag } = await params;
  return { title: RELEASE_TAG_PATTERN.test(tag) ? `Release ${tag}` : 'Release' };
}

/** The landing page a release's citation points to. */
export default async function ReleasePage({ params }: PageProps<'/releases/[tag]'>) {
  const { tag } = await params;
  if (!RELEASE_TAG_PATTERN.test(tag)) notFound();
  const policy = await readContext();
  const db = await getDb();
  if (!canReadDataset(policy)) {
    return (
      <section aria-labelledby="release-title">
        <h1 id="release-title">Release {tag}</h1>
        <p className="empty">
          This dataset is not public.{' '}
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/releases/${tag}`)}`}>Sign in</Link> to see it.
        </p>
      </section>
    );
  }
  const release = await getRelease(db, tag);
  if (!release) notFound();
  const origin = publicOrigin(env().NEXTAUTH_URL, await headers());
  return (
    <section>
      <p>
        <Link href="/releases">← All releases</Link>
      </p>
      <ReleaseItem release={release} origin={origin} standalone />
    </section>
  );
}
