import { z } from 'zod';
import { emailSchema } from '../validation/text';

/** Filters of the audit log, as they travel in the URL of the page and of the CSV export. */
export const AUDIT_FILTER_KEYS = ['actor', 'action', 'from', 'to'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type AuditFilters = Partial<Record<AuditFilterKey, string>>;

/** Where a page starts: strictly older than this event in (at desc, id desc) order. */
export type AuditCursor = { at: string; id: number };

export const AUDIT_PAGE_SIZE = 50;

// Microseconds, because PostgreSQL keeps them: a millisecond cursor would skip rows sharing its millisecond.
const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Action names are dotted identifiers (finding.submit, user.role_change); a trailing '.' or '*' asks for a prefix.
const ACTION = /^[a-z0-9_]+(\.[a-z0-9_]+)*\.?\*?$/i;

function isRealDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const daySchema = z
  .string()
  .trim()
  .refine((s) => DAY.test(s) && isRealDay(s), { error: 'Use a date like 2026-01-31.' });

export const auditFilterSchema = z
  .object({
    actor: z.preprocess(blankToUndefined, emailSchema.optional()),
    action: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(100, { error: 'At most 100 characters.' })
        .refine((s) => ACTION.test(s), { error: 'An action looks like finding.submit, or a prefix like finding.' })
        .optional(),
    ),
    from: z.preprocess(blankToUndefined, daySchema.optional()),
    to: z.preprocess(blankToUndefined, daySchema.optional()),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: 'The end date is before the start date.', path: ['to'] });

/** An action filter: exact, or a prefix when it ends in '.' or '*'. */
export function actionMatch(action: string): { kind: 'exact' | 'prefix'; value: string } {
  if (action.endsWith('*')) return { kind: 'prefix', value: action.slice(0, -1) };
  if (action.endsWith('.')) return { kind: 'prefix', value: action };
  return { kind: 'exact', value: action };
}

/** [start, end) in UTC for inclusive YYYY-MM-DD dates. */
export function dateRange(filters: AuditFilters): { start?: Date; end?: Date } {
  const start = filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined;
  const end = filters.to ? new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000) : undefined;
  return { start, end };
}

export function encodeCursor(c: AuditCursor): string {
  return Buffer.from(`${c.at}|${c.id}`, 'utf8').toString('base64url');
}

/** The cursor in a `before` parameter, or null when it is not one we made. */
export function decodeCursor(s: string): AuditCursor | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(s)) return null;
  const [at, id, ...rest] = Buffer.from(s, 'base64url').toString('utf8').split('|');
  if (rest.length || !at || !id || !CURSOR_AT.test(at) || !/^\d{1,15}$/.test(id)) return null;
  if (!isRealDay(at.slice(0, 10)) || Number.isNaN(Date.parse(at))) return null;
  const n = Number(id);
  return n > 0 ? { at, id: n } : null;
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function get(params: RawParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

export type AuditQuery =
  | { ok: true; filters: AuditFilters; cursor: AuditCursor | null }
  | { ok: false; errors: Partial<Record<AuditFilterKey | 'before', string>>; raw: AuditFilters };

/** Parse the page's or the export's query string; errors are per parameter, never thrown. */
export function parseAuditQuery(params: RawParams): AuditQuery {
  const raw: AuditFilters = {};
  for (const k of AUDIT_FILTER_KEYS) {
    const v = get(params, k);
    if (v !== undefined) raw[k] = v.slice(0, 300);
  }
  const errors: Partial<Record<AuditFilterKey | 'before', string>> = {};
  const parsed = auditFilterSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'action') as AuditFilterKey;
      errors[key] ??= issue.message;
    }
  }
  const before = get(params, 'before');
  const cursor = before ? decodeCursor(before) : null;
  if (before && !cursor) errors.before = 'This page link is broken or out of date; start again from the newest events.';
  if (!parsed.success || errors.before) return { ok: false, errors, raw };
  const filters: AuditFilters = {};
  for (const k of AUDIT_FILTER_KEYS) if (parsed.data[k]) filters[k] = parsed.data[k];
  return { ok: true, filters, cursor };
}

/** The query string ("?actor=…&before=…", or "") for these filters and an optional cursor. */
export function auditQueryString(filters: AuditFilters, cursor?: AuditCursor | null): string {
  const q = new URLSearchParams();
  for (const k of AUDIT_FILTER_KEYS) if (filters[k]) q.set(k, filters[k]);
  if (cursor) q.set('before', encodeCursor(cursor));
  const s = q.toString();
  return s ? `?${s}` : '';
}
