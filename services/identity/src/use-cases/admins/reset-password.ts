import type { TemporaryPassword } from "@ce/contracts";
import type { z } from "zod";
import { invalidateResetTokens } from "../../auth/reset-tokens.ts";
import { revokeSessions } from "../../auth/sessions.ts";
import { setPassword } from "../../db/accounts.ts";
import { recordAudit } from "../../db/audit.ts";
import type { IdentityDeps } from "../../deps.ts";
import { adminMessages, temporaryPassword } from "../../domain/admins.ts";
import { hashPassword } from "../../security/passwords.ts";
import { guardCredentialControl } from "../credentials.ts";
import type { AdminManager } from "./caller.ts";
import { lockTarget } from "./target.ts";

/**
 * 重置密码 (super admin only): a new temporary password, shown once to the caller and stored only
 * as an argon2id hash and marked temporary (the admin must choose a new one at the next sign-in);
 * audit `admin.resetPassword`. Afterwards the admin's reset links and sessions end. Refused
 * (DomainError FORBIDDEN on `adminId`, guardCredentialControl) when the admin's account is also a
 * professional outside the caller's subtree.
 */
export async function resetAdminPassword(deps: IdentityDeps, manager: AdminManager, input: { adminId: string }): Promise<z.infer<typeof TemporaryPassword>> {
  const { actor, unitId } = manager;
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const accountId = await deps.db.$transaction(async (tx) => {
    const target = await lockTarget(tx, unitId, input.adminId, actor, "resetPassword");
    await guardCredentialControl(tx, manager.controller, target.accountId, { field: "adminId", notFound: adminMessages.notFound });
    await setPassword(tx, target.accountId, passwordHash, { temporary: true });
    await recordAudit(tx, actor, {
      action: "admin.resetPassword",
      entityType: "admin",
      entityId: input.adminId,
      unitId,
      before: { name: target.account.name },
      after: { name: target.account.name },
    });
    return target.accountId;
  });
  await invalidateResetTokens(deps.redis, accountId);
  await revokeSessions(deps.redis, accountId);
  return { temporaryPassword: password };
}
