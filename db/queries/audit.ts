import type { DbOrTx } from '../client';
import { auditEvents } from '../schema';

export type AuditInput = {
  actorId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: Record<string, unknown>;
};

/** Append audit events (one insert for several); call inside the transaction whose effect they record. */
export async function recordAudit(tx: DbOrTx, events: AuditInput | AuditInput[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (!list.length) return;
  await tx.insert(auditEvents).values(
    list.map((e) => ({
      actorId: e.actorId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId == null ? null : String(e.entityId),
      detail: e.detail ?? {},
    })),
  );
}
