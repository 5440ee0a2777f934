/** Releases: an admin cuts a frozen, citable release of the approved findings. */
import 'server-only';
import { cutRelease } from '@/db/queries/releases';
import { releaseInputSchema } from '@/lib/export/release';
import { defineUseCase } from '../use-case';

export const cutReleaseUseCase = defineUseCase({
  name: 'release.cut',
  role: 'admin',
  input: releaseInputSchema,
  entity: 'release',
  async run({ db, actor }, input) {
    const r = await cutRelease(db, actor, input);
    return { tag: r.tag, findingCount: r.findingCount, checksum: r.checksum };
  },
  revalidate: () => ['/releases'],
});
