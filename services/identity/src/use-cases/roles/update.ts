import { DomainError, type UpdateRoleInput, unchangedFields } from "@ce/contracts";
import { revokeAccountsSessions } from "../../auth/sessions.ts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { lockRole, permissionLabels, roleHolders, saveRole } from "../../db/roles.ts";
import type { IdentityDeps } from "../../deps.ts";
import { addedPermissions, assertCanGrant, granterOf } from "../../domain/grants.ts";
import { roleMessages } from "../../domain/roles.ts";
import { type Caller, ownUnit } from "../scope.ts";

/**
 * 角色管理 › 编辑角色: modules added must be held by the granter (checked under the row lock, so two
 * edits cannot race past it); audit `role.update`. Every admin holding the role signs in again so
 * the change applies at once; saved unchanged (the same name and modules, contracts unchangedFields),
 * nothing is written and nobody signs in again. Raises DomainError NOT_FOUND / CONFLICT (name taken) on the field.
 */
export async function updateRole(deps: IdentityDeps, caller: Caller, input: UpdateRoleInput): Promise<void> {
  const unitId = ownUnit(caller.principal);
  const holders = await deps.db.$transaction(async (tx) => {
    const before = await lockRole(tx, unitId, input.id);
    if (!before) throw new DomainError("NOT_FOUND", roleMessages.notFound, "id");
    const permissions = [...new Set(input.permissions)];
    if (unchangedFields({ name: before.name, permissions: [...before.permissions].sort() }, { name: input.name, permissions: [...permissions].sort() }))
      return [];
    assertCanGrant(granterOf(caller.principal), addedPermissions(before.permissions, permissions));
    if (!(await saveRole(tx, input.id, { name: input.name, permissions }))) throw new DomainError("CONFLICT", roleMessages.nameTaken, "name");
    await recordAudit(tx, auditActor(caller), {
      action: "role.update",
      entityType: "role",
      entityId: input.id,
      unitId,
      before: { name: before.name, permissions: permissionLabels(before.permissions) },
      after: { name: input.name, permissions: permissionLabels(permissions) },
    });
    return roleHolders(tx, input.id);
  });
  await revokeAccountsSessions(deps.redis, holders);
}
