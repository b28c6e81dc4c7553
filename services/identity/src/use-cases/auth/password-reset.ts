import { type Ack, type CheckResetTokenInput, DomainError, type RequestPasswordResetInput, type ResetPasswordInput, type ResetTokenState } from "@ce/contracts";
import { checkCaptcha } from "../../auth/captcha.ts";
import { hit } from "../../auth/rate-limit.ts";
import { invalidateResetTokens, issuedAgainst, issueResetToken, peekResetToken, type ResetClaim, takeResetToken } from "../../auth/reset-tokens.ts";
import { revokeSessions } from "../../auth/sessions.ts";
import { clearAccountLockout, isUsualAddress } from "../../auth/throttle.ts";
import { findLoginAccount, setPassword } from "../../db/accounts.ts";
import type { IdentityDeps } from "../../deps.ts";
import { validateIdNumber } from "../../domain/id-number.ts";
import { passwordResetLimits, withinLimit } from "../../domain/lockout.ts";
import { holdsUserType } from "../../domain/principal.ts";
import { sendInBackground } from "../../mail/mailer.ts";
import { hashPassword } from "../../security/passwords.ts";
import type { AuthVisitor } from "./caller.ts";

const INVALID_RESET = "重置链接无效或已过期";

/**
 * 忘记登录密码: always answers the same (Ack), so nobody learns whether an ID number is registered.
 * Limited per address, per ID number + address, and per ID number across the addresses the
 * account does not usually sign in from (TOO_MANY_REQUESTS beyond).
 * When it is (as the chosen user type), a single-use link valid for 30 minutes is mailed; it
 * replaces any earlier link of the account (one live token per account, auth/reset-tokens.ts).
 */
export async function requestPasswordReset(deps: IdentityDeps, visitor: AuthVisitor, input: RequestPasswordResetInput): Promise<Ack> {
  const { redis } = deps;
  const { clientIp, log } = visitor;
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
    return { ok: true };
  }
  if (!account.email) {
    log.warn({ accountId: account.id }, "password reset requested but the account has no e-mail address");
    return { ok: true };
  }
  const token = await issueResetToken(redis, account);
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
  return { ok: true };
}

/**
 * The account a reset token's claim stands for while the token is still good: the account is
 * active and its password is still the one the link was issued against. Null otherwise. Reads only.
 */
async function claimedAccount(deps: IdentityDeps, claim: ResetClaim | null) {
  if (!claim) return null;
  const account = await findLoginAccount(deps.db, { id: claim.accountId });
  if (account?.status !== "ACTIVE" || !issuedAgainst(claim, account.passwordChangedAt)) return null;
  return account;
}

/**
 * The reset page's loader: would resetPassword accept this link's token now (the page asks before
 * it shows 新密码, so a dead link says so at once)? `{ usable }`, nothing used up, nothing about the account.
 */
export async function checkResetToken(deps: IdentityDeps, _visitor: unknown, input: CheckResetTokenInput): Promise<ResetTokenState> {
  return { usable: (await claimedAccount(deps, await peekResetToken(deps.redis, input.token))) !== null };
}

/**
 * 重置密码 from the mailed link: single use, only the account's latest link, and only while the
 * password is still the one it was issued against; every link and every session of the account
 * ends, and the account's login waits are cleared. Raises BAD_REQUEST on `token` otherwise.
 */
export async function resetPassword(deps: IdentityDeps, visitor: AuthVisitor, input: ResetPasswordInput): Promise<Ack> {
  const { redis } = deps;
  const account = await claimedAccount(deps, await takeResetToken(redis, input.token));
  if (!account) throw new DomainError("BAD_REQUEST", INVALID_RESET, "token");
  await setPassword(deps.db, account.id, await hashPassword(input.newPassword));
  await invalidateResetTokens(redis, account.id);
  await clearAccountLockout(redis, account.idNumberHash);
  const revoked = await revokeSessions(redis, account.id);
  visitor.log.info({ accountId: account.id, revokedSessions: revoked }, "password reset");
  return { ok: true };
}
