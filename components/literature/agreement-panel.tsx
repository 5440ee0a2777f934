import type { KappaResult } from '@/lib/screening/kappa';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);

/** Cohen's kappa of the records two screeners screened, with what it is made of. */
export function AgreementPanel({ k }: { k: KappaResult }) {
  if (k.n < 2)
    return (
      <p data-testid="agreement">
        Not enough pairs yet: {k.n === 1 ? 'one record has' : `${k.n} records have`} been screened by two screeners.
        Agreement needs at least two.
      </p>
    );
  return (
    <dl className="intake-counts" data-testid="agreement">
      <div>
        <dt>Cohen’s κ</dt>
        <dd data-testid="kappa">{k.kappa === null ? 'undefined (one category only)' : k.kappa.toFixed(2)}</dd>
      </div>
      <div>
        <dt>Records screened twice (n)</dt>
        <dd>{k.n.toLocaleString('en')}</dd>
      </div>
      <div>
        <dt>Observed agreement</dt>
        <dd>{pct(k.observed)}</dd>
      </div>
      <div>
        <dt>Expected by chance</dt>
        <dd>{pct(k.expected)}</dd>
      </div>
    </dl>
  );
}
