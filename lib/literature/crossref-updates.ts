/**
 * Retraction and correction watch: what Crossref says has updated a work (`GET {base}/works/{doi}`).
 *
 * Read, in this order:
 * - `message['updated-by'][]` — `{ DOI, type, label?, updated: { 'date-parts' }, source? }`: the notices that
 *   update this work. Crossref fills it from publishers' Crossmark deposits and from Retraction Watch
 *   (`source: 'retraction-watch'`); this is the documented way to see a work's retractions and corrections.
 * - `message['update-to'][]` (the older, notice-side link) entries whose DOI is the work's own DOI: an in-place
 *   notice (the publisher deposited the retraction on the article itself). Entries pointing at other DOIs mean
 *   this work *is* a notice; they are returned apart, as `isNoticeFor`, and do not mark the work as updated.
 * - `relation` is not read: its vocabulary (is-preprint-of, is-version-of, has-review, …) has no retraction,
 *   correction or concern type.
 * Not done: the second query Crossref also offers (`/works?filter=updates:{doi}`, notices that point at the work
 * but were not linked back); `updated-by` already carries those links.
 *
 * Types: retraction, removal, withdrawal → 'retraction'; correction, erratum, corrigendum → 'correction';
 * expression_of_concern / expression-of-concern → 'expression_of_concern'; anything else (new_version, addendum,
 * clarification, partial_retraction …) → 'other', the original kept in `crossrefType`. The same notice listed
 * twice (publisher and Retraction Watch) is returned once. Never throws.
 */
import { z } from 'zod';
import { CROSSREF_BASE_URL, USER_AGENT } from '../crossref';
import { normalizeDoi } from '../doi';
import { getCapped, parseJson, SOURCE_UNCHANGED, timeoutOf } from '../sourcetext/http';

export type UpdateType = 'retraction' | 'correction' | 'expression_of_concern' | 'other';

export type CrossrefUpdate = {
  type: UpdateType;
  /** Crossref's own type, lower-case ("retraction", "erratum", "new_version" …). */
  crossrefType: string;
  /** The notice's DOI, normalized (the work's own DOI for an in-place notice). */
  noticeDoi: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY as precise as Crossref gives it; null when absent. */
  date: string | null;
  label: string | null;
  /** 'publisher' or 'retraction-watch' when Crossref says; null otherwise. */
  source: string | null;
  via: 'updated-by' | 'update-to';
};

/** What a notice updates (from its own `update-to`): `doi` is the updated work's, not the notice's. */
export type CrossrefNoticeTarget = Pick<CrossrefUpdate, 'type' | 'crossrefType' | 'date' | 'label'> & { doi: string };

export type CrossrefUpdatesResult =
  | { ok: true; doi: string; updates: CrossrefUpdate[]; isNoticeFor: CrossrefNoticeTarget[] }
  | { ok: false; reason: 'not_found' | 'timeout' | 'bad_response' | 'network' | 'too_large'; message: string };

export type FetchCrossrefUpdatesOptions = {
  baseUrl?: string;
  /** Contact address for Crossref's polite pool, sent in the User-Agent. */
  mailto?: string;
  /** Whole-request budget (headers and body). Default 5000. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
};

/** A work's metadata with its references and relations is rarely over 1 MB. */
export const CROSSREF_UPDATES_MAX_BYTES = 8 * 1024 * 1024;

const updateSchema = z.object({
  DOI: z.string(),
  type: z.string(),
  label: z.string().optional().catch(undefined),
  source: z.string().optional().catch(undefined),
  updated: z
    .object({ 'date-parts': z.array(z.array(z.number().nullable())).optional() })
    .optional()
    .catch(undefined),
});

export const crossrefUpdatesResponseSchema = z.object({
  status: z.literal('ok'),
  'message-type': z.literal('work'),
  message: z.object({
    DOI: z.string(),
    'updated-by': z.array(updateSchema).optional(),
    'update-to': z.array(updateSchema).optional(),
  }),
});

const TYPES: Record<string, UpdateType> = {
  retraction: 'retraction',
  removal: 'retraction',
  withdrawal: 'retraction',
  correction: 'correction',
  erratum: 'correction',
  corrigendum: 'correction',
  expression_of_concern: 'expression_of_concern',
};

export function mapUpdateType(type: string): UpdateType {
  return (
    TYPES[
      type
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_')
    ] ?? 'other'
  );
}

function dateOf(parts: (number | null)[] | undefined): string | null {
  const [y, m, d] = parts ?? [];
  if (typeof y !== 'number' || !Number.isInteger(y) || y < 1000 || y > 2999) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (typeof m !== 'number' || m < 1 || m > 12) return String(y);
  if (typeof d !== 'number' || d < 1 || d > 31) return `${y}-${pad(m)}`;
  return `${y}-${pad(m)}-${pad(d)}`;
}

type RawUpdate = z.infer<typeof updateSchema>;

function toUpdate(u: RawUpdate, via: CrossrefUpdate['via']): CrossrefUpdate {
  const doi = normalizeDoi(u.DOI);
  return {
    type: mapUpdateType(u.type),
    crossrefType: u.type.trim().toLowerCase(),
    noticeDoi: doi.ok ? doi.doi : u.DOI.trim().toLowerCase(),
    date: dateOf(u.updated?.['date-parts']?.[0]),
    label: u.label?.trim() || null,
    source: u.source?.trim() || null,
    via,
  };
}

const SERVICE = 'Crossref';
const fail = (reason: Extract<CrossrefUpdatesResult, { ok: false }>['reason'], message: string) =>
  ({ ok: false, reason, message }) as const;

/** Fetches the updates (retractions, corrections, expressions of concern …) of the work with this DOI. */
export async function fetchCrossrefUpdates(
  doi: string,
  opts: FetchCrossrefUpdatesOptions = {},
): Promise<CrossrefUpdatesResult> {
  const normalized = normalizeDoi(doi);
  if (!normalized.ok) return fail('not_found', normalized.message);
  const base = (opts.baseUrl ?? CROSSREF_BASE_URL).replace(/\/+$/, '');
  const mailto = opts.mailto?.trim();
  const res = await getCapped(`${base}/works/${encodeURIComponent(normalized.doi)}`, {
    service: SERVICE,
    headers: { Accept: 'application/json', 'User-Agent': mailto ? `${USER_AGENT} (mailto:${mailto})` : USER_AGENT },
    timeoutMs: timeoutOf(opts),
    maxBytes: CROSSREF_UPDATES_MAX_BYTES,
    fetchImpl: opts.fetchImpl,
  });
  const later = 'The source is unchanged; the check can be run again later.';
  if (!res.ok) {
    const reason = res.reason === 'no_text' ? 'bad_response' : res.reason;
    return fail(reason, res.message.replace(SOURCE_UNCHANGED, later));
  }
  if (res.status === 404) return fail('not_found', `${SERVICE} has no record of DOI ${normalized.doi}.`);
  if (res.status < 200 || res.status > 299) {
    return fail('bad_response', `${SERVICE} answered with HTTP ${res.status}. ${later}`);
  }
  const parsed = crossrefUpdatesResponseSchema.safeParse(parseJson(res.body));
  if (!parsed.success) return fail('bad_response', `${SERVICE} sent an unexpected answer. ${later}`);

  const { message } = parsed.data;
  const own = normalizeDoi(message.DOI);
  const self = own.ok ? own.doi : normalized.doi;
  const updates = (message['updated-by'] ?? []).map((u) => toUpdate(u, 'updated-by'));
  const isNoticeFor: CrossrefNoticeTarget[] = [];
  for (const u of message['update-to'] ?? []) {
    const mapped = toUpdate(u, 'update-to');
    const { noticeDoi, type, crossrefType, date, label } = mapped;
    if (noticeDoi === self) updates.push(mapped);
    else isNoticeFor.push({ doi: noticeDoi, type, crossrefType, date, label });
  }
  const seen = new Set<string>();
  const unique = updates.filter((u) => {
    const key = `${u.noticeDoi}|${u.type}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ok: true, doi: self, updates: unique, isNoticeFor };
}
