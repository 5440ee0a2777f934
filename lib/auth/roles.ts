import type { Role } from '../vocab/terms';

const RANK: Record<Role, number> = { curator: 1, reviewer: 2, admin: 3 };

/** Roles are ordered: curator < reviewer < admin; a higher role can do what a lower one can. */
export function hasRole(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}
