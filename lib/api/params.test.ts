import { describe, expect, it } from 'vitest';
import { doiFromSegments } from './params';

describe('doiFromSegments', () => {
  it.each([
    [['10.1007', 's00125-014-3337-2']],
    [['10.1007%2Fs00125-014-3337-2']],
    [['10.1007/S00125-014-3337-2']],
    [['doi:10.1007', 's00125-014-3337-2']],
    [['https:', 'doi.org', '10.1007', 's00125-014-3337-2']],
    [['https:', '', 'doi.org', '10.1007', 's00125-014-3337-2']],
  ])('reads %j', (segments) => {
    expect(doiFromSegments(segments)).toEqual({ ok: true, doi: '10.1007/s00125-014-3337-2' });
  });

  it('refuses what is not a DOI', () => {
    expect(doiFromSegments(['not-a-doi']).ok).toBe(false);
    expect(doiFromSegments(['%E0%A4%A']).ok).toBe(false);
  });
});
