import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import type { BrowseQuery } from '@/lib/browse/filters';
import type { OrganOption } from '@/lib/browse/organ-tree';
import styles from './filter-form.module.css';
import { CARGO_TYPES, DIRECTIONS, EFFECT_DIRECTIONS, STUDY_TYPES, WORKFLOW_STATUSES } from '@/lib/vocab';

type Opt = { value: string; label: string };

/** What the filters offer beyond fixed lists: organ terms with counts, the species, the chosen term's name. */
export type FilterChoices = {
  /** counted: false while the counts for these filters are still being computed (they show on a later visit). */
  organs: { options: OrganOption[]; counted: boolean };
  origins: { options: OrganOption[]; counted: boolean };
  species: Opt[];
  /** "UBERON:0001013 adipose tissue": the `term` filter's value, named. */
  termLabel?: string;
};

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
    <div className={`field ${styles.cell}`}>
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
    <div className={`field ${styles.cell}`}>
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

const INDENT = '\u00a0\u00a0\u00a0';
const optionText = (o: OrganOption, counted: boolean) =>
  `${INDENT.repeat(o.level)}${o.label}${counted ? ` (${o.count.toLocaleString('en')})` : ''}`;

/**
 * An organ filter: the 16 organ groups, each followed by the narrower terms findings use (indented),
 * then the other terms; each with how many findings choosing it finds (its narrower terms' included).
 */
function OrganSelect({
  name,
  label,
  choices,
  value,
  error,
}: {
  name: string;
  label: string;
  choices: FilterChoices['organs'];
  value?: string;
  error?: string;
}) {
  const { options, counted } = choices;
  const groups = options.filter((o) => o.section === 'group');
  const other = options.filter((o) => o.section === 'other');
  const describedBy = [error ? `f-${name}-error` : '', `f-${name}-hint`].filter(Boolean).join(' ');
  return (
    <div className={`field ${styles.cell}`}>
      <label htmlFor={`f-${name}`}>{label}</label>
      <select
        id={`f-${name}`}
        name={name}
        defaultValue={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={`f-${name}`}
      >
        <option value="">Any</option>
        <optgroup label="Organ groups of the review">
          {groups.map((o) => (
            <option key={o.curie} value={o.curie}>
              {optionText(o, counted)}
            </option>
          ))}
        </optgroup>
        {other.length > 0 && (
          <optgroup label="Other organ terms">
            {other.map((o) => (
              <option key={o.curie} value={o.curie}>
                {optionText(o, counted)}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <p className="hint" id={`f-${name}-hint`}>
        {counted
          ? 'In brackets: findings matching the other filters. '
          : 'Counts for these filters are being worked out; they show on your next visit. '}
        A term includes those under it.
      </p>
      <FilterError name={name} error={error} />
    </div>
  );
}

type FieldsProps = {
  v: (k: string) => string | undefined;
  errors: Record<string, string>;
  signedIn: boolean;
  choices: FilterChoices;
};

function FilterFields({ v, errors, signedIn, choices }: FieldsProps) {
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
      <OrganSelect name="organ" label="Target organ" choices={choices.organs} value={v('organ')} error={errors.organ} />
      <Select name="species" label="Species" options={choices.species} value={v('species')} error={errors.species} />
      <OrganSelect
        name="origin"
        label="Donor organ"
        choices={choices.origins}
        value={v('origin')}
        error={errors.origin}
      />
      <Text
        name="term"
        label="Any field uses term"
        value={v('term')}
        error={errors.term}
        hint={
          choices.termLabel
            ? `${choices.termLabel}, or a narrower term, in any field.`
            : 'A term id, e.g. UBERON:0001013 (adipose tissue: brown and white too), in any field.'
        }
      />
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
  choices,
}: {
  query: Partial<BrowseQuery>;
  raw: Record<string, string>;
  errors: Record<string, string>;
  signedIn: boolean;
  choices: FilterChoices;
}) {
  const v = (k: string) => (errors[k] ? raw[k] : ((query as Record<string, unknown>)[k] as string | undefined));
  return (
    <form method="get" action="/findings" aria-label="Filter findings" className="filters">
      <FilterFields v={v} errors={errors} signedIn={signedIn} choices={choices} />
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
