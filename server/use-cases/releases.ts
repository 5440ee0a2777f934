/** Releases: an admin cuts a frozen, citable release of the approved findings. */
import 'server-only';
import { cutRelease } from '@/db/queries/releases';
import { releaseInputSchema } from '@/lib/export/release';
import { env } from '../env';
import { defineUseCase } from '../use-case';

function configuredOrigin(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

export const cutReleaseUseCase = defineUseCase({
  name: 'release.cut',
  role: 'admin',
  input: releaseInputSchema,
  entity: 'release',
  async run({ db, actor }, input) {
    // evidence.jsonld links each annotation to its finding's page. The file is citable and never changes, so
    // the origin comes from configuration only (NEXTAUTH_URL), never from a request's Host or X-Forwarded-Host.
    const origin = configuredOrigin(env().NEXTAUTH_URL);
    const r = await cutRelease(db, actor, input, { origin });
    return { tag: r.tag, findingCount: r.findingCount, checksum: r.checksum };
  },
  revalidate: () => ['/releases'],
});
