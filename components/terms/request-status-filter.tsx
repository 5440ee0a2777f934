import { TERM_REQUEST_STATUSES, type TermRequestStatus } from '@/lib/vocab/term-request-schema';

const LABELS: Record<TermRequestStatus | 'all', string> = {
  open: 'Open',
  accepted: 'Accepted as local terms',
  mapped: 'Mapped to existing terms',
  declined: 'Declined',
  all: 'All',
};

/** The status filter as a plain GET form, so a filtered list is a link. */
export function RequestStatusFilter({ status }: { status: TermRequestStatus | 'all' }) {
  return (
    <form
      method="get"
      className="filters"
      aria-label="Filter term requests"
      style={{ display: 'flex', gap: '0.75rem', alignItems: 'flex-end', flexWrap: 'wrap' }}
    >
      <div className="field">
        <label htmlFor="tr-status">Status</label>
        <select id="tr-status" name="status" defaultValue={status}>
          {[...TERM_REQUEST_STATUSES, 'all' as const].map((s) => (
            <option key={s} value={s}>
              {LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn">
        Filter
      </button>
    </form>
  );
}

export function statusLabel(status: TermRequestStatus | 'all'): string {
  return LABELS[status];
}
