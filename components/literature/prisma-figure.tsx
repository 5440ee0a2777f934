import { type PrismaCounts, totalIdentified } from '@/lib/prisma/counts';
import { prismaSvg } from '@/lib/prisma/svg';

/** The PRISMA 2020 flow drawn inline (the SVG is built escaped by lib/prisma/svg.ts), with its CSV download. */
export function PrismaFigure({ counts, batchId }: { counts: PrismaCounts; batchId?: number }) {
  const csv = `/api/literature/prisma.csv${batchId ? `?batch=${batchId}` : ''}`;
  const svg = prismaSvg(counts, {
    idPrefix: 'lit-prisma',
    title: batchId ? `PRISMA 2020 flow of upload ${batchId}` : 'PRISMA 2020 flow of the literature intake',
  });
  return (
    <figure className="stack" style={{ margin: 0 }}>
      <div data-testid="prisma-figure" style={{ overflowX: 'auto' }} dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="muted">
        {totalIdentified(counts).toLocaleString('en')} records identified.{' '}
        <a href={csv} download>
          Download the flow as CSV
        </a>
      </figcaption>
    </figure>
  );
}
