/**
 * The read policy: what a viewer may see, given who they are and the admin setting "public read".
 * Every page, route, export and write that touches a finding asks these functions (through
 * server/read-policy.ts, which binds them to the request); nothing else decides visibility.
 *
 * - The dataset (findings, sources, the map, counts, releases, exports) is readable by anyone
 *   signed in, and by anonymous visitors only while public read is on.
 * - The public sees approved content only: the approved revision (and earlier approved ones in a
 *   finding's history), its status as "approved", no work in progress, decisions, comments or flags.
 * - Signed-in users also see every submitted revision, the workflow (decisions, comments, flags)
 *   and their own drafts; a draft is private to its author — reviewers and admins included.
 */
import type { Role } from '../vocab/terms';

export type PolicyViewer = { id: number; role: Role } | null;
export type ReadContext = { viewer: PolicyViewer; publicRead: boolean };

export type FindingRef = { approvedRevisionId: number | null };
export type RevisionRef = { id: number; authorId: number; submittedAt: Date | string | null };

/** May this viewer read the dataset at all? */
export function canReadDataset(ctx: ReadContext): boolean {
  return ctx.viewer !== null || ctx.publicRead;
}

/** May this viewer see work in progress: submitted revisions, decisions, comments, flags, workflow status? */
export function canSeeWorkflow(ctx: ReadContext): boolean {
  return ctx.viewer !== null;
}

/**
 * Whether one revision is visible. `everApproved`: it was the approved revision at some point (a
 * superseded approved revision stays part of the public history).
 */
export function canSeeRevision(ctx: ReadContext, f: FindingRef, r: RevisionRef, everApproved: boolean): boolean {
  if (!canReadDataset(ctx)) return false;
  if (ctx.viewer === null) return everApproved || r.id === f.approvedRevisionId;
  return r.submittedAt !== null || r.authorId === ctx.viewer.id;
}

/**
 * The revision a finding is shown as: the approved one for everyone; without one, the latest for a
 * signed-in viewer when it is submitted or their own draft. Null means "no such finding" (404).
 */
export function shownRevisionId(
  ctx: ReadContext,
  f: FindingRef,
  latest: RevisionRef | null | undefined,
): number | null {
  if (!canReadDataset(ctx)) return null;
  if (f.approvedRevisionId) return f.approvedRevisionId;
  if (ctx.viewer && latest && (latest.submittedAt !== null || latest.authorId === ctx.viewer.id)) return latest.id;
  return null;
}

export function canSeeFinding(ctx: ReadContext, f: FindingRef, latest: RevisionRef | null | undefined): boolean {
  return shownRevisionId(ctx, f, latest) !== null;
}

/** Comments and flags: signed-in users, on findings they can see. */
export function canDiscuss(ctx: ReadContext, f: FindingRef, latest: RevisionRef | null | undefined): boolean {
  return canSeeWorkflow(ctx) && canSeeFinding(ctx, f, latest);
}

/** The workflow status filter beyond "approved" is for signed-in users. */
export function canFilterByStatus(ctx: ReadContext, status: string | null | undefined): boolean {
  return !status || status === 'approved' || canSeeWorkflow(ctx);
}

/** The status a viewer is told: the public sees where the public version stands. */
export function visibleStatus(ctx: ReadContext, f: FindingRef & { status: string }): string {
  return !canSeeWorkflow(ctx) && f.approvedRevisionId ? 'approved' : f.status;
}

/**
 * The revisions of a finding that were published at some point: the approved one, and earlier ones
 * whose approval completed (`publishedRevisionNos`, from the append-only audit's `finding.approved`)
 * and that were superseded since. A revision with only some of its approvals (dual review), or
 * still awaiting its decision, is never among them.
 */
export function everApprovedRevisionIds(
  f: FindingRef,
  revisions: readonly { id: number; revisionNo: number }[],
  publishedRevisionNos: readonly number[],
): Set<number> {
  const published = new Set(publishedRevisionNos);
  const ids = new Set<number>();
  if (f.approvedRevisionId) ids.add(f.approvedRevisionId);
  for (const r of revisions) if (published.has(r.revisionNo)) ids.add(r.id);
  return ids;
}

/**
 * A source's stored text. Open-access text (Crossref abstract, Europe PMC) is shown to anyone who may read
 * the dataset; pasted or uploaded text only to signed-in users, whatever "public read" says (copyright).
 */
export function canReadSnapshot(ctx: ReadContext, s: { openAccess: boolean }): boolean {
  return canReadDataset(ctx) && (s.openAccess || ctx.viewer !== null);
}
