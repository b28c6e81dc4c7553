import { DomainError } from "@ce/contracts";
import { activeDepartmentOf, countUnitRoles, lockAdminRow } from "../../db/admins.ts";
import type { Tx } from "../../db/client.ts";
import { type AdminAction, type AdminState, adminMessages, checkAdminAction } from "../../domain/admins.ts";

/**
 * Checks that a department and roles named by a request belong to the unit: the department ACTIVE
 * (DomainError BAD_REQUEST on `departmentId`), every role the unit's own (on `roleIds`).
 */
export async function checkUnitRefs(tx: Tx, unitId: string, refs: { departmentId?: string | null | undefined; roleIds?: readonly string[] }): Promise<void> {
  if (refs.departmentId && !(await activeDepartmentOf(tx, unitId, refs.departmentId))) {
    throw new DomainError("BAD_REQUEST", adminMessages.badDepartment, "departmentId");
  }
  const roleIds = [...new Set(refs.roleIds ?? [])];
  if (roleIds.length > 0 && (await countUnitRoles(tx, unitId, roleIds)) !== roleIds.length) {
    throw new DomainError("BAD_REQUEST", adminMessages.badRole, "roleIds");
  }
}

/**
 * Locks an admin of the unit and checks the actor may take `action` on it (domain
 * checkAdminAction). Raises DomainError NOT_FOUND on `adminId` when the unit has no such admin.
 */
export async function lockTarget(tx: Tx, unitId: string, adminId: string, actor: { accountId: string; isSuper: boolean }, action: AdminAction) {
  const target = await lockAdminRow(tx, unitId, adminId);
  if (!target) throw new DomainError("NOT_FOUND", adminMessages.notFound, "adminId");
  checkAdminAction(actor, target satisfies AdminState, action);
  return target;
}
