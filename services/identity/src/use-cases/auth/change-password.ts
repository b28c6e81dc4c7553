import { type Ack, type ChangePasswordInput, DomainError } from "@ce/contracts";
import { invalidateResetTokens } from "../../auth/reset-tokens.ts";
import { clearPasswordChangeDemand, revokeSessions } from "../../auth/sessions.ts";
import { assertNotLocked, recordLoginFailure, recordLoginSuccess } from "../../auth/throttle.ts";
import { findLoginAccount, setPassword } from "../../db/accounts.ts";
import type { IdentityDeps } from "../../deps.ts";
import { hashPassword, verifyPassword } from "../../security/passwords.ts";
import type { SessionHolder } from "./caller.ts";

/**
 * 修改密码: the old password proves it is the owner (wrong ones count in the login throttle for
 * the caller's address); every reset link and every other session of the account ends, and a
 * temporary password (set by an admin) stops limiting the caller's session. Raises UNAUTHORIZED
 * on `oldPassword` for a wrong old password, TOO_MANY_REQUESTS while the throttle makes it wait.
 */
export async function changePassword(deps: IdentityDeps, caller: SessionHolder, input: ChangePasswordInput): Promise<Ack> {
  const { redis } = deps;
  const { clientIp, log } = caller;
  const account = await findLoginAccount(deps.db, { id: caller.principal.accountId });
  if (!account) throw new DomainError("UNAUTHORIZED", "登录已过期，请重新登录");
  await assertNotLocked(redis, account.idNumberHash, clientIp);
  if (!(await verifyPassword(account.passwordHash, input.oldPassword))) {
    await recordLoginFailure(deps, account.idNumberHash, clientIp, account, log);
    throw new DomainError("UNAUTHORIZED", "原密码不正确", "oldPassword");
  }
  await setPassword(deps.db, account.id, await hashPassword(input.newPassword));
  await recordLoginSuccess(redis, account.idNumberHash, clientIp);
  await invalidateResetTokens(redis, account.id);
  const revoked = await revokeSessions(redis, account.id, caller.token);
  await clearPasswordChangeDemand(redis, caller.token);
  log.info({ accountId: account.id, revokedSessions: revoked }, "password changed");
  return { ok: true };
}
