import { getDb } from '@/db';
import { getReleaseOverride } from '@/db/queries/release-exclusions';
import { hasRole } from '@/lib/auth/roles';
import type { Role } from '@/lib/vocab/terms';
import { OverrideForm } from './override-form';

/**
 * For reviewers and admins, on a finding whose source is retracted and that nobody kept in releases yet: the
 * form to keep it in (the retraction banner above shows an override once there is one).
 */
export async function OverrideSection({
  source,
  findingId,
  viewerRole,
}: {
  source: { retracted: boolean };
  findingId: number;
  viewerRole: Role | undefined;
}) {
  if (!source.retracted || !viewerRole || !hasRole(viewerRole, 'reviewer')) return null;
  if (await getReleaseOverride(await getDb(), findingId)) return null;
  return <OverrideForm findingId={findingId} />;
}
