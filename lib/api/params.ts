import { type NormalizeDoiResult, normalizeDoi } from '../doi';

/**
 * A DOI from the path segments of `/api/v1/sources/{doi...}`, in any form:
 * bare (`10.1007/s00125-014-3337-2`, slashes kept or %2F-encoded),
 * `doi:10.…`, or a resolver link (`https://doi.org/10.…`, whose "//" the
 * router may have collapsed). Segments may arrive decoded or not.
 */
export function doiFromSegments(segments: readonly string[]): NormalizeDoiResult {
  const joined = segments.join('/').replace(/^(https?):\/(?!\/)/i, '$1://');
  const direct = normalizeDoi(joined);
  if (direct.ok || !/%[0-9a-f]{2}/i.test(joined)) return direct;
  try {
    return normalizeDoi(decodeURIComponent(joined));
  } catch {
    return direct;
  }
}
