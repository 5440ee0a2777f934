'use client';

import { useState } from 'react';
import {
  Controller,
  useFieldArray,
  useWatch,
  type Control,
  type FieldErrors,
  type UseFormRegister,
  type UseFormSetValue,
} from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { TermPicker } from '@/components/ui/term-picker';
import { CargoMirnaNote } from './cargo-mirna-note';
import { normalizeMirnaName } from '@/lib/cargo/mirna';
import { CARGO_TYPES } from '@/lib/vocab';
import { CARGO_TERM_KINDS } from '@/lib/vocab/fields';
import type { FindingFormValues } from './types';

/**
 * The term of one cargo item: a mature miRNA of the study's species (miRBase) or a gene (HGNC),
 * by the item's type; other types stay text. A miRNA named without its arm is left without a
 * term: the paper does not say which mature strand it means.
 */
function CargoTerm({
  index: i,
  control,
  error,
}: {
  index: number;
  control: Control<FindingFormValues>;
  error?: string;
}) {
  const type = useWatch({ control, name: `cargo.${i}.type` });
  const itemName = useWatch({ control, name: `cargo.${i}.name` });
  const species = useWatch({ control, name: 'species' });
  const [labels, setLabels] = useState<Record<string, string>>({});
  const kinds = CARGO_TERM_KINDS[type];
  if (!kinds) return null;
  const id = `cargo-${i}-term`;
  return (
    <Controller
      control={control}
      name={`cargo.${i}.curie`}
      render={({ field }) => (
        <>
          <TermPicker
            id={id}
            label={`Term for cargo item ${i + 1}`}
            kinds={kinds}
            species={species || null}
            value={field.value ? [{ curie: field.value, label: labels[field.value] ?? field.value }] : []}
            onChange={(v) => {
              const chosen = v[0];
              if (chosen?.curie) setLabels((l) => ({ ...l, [chosen.curie!]: chosen.label }));
              field.onChange(chosen?.curie ?? null);
            }}
            hint={
              type === 'miRNA'
                ? 'The mature miRNA of the study’s species (miRBase); leave empty when the paper gives no arm (-5p/-3p).'
                : 'The gene (HGNC symbol).'
            }
            describedBy={error ? `${id}-error` : undefined}
            invalid={Boolean(error)}
          />
          {type === 'miRNA' && !field.value && (
            <CargoMirnaNote
              index={i}
              name={itemName ?? ''}
              species={species ?? ''}
              onChoose={(t) => {
                setLabels((l) => ({ ...l, [t.curie]: t.label }));
                field.onChange(t.curie);
              }}
            />
          )}
        </>
      )}
    />
  );
}

type RowProps = {
  index: number;
  control: Control<FindingFormValues>;
  register: UseFormRegister<FindingFormValues>;
  setValue: UseFormSetValue<FindingFormValues>;
  errors: FieldErrors<FindingFormValues>;
  onRemove: () => void;
};

function CargoRow({ index: i, register, setValue, errors, onRemove, control }: RowProps) {
  const nameError = errors.cargo?.[i]?.name?.message;
  const termError = errors.cargo?.[i]?.curie?.message;
  const typeError = errors.cargo?.[i]?.type?.message;
  const nameReg = register(`cargo.${i}.name`);
  return (
    <li data-testid="cargo-row">
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <div className="field">
          <label htmlFor={`cargo-${i}-name`}>Name of cargo item {i + 1}</label>
          <input
            id={`cargo-${i}-name`}
            type="text"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `cargo-${i}-name-error` : undefined}
            {...nameReg}
            onBlur={(e) => {
              void nameReg.onBlur(e);
              const type = (document.getElementById(`cargo-${i}-type`) as HTMLSelectElement | null)?.value;
              if (type === 'miRNA')
                setValue(`cargo.${i}.name`, normalizeMirnaName(e.target.value), { shouldDirty: true });
            }}
          />
          {nameError && (
            <Alert inline id={`cargo-${i}-name-error`}>
              {nameError}
            </Alert>
          )}
        </div>
        <div className="field">
          <label htmlFor={`cargo-${i}-type`}>Type of cargo item {i + 1}</label>
          <select
            id={`cargo-${i}-type`}
            aria-invalid={typeError ? true : undefined}
            aria-describedby={typeError ? `cargo-${i}-type-error` : undefined}
            {...register(`cargo.${i}.type`)}
          >
            {CARGO_TYPES.list.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
          {typeError && (
            <Alert inline id={`cargo-${i}-type-error`}>
              {typeError}
            </Alert>
          )}
        </div>
        <button type="button" className="btn" style={{ alignSelf: 'flex-end' }} onClick={onRemove}>
          Remove cargo item {i + 1}
        </button>
      </div>
      <CargoTerm index={i} control={control} error={termError} />
      {termError && (
        <Alert inline id={`cargo-${i}-term-error`}>
          {termError}
        </Alert>
      )}
    </li>
  );
}

/** The typed cargo list: one row per item, added and removed by keyboard or mouse. */
export function CargoEditor({
  control,
  register,
  setValue,
  errors,
}: {
  control: Control<FindingFormValues>;
  register: UseFormRegister<FindingFormValues>;
  setValue: UseFormSetValue<FindingFormValues>;
  errors: FieldErrors<FindingFormValues>;
}) {
  const { fields, append, remove } = useFieldArray({ control, name: 'cargo' });
  const listError = errors.cargo?.message ?? errors.cargo?.root?.message;
  return (
    <fieldset className="field" aria-describedby="cargo-hint">
      <legend style={{ fontWeight: 600 }}>EV cargo</legend>
      <p className="hint" id="cargo-hint">
        One row per molecule. No rows means &quot;not identified&quot;. miRNA names are spelled the miRBase way
        (miR-133a).
      </p>
      {fields.length === 0 && <p className="muted">No cargo items.</p>}
      <ol style={{ margin: 0, paddingLeft: '1.25rem', display: 'grid', gap: '0.5rem' }}>
        {fields.map((f, i) => (
          <CargoRow
            key={f.id}
            index={i}
            control={control}
            register={register}
            setValue={setValue}
            errors={errors}
            onRemove={() => remove(i)}
          />
        ))}
      </ol>
      <div>
        <button type="button" className="btn" onClick={() => append({ name: '', type: 'miRNA', curie: null } as never)}>
          Add cargo item
        </button>
      </div>
      {listError && <Alert inline>{listError}</Alert>}
    </fieldset>
  );
}
