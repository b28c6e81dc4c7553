import { randomUUID } from "node:crypto";
import { type CreateRoleInput, DomainError } from "@ce/contracts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { insertRole, permissionLabels } from "../../db/roles.ts";
import type { IdentityDeps } from "../../deps.ts";
import { assertCanGrant, granterOf } from "../../domain/grants.ts";
import { roleMessages } from "../../domain/roles.ts";
import { type Caller, ownUnit } from "../scope.ts";

/**
 * 角色管理 › 添加角色 in the caller's unit: the granter must hold every module it puts in the role
 * (domain assertCanGrant); audit `role.create`. Raises DomainError CONFLICT on `name` when the
 * unit already has a role of that name.
 */
export async function createRole(deps: IdentityDeps, caller: Caller, input: CreateRoleInput): Promise<{ id: string }> {
  const unitId = ownUnit(caller.principal);
  const permissions = [...new Set(input.permissions)];
  assertCanGrant(granterOf(caller.principal), permissions);
  return deps.db.$transaction(async (tx) => {
    const id = randomUUID();
    if (!(await insertRole(tx, { id, unitId, name: input.name, permissions }))) throw new DomainError("CONFLICT", roleMessages.nameTaken, "name");
    await recordAudit(tx, auditActor(caller), {
      action: "role.create",
      entityType: "role",
      entityId: id,
      unitId,
      after: { name: input.name, permissions: permissionLabels(permissions) },
    });
    return { id };
  });
}
