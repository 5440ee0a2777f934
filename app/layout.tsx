import type { Metadata } from 'next';
import Link from 'next/link';
import { getCurrentUser } from '@/server/session';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { getDb } from '@/db';
import { getNotifications } from '@/db/queries/discussion';
import { countActionableQueue } from '@/db/queries/review';
import { hasRole } from '@/lib/auth/roles';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'EV Crosstalk Curator', template: '%s · EV Crosstalk Curator' },
  description: 'Curated findings on extracellular-vesicle crosstalk between skeletal muscle and other organs.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  let queue = 0;
  let unseen = 0;
  if (user) {
    const db = await getDb();
    queue = hasRole(user.role, 'reviewer') ? await countActionableQueue(db, user.id) : 0;
    unseen = (await getNotifications(db, user, queue)).unseen;
  }
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            EV Crosstalk Curator
          </Link>
          <nav aria-label="Main">
            <ul>
              <li>
                <Link href="/findings">Findings</Link>
              </li>
              <li>
                <Link href="/releases">Releases</Link>
              </li>
              <li>
                <Link href="/map">Crosstalk map</Link>
              </li>
              {user && (
                <>
                  <li>
                    <Link href="/my-work">My work</Link>
                  </li>
                  <li>
                    <Link href="/sources/new">Add source</Link>
                  </li>
                  <li>
                    <Link href="/import">Import</Link>
                  </li>
                  {hasRole(user.role, 'reviewer') && (
                    <li>
                      <Link href="/review" data-testid="nav-review">
                        Review queue
                        {queue > 0 && (
                          <span className="role-badge" aria-label={`${queue} awaiting your review`}>
                            {' '}
                            {queue}
                          </span>
                        )}
                      </Link>
                    </li>
                  )}
                  <li>
                    <Link href="/notifications" data-testid="nav-notifications">
                      Notifications
                      {unseen > 0 && (
                        <span className="role-badge" aria-label={`${unseen} new`}>
                          {' '}
                          {unseen}
                        </span>
                      )}
                    </Link>
                  </li>
                </>
              )}
              {user?.role === 'admin' && (
                <>
                  <li>
                    <Link href="/admin/users">Users</Link>
                  </li>
                  <li>
                    <Link href="/admin/audit">Audit log</Link>
                  </li>
                  <li>
                    <Link href="/admin/settings">Settings</Link>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <div className="who">
            {user ? (
              <>
                <span data-testid="signed-in-as">
                  {user.name}{' '}
                  <span className="role-badge" aria-label={`role: ${user.role}`}>
                    {user.role}
                  </span>
                </span>
                <SignOutButton />
              </>
            ) : (
              <Link href="/sign-in">Sign in</Link>
            )}
          </div>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
