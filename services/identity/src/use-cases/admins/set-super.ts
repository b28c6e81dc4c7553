import { DomainError } from "@ce/contracts";
import { revokeAccountsSessions } from "../../auth/sessions.ts";
import { lockSuperAdmin, moveSuperFlag } from "../../db/admins.ts";
import { recordAudit } from "../../db/audit.ts";
import type { IdentityDeps } from "../../deps.ts";
import { adminMessages } from "../../domain/admins.ts";
import { assertCanGrant, grantablePermissions } from "../../domain/grants.ts";
import type { AdminManager } from "./caller.ts";
import { lockTarget } from "./target.ts";

/**
 * 设为超级管理员: the target becomes super and the former super admin (the caller) loses its admin
 * rights (guide: 变更后原超级管理员会被系统自动删除掉); audit `admin.setSuper` and `admin.remove`.
 * The new super admin holds every module the unit uses, so only a granter who may give them all hands over:
 * DomainError FORBIDDEN unless the caller is the unit's super admin on the row too. After commit
 * both accounts sign in again (their rights changed).
 */
export async function setSuperAdmin(deps: IdentityDeps, manager: AdminManager, input: { adminId: string }): Promise<void> {
  const { actor, unitId } = manager;
  const { formerAccountId, newAccountId } = await deps.db.$transaction(async (tx) => {
    const former = await lockSuperAdmin(tx, unitId);
    if (!former || former.accountId !== actor.accountId) throw new DomainError("FORBIDDEN", adminMessages.onlySuper);
    assertCanGrant(manager.granter, [...grantablePermissions(manager.granter)], "adminId");
    const target = await lockTarget(tx, unitId, input.adminId, { accountId: actor.accountId, isSuper: true }, "setSuper");
    await moveSuperFlag(tx, former.id, target.id);
    await recordAudit(tx, actor, {
      action: "admin.setSuper",
      entityType: "admin",
      entityId: target.id,
      unitId,
      before: { superAdmin: actor.name },
      after: { superAdmin: target.account.name },
    });
    await recordAudit(tx, actor, {
      action: "admin.remove",
      entityType: "admin",
      entityId: former.id,
      unitId,
      before: { name: actor.name, isSuper: true },
      after: null,
    });
    return { formerAccountId: former.accountId, newAccountId: target.accountId };
  });
  await revokeAccountsSessions(deps.redis, [formerAccountId, newAccountId]);
}
