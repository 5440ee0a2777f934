import { ORGANS } from '@/lib/vocab';

/** The queue's filters as a plain GET form, so a filtered queue is a link. */
export function QueueFilters({
  organ,
  submitter,
  submitters,
}: {
  organ?: string;
  submitter?: number;
  submitters: [id: number, name: string][];
}) {
  return (
    <form
      method="get"
      style={{ display: 'flex', gap: '0.75rem', alignItems: 'flex-end', flexWrap: 'wrap', marginBottom: '1rem' }}
    >
      <div className="field">
        <label htmlFor="q-organ">Target organ</label>
        <select id="q-organ" name="organ" defaultValue={organ ?? ''}>
          <option value="">Any</option>
          {ORGANS.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="q-submitter">Submitter</label>
        <select id="q-submitter" name="submitter" defaultValue={submitter ?? ''}>
          <option value="">Anyone</option>
          {submitters.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
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
