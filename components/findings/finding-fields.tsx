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
import type { TermRef } from '@/lib/vocab/term-ref';

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

/** Grounded values: label with its CURIE, or the text marked ungrounded. */
function Terms({ items }: { items: readonly TermRef[] }) {
  if (items.length === 0) return NONE;
  return (
    <>
      {items.map((t) => (
        <span key={t.curie ?? `text:${t.label}`} className={t.curie ? 'chip' : 'chip term-chip-ungrounded'}>
          {t.label}{' '}
          {t.curie ? <span className="term-id">{t.curie}</span> : <span className="term-ungrounded">ungrounded</span>}
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
    ['targetOrgan', `${revision.targetOrganLabel || organLabel(c.targetOrgan)} (${c.targetOrgan})`],
    ['species', `${revision.speciesLabel || speciesLabel(c.species)} (${c.species})`],
    ['evSource', c.evSource],
    ['evSourceTerms', <Terms key="evt" items={c.evSourceTerms} />],
    [
      'cargo',
      c.cargo.length === 0 ? (
        <span className="muted">not identified</span>
      ) : (
        <Chips items={c.cargo.map((i) => `${i.name} (${i.type})${i.curie ? ` ${i.curie}` : ''}`)} />
      ),
    ],
    ['recipientCell', c.recipientCell],
    ['recipientCellTerms', <Terms key="rct" items={c.recipientCellTerms} />],
    ['modelDisease', c.modelDisease || NONE],
    ['diseaseTerms', <Terms key="dt" items={c.diseaseTerms} />],
    ['condition', c.condition || NONE],
    ['result', c.result],
    ['direction', DIRECTIONS.label(c.direction)],
    ['origin', `${revision.originLabel || organLabel(c.origin)} (${c.origin})`],
    ['studyType', c.studyType ? STUDY_TYPES.label(c.studyType) : NONE],
    ['effectDirection', c.effectDirection ? EFFECT_DIRECTIONS.label(c.effectDirection) : NONE],
    ['mechanism', <Chips key="m" items={c.mechanism} />],
    ['targetGeneTerms', <Terms key="tg" items={c.targetGeneTerms} />],
    ['evType', c.evType ? EV_TYPES.label(c.evType) : NONE],
    ['separationMethods', <Chips key="s" items={c.separationMethods.map(SEPARATION_METHODS.label)} />],
    ['particleAnalysis', <Chips key="p" items={c.particleAnalysis.map(PARTICLE_ANALYSIS.label)} />],
    ['emMethods', <Chips key="e" items={c.emMethods.map(EM_METHODS.label)} />],
    ['methodTerms', <Terms key="mt" items={c.methodTerms} />],
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
