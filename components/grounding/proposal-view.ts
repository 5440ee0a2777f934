import type { OpenProposal } from '@/db/queries/grounding-proposals';
import { parseProposalReason, type ProposalReason } from '@/lib/vocab/ground-text';

/** What the queue shows of a proposal (serializable, for the client list). */
export type ProposalView = Pick<OpenProposal, 'id' | 'publicId' | 'fieldLabel' | 'text' | 'candidates'> & {
  reasonLabel: string;
  note: string;
};

const REASON_LABELS: Record<ProposalReason, string> = {
  ambiguous: 'Several terms match',
  synonym: 'Matches by a synonym only',
  no_arm: 'A miRNA named without its arm',
};

export function toProposalView(p: OpenProposal): ProposalView {
  const { reason, note } = parseProposalReason(p.reason);
  return {
    id: p.id,
    publicId: p.publicId,
    fieldLabel: p.fieldLabel,
    text: p.text,
    candidates: p.candidates,
    reasonLabel: reason ? REASON_LABELS[reason] : 'Needs a curator',
    note,
  };
}
