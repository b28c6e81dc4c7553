import { unchangedFields } from "@ce/contracts";
import { revokeSessions } from "../../auth/sessions.ts";
import { adminRoles, permissionsOfRoles, replaceAdminRoles } from "../../db/admins.ts";
import { recordAudit } from "../../db/audit.ts";
import type { IdentityDeps } from "../../deps.ts";
import { addedPermissions, assertCanGrant } from "../../domain/grants.ts";
import type { AdminManager } from "./caller.ts";
import { checkUnitRefs, lockTarget } from "./target.ts";

/**
 * 分配角色: replaces an admin's roles with roles of the caller's unit. Modules the admin gains must
 * be held by the granter (domain assertCanGrant, field `roleIds`); audit `admin.assignRoles`
 * with the role names before and after. The admin's sessions end so the change applies at once.
 * The same roles again (contracts unchangedFields) write nothing and end no session.
 */
export async function assignAdminRoles(deps: IdentityDeps, manager: AdminManager, input: { adminId: string; roleIds: string[] }): Promise<void> {
  const { actor, unitId } = manager;
  const accountId = await deps.db.$transaction(async (tx) => {
    const target = await lockTarget(tx, unitId, input.adminId, actor, "assignRoles");
    await checkUnitRefs(tx, unitId, { roleIds: input.roleIds });
    const before = await adminRoles(tx, input.adminId);
    const roleSet = (ids: readonly string[]) => [...new Set(ids)].sort();
    if (unchangedFields({ roleIds: roleSet(before.map((r) => r.roleId)) }, { roleIds: roleSet(input.roleIds) })) return null;
    assertCanGrant(
      manager.granter,
      addedPermissions(
        before.flatMap((r) => r.role.permissions),
        await permissionsOfRoles(tx, input.roleIds),
      ),
      "roleIds",
    );
    const after = await replaceAdminRoles(tx, input.adminId, input.roleIds);
    await recordAudit(tx, actor, {
      action: "admin.assignRoles",
      entityType: "admin",
      entityId: input.adminId,
      unitId,
      before: {
        name: target.account.name,
        roles: before
          .map((r) => r.role.name)
          .sort()
          .join("、"),
      },
      after: { name: target.account.name, roles: after.join("、") },
    });
    return target.accountId;
  });
  if (accountId !== null) await revokeSessions(deps.redis, accountId);
}
