import { revokeSessions } from "../../auth/sessions.ts";
import { deleteAdmin } from "../../db/admins.ts";
import { recordAudit } from "../../db/audit.ts";
import type { IdentityDeps } from "../../deps.ts";
import type { AdminManager } from "./caller.ts";
import { lockTarget } from "./target.ts";

/**
 * 删除: removes an admin's rights only (the account and any professional record stay); audit
 * `admin.remove`; the removed admin's sessions end at once. Refusals come from checkAdminAction.
 */
export async function removeAdmin(deps: IdentityDeps, manager: AdminManager, input: { adminId: string }): Promise<void> {
  const { actor, unitId } = manager;
  const accountId = await deps.db.$transaction(async (tx) => {
    const target = await lockTarget(tx, unitId, input.adminId, actor, "remove");
    await deleteAdmin(tx, input.adminId);
    await recordAudit(tx, actor, {
      action: "admin.remove",
      entityType: "admin",
      entityId: input.adminId,
      unitId,
      before: { name: target.account.name, status: target.status },
      after: null,
    });
    return target.accountId;
  });
  await revokeSessions(deps.redis, accountId);
}
