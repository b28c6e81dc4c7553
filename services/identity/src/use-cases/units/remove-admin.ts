import { DomainError, type RemoveSubordinateAdminInput } from "@ce/contracts";
import type { z } from "zod";
import { revokeSessions } from "../../auth/sessions.ts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { deleteAdmin, lockUnitAdmin } from "../../db/subordinates.ts";
import type { IdentityDeps } from "../../deps.ts";
import { unitMessages } from "../../domain/units.ts";
import type { Caller } from "../scope.ts";
import { findSubordinate } from "./find-subordinate.ts";

/**
 * 管理下级单位 › 管理员信息 › 删除: takes the admin rights (not the account) of a subordinate unit's
 * admin, audit `admin.remove`, then signs that account out. Raises DomainError NOT_FOUND for a unit
 * outside scope or (on `adminId`) an admin not of that unit, CONFLICT for its super admin.
 */
export async function removeSubordinateAdmin(deps: IdentityDeps, caller: Caller, input: z.infer<typeof RemoveSubordinateAdminInput>): Promise<void> {
  const { unitId, adminId } = input;
  const accountId = await deps.db.$transaction(async (tx) => {
    await findSubordinate(tx, caller, unitId);
    const admin = await lockUnitAdmin(tx, unitId, adminId);
    if (!admin) throw new DomainError("NOT_FOUND", unitMessages.adminNotFound, "adminId");
    if (admin.isSuper) throw new DomainError("CONFLICT", unitMessages.superAdmin);
    await deleteAdmin(tx, adminId);
    await recordAudit(tx, auditActor(caller), {
      action: "admin.remove",
      entityType: "admin",
      entityId: adminId,
      unitId,
      before: { name: admin.name },
      after: null,
    });
    return admin.accountId;
  });
  await revokeSessions(deps.redis, accountId);
}
