import { createHash, randomBytes } from "node:crypto";
import { type ChangePasswordInput, DomainError, type Principal, type RequestPasswordResetInput, type ResetPasswordInput } from "@ce/contracts";
import type { Logger, Redis } from "@ce/service-kit";
import { findLoginAccount, setPassword } from "../db/accounts.ts";
import type { IdentityDeps } from "../deps.ts";
import { validateIdNumber } from "../domain/id-number.ts";
import { passwordResetLimits, withinLimit } from "../domain/lockout.ts";
import { holdsUserType } from "../domain/principal.ts";
import { sendInBackground } from "../mail/mailer.ts";
import { hashPassword, verifyPassword } from "../security/passwords.ts";
import { checkCaptcha } from "./captcha.ts";
import { hit } from "./rate-limit.ts";
import { clearPasswordChangeDemand, revokeSessions } from "./sessions.ts";
import { assertNotLocked, clearAccountLockout, isUsualAddress, recordLoginFailure, recordLoginSuccess } from "./throttle.ts";

export const RESET_TTL_S = 30 * 60;
const tokenDigest = (token: string) => createHash("sha256").update(token).digest("hex");
const resetKey = (digest: string) => `pwreset:${digest}`;
/** The one live reset token of an account (its digest): a new request replaces it. */
const liveResetKey = (accountId: string) => `pwreset-live:${accountId}`;
const INVALID_RESET = "重置链接无效或已过期";

/**
 * What a reset token stands for: the account, and when its password last changed at issue, so
 * any later change of the password (by whatever path) makes the token worthless.
 */
const passwordStamp = (changedAt: Date | null) => changedAt?.toISOString() ?? "never";

/**
 * Ends every outstanding reset link of an account: called after a reset, a password change and
 * an admin's 重置密码. One live token per account means deleting it (and its pointer) suffices.
 */
export async function invalidateResetTokens(redis: Redis, accountId: string): Promise<void> {
  const digest = await redis.getdel(liveResetKey(accountId));
  if (digest) await redis.del(resetKey(digest));
}

/**
 * 修改密码: the old password proves it is the owner (wrong ones count in the login throttle for
 * this address); every reset link and every other session of the account ends, and a temporary
 * password (set by an admin) stops limiting this session.
 */
export async function changePassword(
  deps: IdentityDeps,
  principal: Principal,
  token: string,
  input: ChangePasswordInput,
  clientIp: string | null,
  log: Logger,
): Promise<void> {
  const { redis } = deps;
  const account = await findLoginAccount(deps.db, { id: principal.accountId });
  if (!account) throw new DomainError("UNAUTHORIZED", "登录已过期，请重新登录");
  await assertNotLocked(redis, account.idNumberHash, clientIp);
  if (!(await verifyPassword(account.passwordHash, input.oldPassword))) {
    await recordLoginFailure(deps, account.idNumberHash, clientIp, account, log);
    throw new DomainError("UNAUTHORIZED", "原密码不正确", "oldPassword");
  }
  await setPassword(deps.db, account.id, await hashPassword(input.newPassword));
  await recordLoginSuccess(redis, account.idNumberHash, clientIp);
  await invalidateResetTokens(redis, account.id);
  const revoked = await revokeSessions(redis, account.id, token);
  await clearPasswordChangeDemand(redis, token);
  log.info({ accountId: account.id, revokedSessions: revoked }, "password changed");
}

/**
 * 忘记登录密码: always answers the same, so nobody learns whether an ID number is registered.
 * Limited per address, per ID number + address, and per ID number across the addresses the
 * account does not usually sign in from (TOO_MANY_REQUESTS beyond).
 * When it is (as the chosen user type), a single-use link valid for 30 minutes is mailed; it
 * replaces any earlier link of the account (one live token per account).
 */
export async function requestPasswordReset(deps: IdentityDeps, input: RequestPasswordResetInput, clientIp: string | null, log: Logger): Promise<void> {
  const { redis } = deps;
  const ip = clientIp ?? "unknown";
  const accountKey = deps.pii.blindIndex(input.idType, input.idNumber);
  const perIp = await hit(redis, `pwreset-rate:ip:${ip}`, passwordResetLimits.perIp.windowS);
  const perPair = await hit(redis, `pwreset-rate:pair:${accountKey}:${ip}`, passwordResetLimits.perIdNumber.windowS);
  // Strangers share one budget per ID number; the owner's usual address has its own, so their requests cannot shut the owner out.
  const usual = await isUsualAddress(redis, accountKey, clientIp);
  const perId = usual ? 0 : await hit(redis, `pwreset-rate:account:${accountKey}`, passwordResetLimits.perIdNumber.windowS);
  if (
    ![
      withinLimit(perIp, passwordResetLimits.perIp),
      withinLimit(perPair, passwordResetLimits.perIdNumber),
      withinLimit(perId, passwordResetLimits.perIdNumber),
    ].every(Boolean)
  ) {
    throw new DomainError("TOO_MANY_REQUESTS", "请求过于频繁，请稍后再试");
  }
  await checkCaptcha(redis, input.captchaId, input.captchaAnswer);
  validateIdNumber(input.idType, input.idNumber, "idNumber", { existing: true });

  const account = await findLoginAccount(deps.db, { idType: input.idType, idNumberHash: accountKey });
  if (account?.status !== "ACTIVE" || !holdsUserType(input.userType, account)) {
    log.info({ ip }, "password reset requested for no matching account");
    return;
  }
  if (!account.email) {
    log.warn({ accountId: account.id }, "password reset requested but the account has no e-mail address");
    return;
  }
  const token = randomBytes(32).toString("base64url");
  const digest = tokenDigest(token);
  await invalidateResetTokens(redis, account.id);
  await redis
    .multi()
    .set(resetKey(digest), JSON.stringify({ accountId: account.id, stamp: passwordStamp(account.passwordChangedAt) }), "EX", RESET_TTL_S)
    .set(liveResetKey(account.id), digest, "EX", RESET_TTL_S)
    .exec();
  const link = `${deps.config.PORTAL_URL}/reset-password?token=${token}`;
  sendInBackground(
    deps.mailer,
    {
      to: account.email,
      subject: "重置登录密码 - 专业技术人员继续教育公共服务平台",
      body: `${account.name}，您好：\n\n我们收到了重置您登录密码的申请。请在30分钟内打开以下链接设置新密码（链接只能使用一次）：\n${link}\n\n如果这不是您本人的操作，请忽略本邮件，您的密码不会改变。`,
      link,
    },
    log,
  );
  log.info({ accountId: account.id }, "password reset link sent");
}

/** The digest of a token that can be one of ours (base64url, 16–128 characters); null for anything else. */
const digestOf = (token: string) => (/^[A-Za-z0-9_-]{16,128}$/.test(token) ? tokenDigest(token) : null);

/**
 * The account a reset token's stored claim stands for while the token is still good: the account
 * is active, the token is its latest link, and its password is still the one the link was issued
 * against. Null otherwise. Reads only.
 */
async function claimedAccount(deps: IdentityDeps, digest: string, stored: string | null) {
  const claim = stored ? (JSON.parse(stored) as { accountId?: string; stamp?: string }) : null;
  if (!claim?.accountId) return null;
  const account = await findLoginAccount(deps.db, { id: claim.accountId });
  const live = await deps.redis.get(liveResetKey(claim.accountId));
  if (account?.status !== "ACTIVE" || live !== digest || claim.stamp !== passwordStamp(account.passwordChangedAt)) return null;
  return account;
}

/**
 * Whether a mailed link's token would be accepted by resetPassword now (the reset page asks before
 * it shows 新密码, so a dead link says so at once). Uses nothing up: the token stays as it was.
 */
export async function resetTokenUsable(deps: IdentityDeps, token: string): Promise<boolean> {
  const digest = digestOf(token);
  if (!digest) return false;
  return (await claimedAccount(deps, digest, await deps.redis.get(resetKey(digest)))) !== null;
}

/**
 * 重置密码 from the mailed link: single use, only the account's latest link, and only while the
 * password is still the one it was issued against; every link and every session of the account
 * ends. Raises BAD_REQUEST on `token` otherwise.
 */
export async function resetPassword(deps: IdentityDeps, input: ResetPasswordInput, log: Logger): Promise<void> {
  const { redis } = deps;
  const digest = digestOf(input.token);
  const account = digest ? await claimedAccount(deps, digest, await redis.getdel(resetKey(digest))) : null;
  if (!account) throw new DomainError("BAD_REQUEST", INVALID_RESET, "token");
  await setPassword(deps.db, account.id, await hashPassword(input.newPassword));
  await invalidateResetTokens(redis, account.id);
  await clearAccountLockout(redis, account.idNumberHash);
  const revoked = await revokeSessions(redis, account.id);
  log.info({ accountId: account.id, revokedSessions: revoked }, "password reset");
}
