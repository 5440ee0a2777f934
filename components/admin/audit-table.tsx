import Link from 'next/link';
import type { AuditEventRow } from '@/lib/audit/types';

function Entity({ e }: { e: AuditEventRow }) {
  if (e.findingPublicId)
    return (
      <>
        finding <Link href={`/findings/${e.findingPublicId}`}>{e.findingPublicId}</Link>
      </>
    );
  return (
    <>
      {e.entity}
      {e.entityId ? <span className="muted"> #{e.entityId}</span> : null}
    </>
  );
}

export function AuditTable({ events }: { events: AuditEventRow[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Entity</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-testid="audit-row" data-event-id={e.id}>
              <td>
                <time dateTime={e.at.toISOString()}>{e.at.toISOString()}</time>
              </td>
              <td data-testid="audit-actor">
                {e.actorId == null ? (
                  <span className="muted">system</span>
                ) : (
                  <>
                    {e.actorName} <span className="muted">{e.actorEmail}</span>
                  </>
                )}
              </td>
              <td data-testid="audit-action">
                <code>{e.action}</code>
              </td>
              <td>
                <Entity e={e} />
              </td>
              <td>
                <code style={{ wordBreak: 'break-word', fontSize: '0.85rem' }}>{JSON.stringify(e.detail)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
