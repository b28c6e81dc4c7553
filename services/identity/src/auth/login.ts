import { DomainError, type LoginInput, type LoginResult } from "@ce/contracts";
import type { Logger, Redis } from "@ce/service-kit";
import { findLoginAccount } from "../db/accounts.ts";
import type { IdentityDeps } from "../deps.ts";
import { validateIdNumber } from "../domain/id-number.ts";
import { accountLockout, failureOutcome, ipLockout, locksAfterFailure, lockoutMessages } from "../domain/lockout.ts";
import { grantFor, loginMessages } from "../domain/principal.ts";
import { verifyPassword } from "../security/passwords.ts";
import { checkCaptcha } from "./captcha.ts";
import { hit, isSet, lockoutKeys } from "./rate-limit.ts";
import { openSession } from "./sessions.ts";

/**
 * 登录. Order matters: locks first (a locked caller spends no captcha), then the captcha, then
 * the ID format, then the password — where an unknown ID and a wrong password look the same.
 */
export async function login(deps: IdentityDeps, input: LoginInput, clientIp: string | null, log: Logger): Promise<LoginResult> {
  const { redis } = deps;
  const ip = clientIp ?? "unknown";
  const accountKey = deps.pii.blindIndex(input.idType, input.idNumber);
  await assertNotLocked(redis, accountKey, ip);
  await checkCaptcha(redis, input.captchaId, input.captchaAnswer);
  // The blind index normalises like the validator, so the lock key is also the lookup key.
  validateIdNumber(input.idType, input.idNumber);

  const account = await findLoginAccount(deps.db, { idType: input.idType, idNumberHash: accountKey });
  const passwordOk = await verifyPassword(account?.passwordHash ?? null, input.password);
  if (!account || !passwordOk) {
    const outcome = await recordLoginFailure(redis, accountKey, ip);
    log.info({ ip, accountId: account?.id ?? null, outcome }, "login refused");
    if (outcome === "IP_LOCKED") throw new DomainError("TOO_MANY_REQUESTS", lockoutMessages.ip);
    if (outcome === "ACCOUNT_LOCKED") throw new DomainError("TOO_MANY_REQUESTS", lockoutMessages.account);
    throw new DomainError("UNAUTHORIZED", loginMessages.wrongCredentials, "password");
  }

  const grant = grantFor(input.userType, account);
  await redis.del(lockoutKeys.accountFailures(accountKey));
  const session = await openSession(redis, account, grant, input.remember);
  log.info({ ip, accountId: account.id, userType: grant.userType, unitId: grant.unitId, remember: input.remember }, "signed in");
  return session;
}

export async function assertNotLocked(redis: Redis, accountKey: string, ip: string | null): Promise<void> {
  if (ip !== null && (await isSet(redis, lockoutKeys.ipLock(ip)))) throw new DomainError("TOO_MANY_REQUESTS", lockoutMessages.ip);
  if (await isSet(redis, lockoutKeys.accountLock(accountKey))) throw new DomainError("TOO_MANY_REQUESTS", lockoutMessages.account);
}

/** Counts a failed password for the account and (when known) the client address; sets the locks they reach. */
export async function recordLoginFailure(redis: Redis, accountKey: string, ip: string | null) {
  const account = await hit(redis, lockoutKeys.accountFailures(accountKey), accountLockout.windowS);
  const ipCount = ip === null ? 0 : await hit(redis, lockoutKeys.ipFailures(ip), ipLockout.windowS);
  if (locksAfterFailure(account, accountLockout)) await redis.set(lockoutKeys.accountLock(accountKey), "1", "EX", accountLockout.lockS);
  if (ip !== null && locksAfterFailure(ipCount, ipLockout)) await redis.set(lockoutKeys.ipLock(ip), "1", "EX", ipLockout.lockS);
  return failureOutcome({ account, ip: ipCount });
}

/** After a successful reset the owner may sign in at once. */
export async function clearAccountLockout(redis: Redis, accountKey: string): Promise<void> {
  await redis.del(lockoutKeys.accountFailures(accountKey), lockoutKeys.accountLock(accountKey));
}
