import { revokeSessions } from "../../auth/sessions.ts";
import { updateAdminStatus } from "../../db/admins.ts";
import { recordAudit } from "../../db/audit.ts";
import type { IdentityDeps } from "../../deps.ts";
import type { AdminManager } from "./caller.ts";
import { lockTarget } from "./target.ts";

/**
 * 禁用 / 启用 an admin of the caller's unit (super admin only, domain checkAdminAction); audit
 * `admin.disable|enable` when the status changes. A disabled admin's sessions end at once.
 */
export async function setAdminStatus(deps: IdentityDeps, manager: AdminManager, input: { adminId: string; status: "ACTIVE" | "DISABLED" }): Promise<void> {
  const { actor, unitId } = manager;
  const accountId = await deps.db.$transaction(async (tx) => {
    const target = await lockTarget(tx, unitId, input.adminId, actor, input.status === "DISABLED" ? "disable" : "enable");
    if (target.status !== input.status) {
      await updateAdminStatus(tx, input.adminId, input.status);
      await recordAudit(tx, actor, {
        action: input.status === "DISABLED" ? "admin.disable" : "admin.enable",
        entityType: "admin",
        entityId: input.adminId,
        unitId,
        before: { name: target.account.name, status: target.status },
        after: { name: target.account.name, status: input.status },
      });
    }
    return target.accountId;
  });
  if (input.status === "DISABLED") await revokeSessions(deps.redis, accountId);
}
