/** A one-line citation in the review's reference style. */
export function formatCitation(s: {
  authors: string | null;
  year: number | null;
  title: string | null;
  journal: string | null;
  volumePages: string | null;
  doi: string;
}): string {
  const parts = [
    s.authors ? `${s.authors} (${s.year ?? 'n.d.'}).` : s.year ? `(${s.year}).` : '',
    s.title ? `${s.title.replace(/\.$/, '')}.` : '',
    [s.journal, s.volumePages].filter(Boolean).join(' ') + (s.journal || s.volumePages ? '.' : ''),
    `doi:${s.doi}`,
  ];
  return parts.filter(Boolean).join(' ');
}

/** "Aswad et al. (2014)" */
export function shortCitation(authors: string | null, year: number | null): string {
  const first = authors?.split(',')[0]?.trim();
  const many = (authors?.match(/,/g)?.length ?? 0) > 2 || /et al/.test(authors ?? '');
  const who = first
    ? many
      ? `${first} et al.`
      : authors!.includes(' and ')
        ? `${first} and ${authors!.split(' and ').at(-1)?.split(',')[0]?.trim()}`
        : first
    : 'Unknown';
  return `${who} (${year ?? 'n.d.'})`;
}
