'use client';

import { type UseFormReturn, useWatch } from 'react-hook-form';
import { misevScoreOf } from '@/lib/finding/misev';
import {
  DIRECTIONS,
  EFFECT_DIRECTIONS,
  EM_METHODS,
  EV_TYPES,
  ORGANS,
  PARTICLE_ANALYSIS,
  SEPARATION_METHODS,
  SPECIES,
  STUDY_TYPES,
} from '@/lib/vocab';
import { CargoEditor } from './cargo-editor';
import { CheckboxGroup } from './checkbox-group';
import { fieldBuilders } from './field-builders';
import type { FindingFormValues } from './types';

type FormProps = { form: UseFormReturn<FindingFormValues> };

const organOptions = ORGANS.map((o) => ({ value: o.id, label: o.label }));
const speciesOptions = SPECIES.map((s) => ({ value: s.id, label: `${s.label} (${s.scientific})` }));

function Table1Fields({ form }: FormProps) {
  const { text, area, select } = fieldBuilders(form);
  const { control, register, setValue, formState } = form;
  return (
    <fieldset className="field">
      <legend style={{ fontWeight: 700 }}>Finding (Table 1 columns)</legend>
      {select('targetOrgan', 'Target organ', organOptions, 'Choose…')}
      {select('species', 'Species', speciesOptions, 'Choose…')}
      {text('evSource', 'EV source', 'Donor cells or tissue as reported, e.g. C2C12 cells, Plasma of trained mice.')}
      <CargoEditor control={control} register={register} setValue={setValue} errors={formState.errors} />
      {text('recipientCell', 'Recipient cell', 'As reported, e.g. BMSCs, HUVECs, SH-SY5Y.')}
      {text('modelDisease', 'Model / disease', 'e.g. Osteoporosis, UUO, HIIT; empty if not reported.')}
      {area('result', 'Result', 'The finding, in one or two sentences.')}
    </fieldset>
  );
}

function ContextFields({ form }: FormProps) {
  const { select, list } = fieldBuilders(form);
  return (
    <fieldset className="field">
      <legend style={{ fontWeight: 700 }}>Context</legend>
      {select('direction', 'Direction', DIRECTIONS.list, 'Choose…')}
      {select('origin', 'Donor organ (origin)', organOptions)}
      {select('studyType', 'Study type', STUDY_TYPES.list, 'Not reported')}
      {select('effectDirection', 'Effect direction', EFFECT_DIRECTIONS.list, 'Not reported')}
      {list('mechanism', 'Mechanism (targets / pathways)', 'Separate entries with ";", e.g. PTEN/AKT; Wnt/β-catenin.')}
    </fieldset>
  );
}

/** The live score, re-rendered on its own; read through the server's draft parse, so it is the saved record's. */
function MisevScore({ form }: FormProps) {
  const misev = misevScoreOf(useWatch({ control: form.control }));
  return (
    <p className="muted" data-testid="misev-score">
      MISEV completeness: {misev.score} %
    </p>
  );
}

function MisevFields({ form }: FormProps) {
  const { e, select, list } = fieldBuilders(form);
  const { register } = form;
  return (
    <fieldset className="field">
      <legend style={{ fontWeight: 700 }}>EV methods (MISEV)</legend>
      <MisevScore form={form} />
      {select('evType', 'EV type', EV_TYPES.list, 'Not reported')}
      <CheckboxGroup
        id="separationMethods"
        legend="Separation methods"
        options={SEPARATION_METHODS.list}
        registration={register('separationMethods')}
        error={e('separationMethods')}
      />
      <CheckboxGroup
        id="particleAnalysis"
        legend="Particle analysis"
        options={PARTICLE_ANALYSIS.list}
        registration={register('particleAnalysis')}
        error={e('particleAnalysis')}
      />
      <CheckboxGroup
        id="emMethods"
        legend="Electron microscopy"
        options={EM_METHODS.list}
        registration={register('emMethods')}
        error={e('emMethods')}
      />
      {list('markersPositive', 'Positive markers', 'e.g. CD63; CD81; TSG101.')}
      {list('markersNegative', 'Negative markers', 'e.g. Calnexin; GM130.')}
    </fieldset>
  );
}

function EvidenceFields({ form }: FormProps) {
  const { text, area } = fieldBuilders(form);
  return (
    <fieldset className="field">
      <legend style={{ fontWeight: 700 }}>Evidence and notes</legend>
      {area('evidenceQuote', 'Evidence quote', 'The sentence(s) of the paper that state the finding.')}
      {text('evidenceLocation', 'Evidence location', 'Figure, table or page, e.g. Fig. 3B.')}
      {area('curatorNote', 'Curator note')}
    </fieldset>
  );
}

/** Every field of the finding form, grouped as the curator reads a paper, then the change summary. */
export function FindingFieldsets({ form }: FormProps) {
  const { text } = fieldBuilders(form);
  return (
    <>
      <Table1Fields form={form} />
      <ContextFields form={form} />
      <MisevFields form={form} />
      <EvidenceFields form={form} />
      {text('changeSummary', 'Change summary', 'What this revision adds or changes (required to submit an edit).')}
    </>
  );
}
