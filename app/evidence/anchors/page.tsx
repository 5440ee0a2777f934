import type { Metadata } from 'next';
import { toAnchorViews } from '@/components/evidence/anchor-view';
import { ProposalTable } from '@/components/evidence/proposal-table';
import { UnanchoredTable } from '@/components/evidence/unanchored-table';
import { getDb } from '@/db';
import { listAnchorQueue } from '@/db/queries/anchor-queue';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: 'Quotes to re-anchor' };
export const dynamic = 'force-dynamic';

export default async function AnchorsPage() {
  const actor = await requireRole('curator', '/evidence/anchors');
  const items = toAnchorViews(await listAnchorQueue(await getDb(), actor.id));
  const of = (status: (typeof items)[number]['status']) => items.filter((i) => i.status === status);
  return (
    <section aria-labelledby="anchors-title">
      <h1 id="anchors-title">Quotes to re-anchor</h1>
      <p className="muted">
        When a newer text of a source is stored (the published version after a preprint, a corrected text), every
        evidence quote selected in an earlier text is looked for in it. A quote found exactly, once, follows silently. A
        quote found only approximately is proposed here for you to accept or reject; a quote found in several places, or
        not at all, is listed here. Nothing is deleted: each quote keeps its place in the text it was selected from.
      </p>
      <ProposalTable items={of('proposed')} />
      {items.length === 0 ? (
        <p className="empty" data-testid="anchors-empty">
          Every quote anchors in its source’s newest text.
        </p>
      ) : (
        <>
          <UnanchoredTable
            id="anchors-ambiguous"
            title="Ambiguous"
            caption="Quotes found in several places of their source’s newest text, where their context does not say which."
            items={of('ambiguous')}
          />
          <UnanchoredTable
            id="anchors-orphans"
            title="Orphans"
            caption="Quotes no longer found, even approximately, in their source’s newest text."
            items={of('orphan')}
          />
        </>
      )}
    </section>
  );
}
