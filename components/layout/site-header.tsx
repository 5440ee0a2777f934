import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { hasRole } from '@/lib/auth/roles';
import type { Role } from '@/lib/vocab/terms';

type Viewer = { name: string; role: Role };
type Counts = { queue: number; unseen: number };

function Badge({ n, label }: { n: number; label: string }) {
  if (n <= 0) return null;
  return (
    <span className="role-badge" aria-label={label}>
      {' '}
      {n}
    </span>
  );
}

function SignedInLinks({ user, counts }: { user: Viewer; counts: Counts }) {
  return (
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
      <li>
        <Link href="/literature">Literature</Link>
      </li>
      <li>
        <Link href="/terms/requests">Term requests</Link>
      </li>
      <li>
        <Link href="/grounding">Grounding queue</Link>
      </li>
      <li>
        <Link href="/evidence/anchors">Quotes to re-anchor</Link>
      </li>
      {hasRole(user.role, 'reviewer') && (
        <li>
          <Link href="/review" data-testid="nav-review">
            Review queue
            <Badge n={counts.queue} label={`${counts.queue} awaiting your review`} />
          </Link>
        </li>
      )}
      <li>
        <Link href="/notifications" data-testid="nav-notifications">
          Notifications
          <Badge n={counts.unseen} label={`${counts.unseen} new`} />
        </Link>
      </li>
    </>
  );
}

function AdminLinks() {
  return (
    <>
      <li>
        <Link href="/admin/users">Users</Link>
      </li>
      <li>
        <Link href="/admin/audit">Audit log</Link>
      </li>
      <li>
        <Link href="/admin/vocabularies">Vocabularies</Link>
      </li>
      <li>
        <Link href="/admin/settings">Settings</Link>
      </li>
      <li>
        <Link href="/admin/jobs">Scheduled jobs</Link>
      </li>
    </>
  );
}

function Who({ user }: { user: Viewer | null }) {
  return (
    <div className="who">
      {user ? (
        <>
          <span data-testid="signed-in-as">
            {user.name}{' '}
            <span className="role-badge" aria-label={`role: ${user.role}`}>
              {user.role}
            </span>
          </span>
          <Link href="/settings/tokens">API tokens</Link>
          <SignOutButton />
        </>
      ) : (
        <Link href="/sign-in">Sign in</Link>
      )}
    </div>
  );
}

/** The site's header: the brand, what this viewer may open (with what awaits them), and who is signed in. */
export function SiteHeader({ user, counts }: { user: Viewer | null; counts: Counts }) {
  return (
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
          {user && <SignedInLinks user={user} counts={counts} />}
          {user?.role === 'admin' && <AdminLinks />}
          <li>
            <Link href="/about">About</Link>
          </li>
        </ul>
      </nav>
      <Who user={user} />
    </header>
  );
}
