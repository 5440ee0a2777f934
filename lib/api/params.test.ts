import { describe, expect, it } from 'vitest';
import { visibleRevisionId } from './finding-dto';
import { readDenied, statusDenied } from './http';
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

describe('read access', () => {
  it('lets anonymous callers read only while public read is on', async () => {
    expect(readDenied(true, null)).toBeNull();
    expect(readDenied(false, { id: 1 })).toBeNull();
    const r = readDenied(false, null)!;
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('needs a signed-in caller for workflow status filters', async () => {
    expect(statusDenied({ status: 'approved' }, null)).toBeNull();
    expect(statusDenied({ status: 'draft' }, { id: 1 })).toBeNull();
    const r = statusDenied({ status: 'draft' }, null)!;
    expect(r.status).toBe(401);
    expect((await r.json()).fields).toHaveProperty('status');
  });

  it('shows a finding without an approved revision only to who may see it', () => {
    const f = {
      publicId: 'EVX-000100',
      status: 'draft',
      latestRevisionId: 5,
      approvedRevisionId: null,
      approvedAt: null,
    };
    const draft = { id: 5, authorId: 9, submittedAt: null };
    expect(visibleRevisionId(f, draft, null)).toBeNull();
    expect(visibleRevisionId(f, draft, { id: 8 })).toBeNull();
    expect(visibleRevisionId(f, draft, { id: 9 })).toBe(5);
    expect(visibleRevisionId({ ...f, status: 'submitted' }, { ...draft, submittedAt: new Date() }, { id: 8 })).toBe(5);
    expect(visibleRevisionId({ ...f, approvedRevisionId: 4 }, draft, null)).toBe(4);
  });
});
