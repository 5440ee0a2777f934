import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/server/session';
import { getDb } from '@/db';
import { getNotifications, markNotificationsSeen } from '@/db/queries/discussion';
import { countActionableQueue } from '@/db/queries/review';
import { hasRole } from '@/lib/auth/roles';

export const metadata: Metadata = { title: 'Notifications' };
export const dynamic = 'force-dynamic';

export default async function NotificationsPage() {
  const user = await requireUser('/notifications');
  const db = await getDb();
  const queue = hasRole(user.role, 'reviewer') ? await countActionableQueue(db, user.id) : 0;
  const n = await getNotifications(db, user, queue);
  // Opening the page counts as having seen what is on it.
  await markNotificationsSeen(db, user.id);
  const nothing =
    n.changesRequested.length === 0 && n.replies.length === 0 && n.retractions.length === 0 && n.queue === 0;
  return (
    <section aria-labelledby="notif-title">
      <h1 id="notif-title">What needs you</h1>
      {nothing && <p className="empty">Nothing needs you right now.</p>}
      {n.queue > 0 && (
        <p>
          <Link href="/review">{n.queue} revision(s) await your review.</Link>
        </p>
      )}
      {n.retractions.length > 0 && (
        <>
          <h2>Findings from retracted papers</h2>
          <ul data-testid="retractions">
            {n.retractions.map((r) => (
              <li key={r.publicId}>
                <Link href={`/findings/${r.publicId}`}>{r.publicId}</Link>: {r.note}. Kept out of new releases unless a
                reviewer overrides.
              </li>
            ))}
          </ul>
        </>
      )}
      {n.changesRequested.length > 0 && (
        <>
          <h2>Changes requested of your revisions</h2>
          <ul data-testid="changes-requested">
            {n.changesRequested.map((c) => (
              <li key={c.publicId}>
                <Link href={`/findings/${c.publicId}/edit`}>{c.publicId}</Link> — see the reviewer’s comment on{' '}
                <Link href={`/findings/${c.publicId}/history`}>its history</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {n.replies.length > 0 && (
        <>
          <h2>Replies to your comments</h2>
          <ul data-testid="replies">
            {n.replies.map((r, i) => (
              <li key={i}>
                <Link href={`/findings/${r.publicId}`}>{r.publicId}</Link>: {r.author} — “{r.body.slice(0, 140)}”
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
