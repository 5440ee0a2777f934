import Link from 'next/link';
import { Field, fieldAria } from '@/components/ui/field';
import type { AuditFilterKey, AuditFilters } from '@/lib/audit/filters';

type Props = {
  values: AuditFilters;
  errors: Partial<Record<AuditFilterKey, string>>;
  actions: string[];
};

/** A plain GET form, so the filters live in the URL and every view can be linked and bookmarked. */
export function AuditFiltersForm({ values, errors, actions }: Props) {
  return (
    <form method="get" action="/admin/audit" aria-label="Filter the audit log" noValidate>
      <div style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap', alignItems: 'end' }}>
        <Field id="audit-actor" label="Actor email" error={errors.actor}>
          <input
            type="email"
            name="actor"
            defaultValue={values.actor ?? ''}
            autoComplete="off"
            {...fieldAria('audit-actor', errors.actor)}
          />
        </Field>
        <Field
          id="audit-action"
          label="Action"
          error={errors.action}
          hint="Exact, or a prefix ending in “.” such as finding."
        >
          <input
            type="text"
            name="action"
            list="audit-action-list"
            defaultValue={values.action ?? ''}
            autoComplete="off"
            {...fieldAria('audit-action', errors.action, 'hint')}
          />
        </Field>
        <datalist id="audit-action-list">
          {actions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <Field id="audit-from" label="From (UTC)" error={errors.from}>
          <input type="date" name="from" defaultValue={values.from ?? ''} {...fieldAria('audit-from', errors.from)} />
        </Field>
        <Field id="audit-to" label="To (UTC, inclusive)" error={errors.to}>
          <input type="date" name="to" defaultValue={values.to ?? ''} {...fieldAria('audit-to', errors.to)} />
        </Field>
        <div style={{ display: 'flex', gap: '0.5rem', paddingBottom: '0.1rem' }}>
          <button type="submit" className="btn btn-primary">
            Filter
          </button>
          <Link href="/admin/audit" className="btn">
            Clear
          </Link>
        </div>
      </div>
    </form>
  );
}
