import { pgEnum } from 'drizzle-orm/pg-core';
import { ROLES, WORKFLOW_STATUSES } from '../../lib/vocab/terms';

export const roleEnum = pgEnum('role', ROLES.values);
export const workflowStatusEnum = pgEnum('workflow_status', WORKFLOW_STATUSES.values);
export const reviewDecisionEnum = pgEnum('review_decision', ['approve', 'request_changes', 'reject']);
export const metadataOriginEnum = pgEnum('metadata_origin', ['crossref', 'bundled', 'manual']);
