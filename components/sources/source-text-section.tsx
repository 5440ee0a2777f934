import Link from 'next/link';
import type { SourceTextView } from '@/server/source-text-view';
import { sourcePath } from '@/lib/sources/paths';
import { ORIGIN_LABELS, SourceReader } from './reader/source-reader';
import { SourceTextPanel } from './source-text-panel';

type Props = { doi: string; sourceId: number; view: SourceTextView; canCurate: boolean };

/** The source page's text: its stored versions, the reader, and (for curators) adding a text. */
export function SourceTextSection({ doi, sourceId, view, canCurate }: Props) {
  const { shown, snapshots } = view;
  return (
    <section aria-label="Text of the paper" data-testid="source-text">
      {snapshots.length > 1 && (
        <nav aria-label="Versions of the text">
          <p>
            Versions of the text (newest first):{' '}
            {snapshots.map((s, i) => (
              <span key={s.id}>
                {i > 0 && ' · '}
                {shown?.snapshot.id === s.id ? (
                  <strong aria-current="true">
                    {ORIGIN_LABELS[s.origin]}, {s.retrievedAt.toISOString().slice(0, 10)}
                  </strong>
                ) : (
                  <Link href={`${sourcePath(doi)}?text=${s.id}`}>
                    {ORIGIN_LABELS[s.origin]}, {s.retrievedAt.toISOString().slice(0, 10)}
                  </Link>
                )}
              </span>
            ))}
          </p>
        </nav>
      )}
      {shown ? (
        <SourceReader
          snapshot={shown.snapshot}
          mentions={shown.mentions}
          doi={doi}
          canCurate={canCurate}
          drafts={view.drafts}
          visibilityNote={shown.visibilityNote}
        />
      ) : (
        <p className="empty" data-testid="source-text-empty">
          {view.hiddenFromViewer
            ? 'This source has pasted or uploaded text, shown to signed-in users only (copyright differs from open-access text).'
            : 'No text of this paper is stored yet.'}
          {canCurate && !view.hiddenFromViewer && ' Add it below to select evidence in it.'}
        </p>
      )}
      {canCurate && (
        <details open={!shown}>
          <summary>Add or update the text of this paper</summary>
          <SourceTextPanel sourceId={sourceId} />
        </details>
      )}
    </section>
  );
}
