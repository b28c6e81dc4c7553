import { createHash, randomBytes } from "node:crypto";
import {
  DomainError,
  type ChangePasswordInput,
  type Principal,
  type RequestPasswordResetInput,
  type ResetPasswordInput,
} from "@ce/contracts";
import type { Logger } from "@ce/service-kit";
import { findLoginAccount, setPassword } from "../db/accounts.ts";
import type { IdentityDeps } from "../deps.ts";
import { validateIdNumber } from "../domain/id-number.ts";
import { accountLockout, locksAfterFailure, lockoutMessages, passwordResetLimits, withinLimit } from "../domain/lockout.ts";
import { holdsUserType } from "../domain/principal.ts";
import { hashPassword, verifyPassword } from "../security/passwords.ts";
import { checkCaptcha } from "./captcha.ts";
import { assertNotLocked, clearAccountLockout } from "./login.ts";
import { hit, lockoutKeys } from "./rate-limit.ts";
import { revokeSessions } from "./sessions.ts";

export const RESET_TTL_S = 30 * 60;
const resetKey = (token: string) => `pwreset:${createHash("sha256").update(token).digest("hex")}`;
const INVALID_RESET = "重置链接无效或已过期";

/** 修改密码: the old password proves it is the owner; every other session of the account ends. */
export async function changePassword(deps: IdentityDeps, principal: Principal, token: string, input: ChangePasswordInput, log: Logger): Promise<void> {
  const { redis } = deps;
  const account = await findLoginAccount(deps.db, { id: principal.accountId });
  if (!account) throw new DomainError("UNAUTHORIZED", "登录已过期，请重新登录");
  await assertNotLocked(redis, account.idNumberHash, null);
  if (!(await verifyPassword(account.passwordHash, input.oldPassword))) {
    const failures = await hit(redis, lockoutKeys.accountFailures(account.idNumberHash), accountLockout.windowS);
    log.info({ accountId: account.id, failures }, "password change refused: wrong old password");
    if (locksAfterFailure(failures, accountLockout)) {
      await redis.set(lockoutKeys.accountLock(account.idNumberHash), "1", "EX", accountLockout.lockS);
      throw new DomainError("TOO_MANY_REQUESTS", lockoutMessages.account);
    }
    throw new DomainError("UNAUTHORIZED", "原密码不正确", "oldPassword");
  }
  await setPassword(deps.db, account.id, await hashPassword(input.newPassword));
  await redis.del(lockoutKeys.accountFailures(account.idNumberHash));
  const revoked = await revokeSessions(redis, account.id, token);
  log.info({ accountId: account.id, revokedSessions: revoked }, "password changed");
}

/**
 * 忘记登录密码: always answers the same, so nobody learns whether an ID number is registered.
 * When it is (as the chosen user type), a single-use link valid for 30 minutes is mailed.
 */
export async function requestPasswordReset(deps: IdentityDeps, input: RequestPasswordResetInput, clientIp: string | null, log: Logger): Promise<void> {
  const { redis } = deps;
  const ip = clientIp ?? "unknown";
  const accountKey = deps.pii.blindIndex(input.idType, input.idNumber);
  const perIp = await hit(redis, `pwreset-rate:ip:${ip}`, passwordResetLimits.perIp.windowS);
  const perId = await hit(redis, `pwreset-rate:account:${accountKey}`, passwordResetLimits.perIdNumber.windowS);
  if (!withinLimit(perIp, passwordResetLimits.perIp) || !withinLimit(perId, passwordResetLimits.perIdNumber)) {
    throw new DomainError("TOO_MANY_REQUESTS", "请求过于频繁，请稍后再试");
  }
  await checkCaptcha(redis, input.captchaId, input.captchaAnswer);
  validateIdNumber(input.idType, input.idNumber);

  const account = await findLoginAccount(deps.db, { idType: input.idType, idNumberHash: accountKey });
  if (!account || account.status !== "ACTIVE" || !holdsUserType(input.userType, account)) {
    log.info({ ip }, "password reset requested for no matching account");
    return;
  }
  if (!account.email) {
    log.warn({ accountId: account.id }, "password reset requested but the account has no e-mail address");
    return;
  }
  const token = randomBytes(32).toString("base64url");
  await redis.set(resetKey(token), account.id, "EX", RESET_TTL_S);
  const link = `${deps.config.PORTAL_URL}/reset-password?token=${token}`;
  await deps.mailer.send({
    to: account.email,
    subject: "重置登录密码 - 专业技术人员继续教育公共服务平台",
    body: `${account.name}，您好：\n\n我们收到了重置您登录密码的申请。请在30分钟内打开以下链接设置新密码（链接只能使用一次）：\n${link}\n\n如果这不是您本人的操作，请忽略本邮件，您的密码不会改变。`,
    link,
  });
  log.info({ accountId: account.id }, "password reset link sent");
}

/** 重置密码 from the mailed link: single use; every session of the account ends. */
export async function resetPassword(deps: IdentityDeps, input: ResetPasswordInput, log: Logger): Promise<void> {
  const { redis } = deps;
  const accountId = /^[A-Za-z0-9_-]{16,128}$/.test(input.token) ? await redis.getdel(resetKey(input.token)) : null;
  if (!accountId) throw new DomainError("BAD_REQUEST", INVALID_RESET, "token");
  const account = await findLoginAccount(deps.db, { id: accountId });
  if (!account || account.status !== "ACTIVE") throw new DomainError("BAD_REQUEST", INVALID_RESET, "token");
  await setPassword(deps.db, account.id, await hashPassword(input.newPassword));
  await clearAccountLockout(redis, account.idNumberHash);
  const revoked = await revokeSessions(redis, account.id);
  log.info({ accountId: account.id, revokedSessions: revoked }, "password reset");
}
