import type { FieldDiff } from '@/lib/finding/diff';

/** A field-by-field diff: values before/after, list items added/removed, text word by word. */
export function RevisionDiff({ diffs }: { diffs: FieldDiff[] }) {
  if (diffs.length === 0) return <p className="empty">The two revisions have the same content.</p>;
  return (
    <table className="data-table" data-testid="diff">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {diffs.map((d) => (
          <tr key={d.field} data-field={d.field}>
            <th scope="row">{d.label}</th>
            <td>
              {d.kind === 'scalar' && (
                <>
                  <del>{d.before ?? '—'}</del> → <ins>{d.after ?? '—'}</ins>
                </>
              )}
              {d.kind === 'list' && (
                <ul style={{ margin: 0, paddingLeft: '1rem' }}>
                  {d.added.map((x) => (
                    <li key={`+${x}`}>
                      <ins>added: {x}</ins>
                    </li>
                  ))}
                  {d.removed.map((x) => (
                    <li key={`-${x}`}>
                      <del>removed: {x}</del>
                    </li>
                  ))}
                </ul>
              )}
              {d.kind === 'text' &&
                d.parts.map((p, i) =>
                  p.added ? (
                    <ins key={i}>{p.value}</ins>
                  ) : p.removed ? (
                    <del key={i}>{p.value}</del>
                  ) : (
                    <span key={i}>{p.value}</span>
                  ),
                )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
