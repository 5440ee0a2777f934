/** The result's size (announced when it changes) and the current selection as downloads. */
export function BrowseBar({ countText, exportParams }: { countText: string; exportParams: string }) {
  const url = (format: string) => `/api/v1/export?format=${format}${exportParams ? `&${exportParams}` : ''}`;
  return (
    <div className="pager">
      <p className="muted" data-testid="findings-count" role="status" style={{ margin: 0 }}>
        {countText}
      </p>
      <span>
        Download:{' '}
        <a href={url('csv')} data-testid="export-csv">
          CSV
        </a>{' '}
        · <a href={url('json')}>JSON</a> · <a href={url('ndjson')}>NDJSON</a>
      </span>
    </div>
  );
}
