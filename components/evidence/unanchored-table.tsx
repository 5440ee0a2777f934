import Link from 'next/link';
import type { AnchorItemView } from './anchor-view';

/** Ambiguous or orphaned quotes: listed for curators, with the newest text they no longer anchor in. */
export function UnanchoredTable({
  id,
  title,
  caption,
  items,
}: {
  id: string;
  title: string;
  caption: string;
  items: AnchorItemView[];
}) {
  if (!items.length) return null;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="table-wrap">
        <table className="data-table" data-testid={id}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Finding</th>
              <th scope="col">Quote as stored</th>
              <th scope="col">Source</th>
              <th scope="col">Newest text, where it no longer anchors</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link href={o.findingHref}>{o.publicId}</Link>
                </th>
                <td>
                  <blockquote style={{ margin: 0 }}>{o.quote}</blockquote>
                </td>
                <td>
                  <Link href={o.sourceHref}>{o.doi}</Link>
                </td>
                <td>{o.snapshotLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
