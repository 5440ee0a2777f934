import '../validation/zod-config';
import { z } from 'zod';

/** Calendar versioning: year, month, then a counter within the month (2026.11.0). */
export const RELEASE_TAG_PATTERN = /^\d{4}\.\d{1,2}\.\d+$/;
export const RELEASE_NOTES_MAX = 5000;

// Plain text: line breaks and tabs are fine, other control characters are not.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const releaseInputSchema = z.object({
  tag: z
    .string({ error: 'Give a tag such as 2026.11.0.' })
    .trim()
    .min(1, { error: 'Give a tag such as 2026.11.0.' })
    .max(20, { error: 'A tag is at most 20 characters.' })
    .regex(RELEASE_TAG_PATTERN, { error: 'A tag is year.month.number, e.g. 2026.11.0.' })
    .refine(
      (t) => {
        const month = Number(t.split('.')[1]);
        return month >= 1 && month <= 12;
      },
      { error: 'The middle part of a tag is a month, 1 to 12.' },
    ),
  notes: z
    .string({ error: 'Notes are text.' })
    .max(RELEASE_NOTES_MAX, { error: `Notes are at most ${RELEASE_NOTES_MAX} characters.` })
    .refine((s) => !CONTROL.test(s), { error: 'Notes contain a control character.' })
    .transform((s) => s.trim())
    .default(''),
});
export type ReleaseInput = z.output<typeof releaseInputSchema>;

/** The files a release ships, by URL name; `format` is the release_files key. */
export const RELEASE_FILES = {
  'findings.csv': { format: 'csv', contentType: 'text/csv; charset=utf-8' },
  'findings.json': { format: 'json', contentType: 'application/json; charset=utf-8' },
  'datapackage.json': { format: 'datapackage', contentType: 'application/json; charset=utf-8' },
  // W3C Web Annotation JSON-LD (lib/export/evidence-jsonld.ts), the media type the Web Annotation protocol names.
  'evidence.jsonld': {
    format: 'evidence',
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
  },
} as const;
export type ReleaseFileName = keyof typeof RELEASE_FILES;
export type ReleaseFileFormat = (typeof RELEASE_FILES)[ReleaseFileName]['format'];

export function isReleaseFileName(s: string): s is ReleaseFileName {
  return Object.hasOwn(RELEASE_FILES, s);
}

/** Files added after the first releases: a release cut before them does not have them. */
export const LATER_RELEASE_FILES: readonly ReleaseFileName[] = ['evidence.jsonld'];

/** The files a release has, in RELEASE_FILES order (every file, but those added after it was cut). */
export function releaseFileNames(files: readonly { format: string }[]): ReleaseFileName[] {
  return (Object.keys(RELEASE_FILES) as ReleaseFileName[]).filter(
    (n) => !LATER_RELEASE_FILES.includes(n) || files.some((f) => f.format === RELEASE_FILES[n].format),
  );
}

/** The download name: evx-crosstalk-2026.11.0-findings.csv */
export function releaseDownloadName(tag: string, file: ReleaseFileName): string {
  return `evx-crosstalk-${tag}-${file}`;
}

export function releaseFileUrl(tag: string, file: ReleaseFileName): string {
  return `/api/v1/releases/${encodeURIComponent(tag)}/${file}`;
}

/** "How to cite", in the DataCite-like style data repositories use. */
export function releaseCitation(r: { tag: string; createdAt: Date; checksum: string }, origin: string): string {
  const base = origin.replace(/\/+$/, '');
  return `EV Crosstalk Curator contributors (${r.createdAt.getUTCFullYear()}). EV Crosstalk Curator dataset, release ${r.tag} [Data set]. ${base}/releases/${r.tag}. SHA-256 ${r.checksum}.`;
}

/**
 * The app's public origin for links and citations: NEXTAUTH_URL when set (configuration, not
 * something a client can forge), else the request's forwarded or direct host.
 */
export function publicOrigin(configured: string | undefined, headers: { get(name: string): string | null }): string {
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // A malformed setting falls through to the request's own host.
    }
  }
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host') || 'localhost:3000';
  const proto =
    headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ||
    (/^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? 'http' : 'https');
  return `${proto}://${host}`;
}

/** A release as the API lists it (snake_case, like the rest of /api/v1). */
export type ReleaseDto = {
  tag: string;
  notes: string;
  created_at: string;
  created_by: string;
  finding_count: number;
  source_count: number;
  checksum: string;
  files: { format: string; sha256: string; bytes: number }[];
  /** Every file but those added after the release was cut (LATER_RELEASE_FILES). */
  downloads: Partial<Record<ReleaseFileName, string>>;
  citation: string;
};

export function toReleaseDto(
  r: {
    tag: string;
    notes: string;
    createdAt: Date;
    createdBy: string;
    findingCount: number;
    sourceCount: number;
    checksum: string;
    files: { format: string; sha256: string; bytes: number }[];
  },
  origin: string,
): ReleaseDto {
  const names = releaseFileNames(r.files);
  return {
    tag: r.tag,
    notes: r.notes,
    created_at: r.createdAt.toISOString(),
    created_by: r.createdBy,
    finding_count: r.findingCount,
    source_count: r.sourceCount,
    checksum: r.checksum,
    files: r.files.map((f) => ({ format: f.format, sha256: f.sha256, bytes: f.bytes })),
    downloads: Object.fromEntries(names.map((n) => [n, `${origin}${releaseFileUrl(r.tag, n)}`])),
    citation: releaseCitation(r, origin),
  };
}

/** The next free tag of the month, e.g. 2026.11.2 when 2026.11.0 and 2026.11.1 exist. */
export function suggestReleaseTag(existing: string[], now = new Date()): string {
  const prefix = `${now.getUTCFullYear()}.${now.getUTCMonth() + 1}.`;
  const used = existing.filter((t) => t.startsWith(prefix)).map((t) => Number(t.slice(prefix.length)));
  return `${prefix}${used.length ? Math.max(...used) + 1 : 0}`;
}
