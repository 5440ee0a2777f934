/** Releases: an admin cuts a frozen, citable release of the approved findings. */
import 'server-only';
import { headers } from 'next/headers';
import { cutRelease } from '@/db/queries/releases';
import { publicOrigin, releaseInputSchema } from '@/lib/export/release';
import { env } from '../env';
import { defineUseCase } from '../use-case';

export const cutReleaseUseCase = defineUseCase({
  name: 'release.cut',
  role: 'admin',
  input: releaseInputSchema,
  entity: 'release',
  async run({ db, actor }, input) {
    // evidence.jsonld links each annotation to its finding's page: the app's public origin.
    const origin = publicOrigin(env().NEXTAUTH_URL, await headers());
    const r = await cutRelease(db, actor, input, { origin });
    return { tag: r.tag, findingCount: r.findingCount, checksum: r.checksum };
  },
  revalidate: () => ['/releases'],
});
