import type { Metadata } from 'next';
import Link from 'next/link';
import { getCurrentUser } from '@/app/(auth)/dal';
import { SignOutButton } from '@/components/auth/sign-out-button';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'EV Crosstalk Curator', template: '%s · EV Crosstalk Curator' },
  description: 'Curated findings on extracellular-vesicle crosstalk between skeletal muscle and other organs.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
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
              {user && (
                <>
                  <li>
                    <Link href="/my-work">My work</Link>
                  </li>
                  <li>
                    <Link href="/sources/new">Add source</Link>
                  </li>
                </>
              )}
              {user?.role === 'admin' && (
                <li>
                  <Link href="/admin/users">Users</Link>
                </li>
              )}
            </ul>
          </nav>
          <div className="who">
            {user ? (
              <>
                <span data-testid="signed-in-as">
                  {user.name} <span className="role-badge" aria-label={`role: ${user.role}`}>{user.role}</span>
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
