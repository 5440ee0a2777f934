/** One audit event as the log page and the CSV export show it. */
export type AuditEventRow = {
  id: number;
  at: Date;
  actorId: number | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** EVX-… when the entity is a finding that exists. */
  findingPublicId: string | null;
  detail: Record<string, unknown>;
};
