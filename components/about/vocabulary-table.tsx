import type { VocabularyCredit } from '@/lib/vocab/credits';

const count = (n: number) => n.toLocaleString('en');

function LoadedAt({ at }: { at: Date }) {
  const iso = at.toISOString();
  return <time dateTime={iso}>{`${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`}</time>;
}

function Licence({ v }: { v: VocabularyCredit }) {
  return v.licenceUrl ? (
    <a href={v.licenceUrl} rel="license">
      {v.licence}
    </a>
  ) : (
    <>{v.licence}</>
  );
}

function LoadedCells({ v }: { v: VocabularyCredit }) {
  if (!v.loaded)
    return (
      <td colSpan={4} className="muted">
        Not loaded in this database
      </td>
    );
  return (
    <>
      <td>{v.loaded.version}</td>
      <td>{count(v.loaded.termCount)}</td>
      <td>{count(v.loaded.obsoleteCount)}</td>
      <td style={{ whiteSpace: 'nowrap' }}>
        <LoadedAt at={v.loaded.loadedAt} />
      </td>
    </>
  );
}

/** Every vocabulary: where it comes from and under which licence, and which release this database has loaded. */
export function VocabularyTable({ credits }: { credits: VocabularyCredit[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="vocabularies">
        <caption className="visually-hidden">
          Vocabularies: source, release and licence, and what this database has loaded
        </caption>
        <thead>
          <tr>
            <th scope="col">Vocabulary</th>
            <th scope="col">CURIE prefix</th>
            <th scope="col">Release in db/vocab</th>
            <th scope="col">Licence</th>
            <th scope="col">Homepage</th>
            <th scope="col">Loaded release</th>
            <th scope="col">Terms</th>
            <th scope="col">Obsolete</th>
            <th scope="col">Loaded at</th>
          </tr>
        </thead>
        <tbody>
          {credits.map((v) => (
            <tr key={v.id} data-testid={`vocab-${v.id}`}>
              <th scope="row">{v.name}</th>
              <td>
                <code>{v.prefix}</code>
              </td>
              <td>{v.version}</td>
              <td>
                <Licence v={v} />
              </td>
              <td>
                {v.homepage ? (
                  <a href={v.homepage}>{v.homepage.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a>
                ) : (
                  '—'
                )}
              </td>
              <LoadedCells v={v} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
