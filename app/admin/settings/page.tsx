import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/server/session';
import { SettingsForm } from '@/components/admin/settings-form';
import { getDb } from '@/db';
import { getSettings } from '@/db/queries/settings';

export const metadata: Metadata = { title: 'Settings' };
export const dynamic = 'force-dynamic';

export default async function SettingsPage() {
  await requireRole('admin', '/admin/settings');
  const settings = await getSettings(await getDb());
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <p className="muted">
        Every change is recorded in the <Link href="/admin/audit?action=settings.update">audit log</Link>.
      </p>
      <SettingsForm initial={settings} />
    </section>
  );
}
