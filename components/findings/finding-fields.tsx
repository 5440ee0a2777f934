import type { FindingRevision } from '@/db/schema';
import { FIELD_LABELS } from '@/lib/finding/schema';
import { misevCompleteness } from '@/lib/finding/misev';
import { revisionToContent } from '@/lib/finding/from-row';
import {
  DIRECTIONS,
  EFFECT_DIRECTIONS,
  EM_METHODS,
  EV_TYPES,
  organLabel,
  PARTICLE_ANALYSIS,
  SEPARATION_METHODS,
  speciesLabel,
  STUDY_TYPES,
} from '@/lib/vocab';

const NONE = <span className="muted">not reported</span>;

function Chips({ items }: { items: string[] }) {
  if (items.length === 0) return NONE;
  return (
    <>
      {items.map((i) => (
        <span key={i} className="chip">
          {i}
        </span>
      ))}
    </>
  );
}

/** Every field of one revision, as a definition list. */
export function FindingFields({ revision }: { revision: FindingRevision }) {
  const c = revisionToContent(revision);
  const misev = misevCompleteness(c);
  const rows: [keyof typeof FIELD_LABELS, React.ReactNode][] = [
    ['targetOrgan', `${organLabel(c.targetOrgan)} (${c.targetOrgan})`],
    ['species', `${speciesLabel(c.species)} (${c.species})`],
    ['evSource', c.evSource],
    [
      'cargo',
      c.cargo.length === 0 ? (
        <span className="muted">not identified</span>
      ) : (
        <Chips items={c.cargo.map((i) => `${i.name} (${i.type})`)} />
      ),
    ],
    ['recipientCell', c.recipientCell],
    ['modelDisease', c.modelDisease || NONE],
    ['result', c.result],
    ['direction', DIRECTIONS.label(c.direction)],
    ['origin', organLabel(c.origin)],
    ['studyType', c.studyType ? STUDY_TYPES.label(c.studyType) : NONE],
    ['effectDirection', c.effectDirection ? EFFECT_DIRECTIONS.label(c.effectDirection) : NONE],
    ['mechanism', <Chips key="m" items={c.mechanism} />],
    ['evType', c.evType ? EV_TYPES.label(c.evType) : NONE],
    ['separationMethods', <Chips key="s" items={c.separationMethods.map(SEPARATION_METHODS.label)} />],
    ['particleAnalysis', <Chips key="p" items={c.particleAnalysis.map(PARTICLE_ANALYSIS.label)} />],
    ['emMethods', <Chips key="e" items={c.emMethods.map(EM_METHODS.label)} />],
    ['markersPositive', <Chips key="mp" items={c.markersPositive} />],
    ['markersNegative', <Chips key="mn" items={c.markersNegative} />],
    ['evidenceQuote', c.evidenceQuote ? <blockquote style={{ margin: 0 }}>{c.evidenceQuote}</blockquote> : NONE],
    ['evidenceLocation', c.evidenceLocation || NONE],
    ['curatorNote', c.curatorNote || NONE],
  ];
  return (
    <dl className="fields">
      {rows.map(([key, value]) => (
        <div key={key} style={{ display: 'contents' }}>
          <dt>{FIELD_LABELS[key]}</dt>
          <dd data-field={key}>{value}</dd>
        </div>
      ))}
      <dt>MISEV completeness</dt>
      <dd data-field="misev">
        {misev.score} %{' '}
        <span className="muted">
          (
          {misev.items
            .filter((i) => i.met)
            .map((i) => i.label)
            .join(', ') || 'no EV methods reported'}
          )
        </span>
      </dd>
    </dl>
  );
}
