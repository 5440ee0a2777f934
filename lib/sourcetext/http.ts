/**
 * What the source-text clients (Europe PMC, Crossref abstract) share: one GET with a whole-request time budget
 * (headers and body), a body size cap enforced while reading, and failures as values, never exceptions.
 * Every message ends by saying the source is unchanged, so the caller can show it as is.
 */
import type { ExtractedText } from './types';

export type FetchFailureReason = 'not_found' | 'no_text' | 'timeout' | 'bad_response' | 'network' | 'too_large';

export type FetchTextResult<D> =
  { ok: true; value: ExtractedText; detail: D } | { ok: false; reason: FetchFailureReason; message: string };

export type ClientOptions = {
  baseUrl?: string;
  /** Whole-request budget per request (headers and body). Default 5000. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
};

export const SOURCE_TEXT_TIMEOUT_MS = 5000;
export const SOURCE_UNCHANGED = 'The source is unchanged; you can try again later or paste the text.';

export type GetResult =
  { ok: true; status: number; body: Uint8Array } | { ok: false; reason: FetchFailureReason; message: string };

export function timeoutOf(opts: ClientOptions): number {
  const t = opts.timeoutMs;
  return typeof t === 'number' && Number.isFinite(t) && t > 0 ? t : SOURCE_TEXT_TIMEOUT_MS;
}

export function formatDuration(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function errorCode(err: unknown): string | undefined {
  // undici: TypeError('fetch failed', { cause: Error & { code: 'ECONNREFUSED' } })
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function isAbort(err: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'));
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** GETs `url` within `timeoutMs` and at most `maxBytes` of body. `service` names the remote in messages. */
export async function getCapped(
  url: string,
  init: {
    service: string;
    headers: Record<string, string>;
    timeoutMs: number;
    maxBytes: number;
    fetchImpl?: typeof fetch;
  },
): Promise<GetResult> {
  const signal = AbortSignal.timeout(init.timeoutMs);
  const fetchImpl = init.fetchImpl ?? globalThis.fetch;
  try {
    const res = await fetchImpl(url, { headers: init.headers, signal, redirect: 'follow' });
    const body = await readCapped(res, init.maxBytes);
    if (body === null) {
      const mb = Math.round(init.maxBytes / (1024 * 1024));
      return {
        ok: false,
        reason: 'too_large',
        message: `${init.service} sent more than ${mb} MB. ${SOURCE_UNCHANGED}`,
      };
    }
    return { ok: true, status: res.status, body };
  } catch (err) {
    if (isAbort(err, signal)) {
      return {
        ok: false,
        reason: 'timeout',
        message: `${init.service} did not answer within ${formatDuration(init.timeoutMs)}. ${SOURCE_UNCHANGED}`,
      };
    }
    const code = errorCode(err);
    return {
      ok: false,
      reason: 'network',
      message: `Could not reach ${init.service}${code ? ` (${code})` : ''}. ${SOURCE_UNCHANGED}`,
    };
  }
}

/** Parses a JSON body; null when it is not JSON (an HTML error page, garbage). */
export function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8').decode(body)) as unknown;
  } catch {
    return null;
  }
}
