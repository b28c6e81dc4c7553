import { DomainError, type LoginInput, type LoginResult } from "@ce/contracts";
import type { Logger } from "@ce/service-kit";
import { findLoginAccount } from "../db/accounts.ts";
import type { IdentityDeps } from "../deps.ts";
import { validateIdNumber } from "../domain/id-number.ts";
import { grantFor, loginMessages } from "../domain/principal.ts";
import { verifyPassword } from "../security/passwords.ts";
import { checkCaptcha } from "./captcha.ts";
import { openSession } from "./sessions.ts";
import { assertNotLocked, recordLoginFailure, recordLoginSuccess } from "./throttle.ts";

/**
 * 登录. Order matters: waits first (a waiting caller spends no captcha), then the captcha, then
 * the ID format, then the password — where an unknown ID and a wrong password look the same,
 * and count the same in the throttle (auth/throttle.ts). Returns the new session.
 */
export async function login(deps: IdentityDeps, input: LoginInput, clientIp: string | null, log: Logger): Promise<LoginResult> {
  const { redis } = deps;
  const ip = clientIp ?? "unknown";
  const accountKey = deps.pii.blindIndex(input.idType, input.idNumber);
  await assertNotLocked(redis, accountKey, clientIp);
  await checkCaptcha(redis, input.captchaId, input.captchaAnswer);
  // The blind index normalises like the validator, so the lock key is also the lookup key.
  validateIdNumber(input.idType, input.idNumber);

  const account = await findLoginAccount(deps.db, { idType: input.idType, idNumberHash: accountKey });
  const passwordOk = await verifyPassword(account?.passwordHash ?? null, input.password);
  if (!account || !passwordOk) {
    await recordLoginFailure(deps, accountKey, clientIp, account, log);
    throw new DomainError("UNAUTHORIZED", loginMessages.wrongCredentials, "password");
  }

  const grant = grantFor(input.userType, account);
  await recordLoginSuccess(redis, accountKey, clientIp);
  const session = await openSession(redis, account, grant, input.remember);
  log.info({ ip, accountId: account.id, userType: grant.userType, unitId: grant.unitId, remember: input.remember }, "signed in");
  return session;
}
