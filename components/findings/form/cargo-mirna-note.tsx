'use client';

import { useEffect, useState } from 'react';
import type { MirnaResolution } from '@/lib/vocab/mirna-resolve';

type Answer = { key: string; data: MirnaResolution | null };

/**
 * Under a miRNA cargo item without a term: how its name reads in the study's species (from
 * `GET /api/terms/mirna`), said in words — the mature miRNA it names, or why it stays at the
 * precursor level (no arm given), or what it could be. The curator may take a mature miRNA
 * the note names; nothing is chosen for them.
 */
export function CargoMirnaNote({
  index,
  name,
  species,
  onChoose,
}: {
  index: number;
  name: string;
  species: string;
  onChoose: (term: { curie: string; label: string }) => void;
}) {
  const key = new URLSearchParams({ name: name.trim(), species }).toString();
  const ready = name.trim() !== '' && species !== '';
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (!ready) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/terms/mirna?${key}`, { signal: controller.signal });
        const body = (await res.json()) as { data?: MirnaResolution };
        setAnswer({ key, data: res.ok && body.data ? body.data : null });
      } catch {
        if (!controller.signal.aborted) setAnswer({ key, data: null });
      }
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, ready]);
  const data = ready && answer?.key === key ? answer.data : null;
  const terms = data ? (data.status === 'mature' ? [data.term] : data.candidates) : [];
  return (
    <div className="hint" id={`cargo-${index}-mirna-note`} aria-live="polite" data-testid="mirna-note">
      {data && (
        <>
          <p style={{ margin: 0 }}>{data.note}</p>
          {terms.length > 0 && (
            <p style={{ margin: 0, display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
              {terms.map((t) => (
                <button key={t.curie} type="button" className="btn" onClick={() => onChoose(t)}>
                  Use {t.label} ({t.curie.replace(/^mirbase\.mature:/, '')})
                </button>
              ))}
            </p>
          )}
        </>
      )}
    </div>
  );
}
