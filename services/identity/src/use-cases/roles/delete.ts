import { DomainError } from "@ce/contracts";
import { revokeAccountsSessions } from "../../auth/sessions.ts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { lockRole, permissionLabels, removeRole, roleHolders } from "../../db/roles.ts";
import type { IdentityDeps } from "../../deps.ts";
import { roleMessages } from "../../domain/roles.ts";
import { type Caller, ownUnit } from "../scope.ts";

/**
 * 角色管理 › 删除角色: a role in use is deleted only with `confirm` (else DomainError CONFLICT
 * naming how many admins hold it); audit `role.delete`; the former holders sign in again.
 * Returns how many admins lost the role.
 */
export async function deleteRole(deps: IdentityDeps, caller: Caller, input: { id: string; confirm: boolean }): Promise<{ removedFrom: number }> {
  const unitId = ownUnit(caller.principal);
  const holderAccountIds = await deps.db.$transaction(async (tx) => {
    const before = await lockRole(tx, unitId, input.id);
    if (!before) throw new DomainError("NOT_FOUND", roleMessages.notFound, "id");
    const holders = await roleHolders(tx, input.id);
    if (holders.length > 0 && !input.confirm) throw new DomainError("CONFLICT", roleMessages.inUse(holders.length));
    await removeRole(tx, input.id);
    await recordAudit(tx, auditActor(caller), {
      action: "role.delete",
      entityType: "role",
      entityId: input.id,
      unitId,
      before: { name: before.name, permissions: permissionLabels(before.permissions), admins: holders.length },
      after: null,
    });
    return holders;
  });
  await revokeAccountsSessions(deps.redis, holderAccountIds);
  return { removedFrom: holderAccountIds.length };
}
