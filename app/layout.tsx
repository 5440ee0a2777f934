import type { Metadata } from 'next';
import { SiteHeader } from '@/components/layout/site-header';
import { getDb } from '@/db';
import { getNotifications } from '@/db/queries/discussion';
import { countActionableQueue } from '@/db/queries/review';
import { hasRole } from '@/lib/auth/roles';
import { getCurrentUser } from '@/server/session';
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
        <SiteHeader user={user} counts={{ queue, unseen }} />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
