import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import type { BrowseQuery } from '@/lib/browse/filters';
import {
  CARGO_TYPES,
  DIRECTIONS,
  EFFECT_DIRECTIONS,
  ORGANS,
  SPECIES,
  STUDY_TYPES,
  WORKFLOW_STATUSES,
} from '@/lib/vocab';

type Opt = { value: string; label: string };
const organs: Opt[] = ORGANS.map((o) => ({ value: o.id, label: o.label }));
const species: Opt[] = SPECIES.map((s) => ({ value: s.id, label: s.label }));

// Not announced on its own: the page's summary of the filter errors is the alert.
function FilterError({ name, error }: { name: string; error?: string }) {
  if (!error) return null;
  return (
    <Alert inline role="none" id={`f-${name}-error`}>
      {error}
    </Alert>
  );
}

function Select({
  name,
  label,
  options,
  value,
  error,
}: {
  name: string;
  label: string;
  options: readonly Opt[];
  value?: string;
  error?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select
        id={`f-${name}`}
        name={name}
        defaultValue={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `f-${name}-error` : undefined}
      >
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FilterError name={name} error={error} />
    </div>
  );
}

function Text({
  name,
  label,
  value,
  error,
  type = 'text',
  hint,
}: {
  name: string;
  label: string;
  value?: string | number;
  error?: string;
  type?: string;
  hint?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <input
        id={`f-${name}`}
        name={name}
        type={type}
        defaultValue={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [error ? `f-${name}-error` : '', hint ? `f-${name}-hint` : ''].filter(Boolean).join(' ') || undefined
        }
      />
      {hint && (
        <p className="hint" id={`f-${name}-hint`}>
          {hint}
        </p>
      )}
      <FilterError name={name} error={error} />
    </div>
  );
}

type FieldsProps = {
  v: (k: string) => string | undefined;
  errors: Record<string, string>;
  signedIn: boolean;
};

function FilterFields({ v, errors, signedIn }: FieldsProps) {
  return (
    <div className="filter-grid">
      <Text
        name="q"
        label="Search"
        type="search"
        value={v('q')}
        error={errors.q}
        hint="Words in the result, mechanism, model, cells, EV source or cargo; partial cargo names like miR-133 work."
      />
      <Select name="organ" label="Target organ" options={organs} value={v('organ')} error={errors.organ} />
      <Select name="species" label="Species" options={species} value={v('species')} error={errors.species} />
      <Select name="origin" label="Donor organ" options={organs} value={v('origin')} error={errors.origin} />
      <Select
        name="direction"
        label="Direction"
        options={DIRECTIONS.list}
        value={v('direction')}
        error={errors.direction}
      />
      <Select
        name="cargoType"
        label="Cargo type"
        options={CARGO_TYPES.list}
        value={v('cargoType')}
        error={errors.cargoType}
      />
      <Text name="cargo" label="Cargo name" value={v('cargo')} error={errors.cargo} />
      <Select name="study" label="Study type" options={STUDY_TYPES.list} value={v('study')} error={errors.study} />
      <Select name="effect" label="Effect" options={EFFECT_DIRECTIONS.list} value={v('effect')} error={errors.effect} />
      <Text name="yearFrom" label="Year from" type="number" value={v('yearFrom')} error={errors.yearFrom} />
      <Text name="yearTo" label="Year to" type="number" value={v('yearTo')} error={errors.yearTo} />
      <Text name="doi" label="Source DOI" value={v('doi')} error={errors.doi} />
      {signedIn && (
        <Select
          name="status"
          label="Status"
          options={WORKFLOW_STATUSES.list}
          value={v('status')}
          error={errors.status}
        />
      )}
      <Select
        name="limit"
        label="Rows per page"
        options={[
          { value: '100', label: '100' },
          { value: '200', label: '200' },
        ]}
        value={v('limit') === undefined ? undefined : String(v('limit'))}
        error={errors.limit}
      />
    </div>
  );
}

/** Filters as a plain GET form: works without JavaScript, and every filter lands in the URL. */
export function FilterForm({
  query,
  raw,
  errors,
  signedIn,
}: {
  query: Partial<BrowseQuery>;
  raw: Record<string, string>;
  errors: Record<string, string>;
  signedIn: boolean;
}) {
  const v = (k: string) => (errors[k] ? raw[k] : ((query as Record<string, unknown>)[k] as string | undefined));
  return (
    <form method="get" action="/findings" aria-label="Filter findings" className="filters">
      <FilterFields v={v} errors={errors} signedIn={signedIn} />
      {query.sort && query.sort !== 'updated' && <input type="hidden" name="sort" value={query.sort} />}
      {query.dir && <input type="hidden" name="dir" value={query.dir} />}
      <div style={{ display: 'flex', gap: '0.5rem', marginTop: '0.5rem' }}>
        <button type="submit" className="btn btn-primary">
          Apply filters
        </button>
        <Link className="btn" href="/findings">
          Clear
        </Link>
      </div>
    </form>
  );
}
