/** Pick two revisions to compare (a plain GET form, so the choice lives in the URL). */
export function CompareForm({ revisionNos, a, b }: { revisionNos: number[]; a: number | null; b: number }) {
  const options = revisionNos.map((n) => (
    <option key={n} value={n}>
      {n}
    </option>
  ));
  return (
    <>
      <h2>Compare</h2>
      <form method="get" style={{ display: 'flex', gap: '0.75rem', alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <div className="field">
          <label htmlFor="cmp-a">From revision</label>
          <select id="cmp-a" name="a" defaultValue={a ?? ''}>
            {options}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cmp-b">To revision</label>
          <select id="cmp-b" name="b" defaultValue={b}>
            {options}
          </select>
        </div>
        <button type="submit" className="btn">
          Compare
        </button>
      </form>
    </>
  );
}
