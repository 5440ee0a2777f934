'use client';

import { type UseFormReturn, useWatch } from 'react-hook-form';
import { misevScoreOf } from '@/lib/finding/misev';
import {
  DIRECTIONS,
  EFFECT_DIRECTIONS,
  EM_METHODS,
  EV_TYPES,
  PARTICLE_ANALYSIS,
  SEPARATION_METHODS,
  SPECIES,
  STUDY_TYPES,
} from '@/lib/vocab';
import { CargoEditor } from './cargo-editor';
import { CheckboxGroup } from './checkbox-group';
import { EvidenceAnchorFields } from './evidence-anchor';
import { fieldBuilders } from './field-builders';
import { SingleTermField, TermListField } from './term-fields';
import type { FindingFormValues } from './types';

type FormProps = { form: UseFormReturn<FindingFormValues> };
/** Labels of the term ids the form starts with (a chip or an option shows the label, the form keeps the id). */
type LabelProps = FormProps & { termLabels: Readonly<Record<string, string>> };

const speciesOptions = SPECIES.map((s) => ({ value: s.id, label: `${s.label} (${s.scientific})` }));

function Table1Fields({ form, termLabels }: LabelProps) {
  const { text, area, select } = fieldBuilders(form);
  const { control, register, setValue, formState } = form;
  return (
    <fieldset className="field">
      <legend style={{ fontWeight: 700 }}>Finding (Table 1 columns)</legend>
      <SingleTermField
        form={form}
        name="targetOrgan"
        label="Target organ"
        kinds={['anatomy']}
        initialLabels={termLabels}
        hint="An UBERON term: an organ as the review groups them (bone element, heart, liver) or a finer one (bone marrow, soleus muscle)."
      />
      {select('species', 'Species', speciesOptions, 'Choose…')}
      {text('evSource', 'EV source', 'Donor cells or tissue as reported, e.g. C2C12 cells, Plasma of trained mice.')}
      <TermListField
        form={form}
        name="evSourceTerms"
        label="Source terms (UBERON tissue, CL cell, Cellosaurus line)"
        kinds={['anatomy', 'cell', 'cell_line']}
        hint="One or more; type a name or an id. Text without a term stays as free text, marked ungrounded."
      />
      <CargoEditor control={control} register={register} setValue={setValue} errors={formState.errors} />
      {text('recipientCell', 'Recipient cell', 'As reported, e.g. BMSCs, HUVECs, SH-SY5Y.')}
      <TermListField
        form={form}
        name="recipientCellTerms"
        label="Cell terms (CL cell type, Cellosaurus line)"
        kinds={['cell', 'cell_line']}
      />
      {text('modelDisease', 'Model / disease', 'e.g. Osteoporosis, UUO, HIIT; empty if not reported.')}
      <TermListField
        form={form}
        name="diseaseTerms"
        label="Disease terms (MONDO disease, HP phenotype)"
        kinds={['disease', 'phenotype']}
      />
      {text('condition', 'Condition (non-disease model)', 'e.g. HIIT, LPS treatment, hindlimb unloading.')}
      {area('result', 'Result', 'The finding, in one or two sentences.')}
    </fieldset>
  );
}

function ContextFields({ form, termLabels }: LabelProps) {
  const { select, list } = fieldBuilders(form);
  return (
    <fieldset className="field">
      <legend style={{ fontWeight: 700 }}>Context</legend>
      {select('direction', 'Direction', DIRECTIONS.list, 'Choose…')}
      <SingleTermField
        form={form}
        name="origin"
        label="Donor organ (origin)"
        kinds={['anatomy']}
        initialLabels={termLabels}
        hint="An UBERON term; skeletal muscle unless the EVs come from elsewhere (e.g. bone marrow)."
      />
      {select('studyType', 'Study type', STUDY_TYPES.list, 'Not reported')}
      {select('effectDirection', 'Effect direction', EFFECT_DIRECTIONS.list, 'Not reported')}
      {list('mechanism', 'Mechanism (targets / pathways)', 'Separate entries with ";", e.g. PTEN/AKT; Wnt/β-catenin.')}
      <TermListField
        form={form}
        name="targetGeneTerms"
        label="Target genes (HGNC)"
        kinds={['gene']}
        speciesScoped={false}
        hint="HGNC human gene symbols, whatever the species (the vocabularies hold no mouse or rat symbols)."
      />
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
      <TermListField
        form={form}
        name="methodTerms"
        label="Detection methods (ECO)"
        kinds={['method']}
        freeText={false}
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
      <EvidenceAnchorFields form={form} />
      {text('evidenceLocation', 'Evidence location', 'Figure, table or page, e.g. Fig. 3B.')}
      {area('curatorNote', 'Curator note')}
    </fieldset>
  );
}

/** Every field of the finding form, grouped as the curator reads a paper, then the change summary. */
export function FindingFieldsets({ form, termLabels }: LabelProps) {
  const { text } = fieldBuilders(form);
  return (
    <>
      <Table1Fields form={form} termLabels={termLabels} />
      <ContextFields form={form} termLabels={termLabels} />
      <MisevFields form={form} />
      <EvidenceFields form={form} />
      {text('changeSummary', 'Change summary', 'What this revision adds or changes (required to submit an edit).')}
    </>
  );
}
