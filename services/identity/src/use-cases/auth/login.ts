import { DomainError, type LoginInput, type LoginResult, type UserType } from "@ce/contracts";
import { checkCaptcha } from "../../auth/captcha.ts";
import { closeSession, openSession } from "../../auth/sessions.ts";
import { assertNotLocked, recordLoginFailure, recordLoginSuccess } from "../../auth/throttle.ts";
import { findLoginAccount } from "../../db/accounts.ts";
import { markActivated } from "../../db/import-jobs.ts";
import type { IdentityDeps } from "../../deps.ts";
import { validateIdNumber } from "../../domain/id-number.ts";
import { type Grant, grantFor, loginMessages } from "../../domain/principal.ts";
import { publishProfessional } from "../../events/professionals.ts";
import { verifyPassword } from "../../security/passwords.ts";
import type { AuthVisitor } from "./caller.ts";

/**
 * 登录. Order matters: waits first (a waiting caller spends no captcha), then the captcha, then
 * the ID format, then the password — where an unknown ID and a wrong password look the same,
 * and count the same in the throttle (auth/throttle.ts) for the visitor's address. The first
 * sign-in activates an imported account (未激活 → activated; its professional.updated event tells
 * the replicas; `visitor.requestId` correlates it). Returns the new session.
 */
export async function login(deps: IdentityDeps, visitor: AuthVisitor, input: LoginInput): Promise<LoginResult> {
  const { redis } = deps;
  const { clientIp, log, requestId } = visitor;
  const ip = clientIp ?? "unknown";
  const accountKey = deps.pii.blindIndex(input.idType, input.idNumber);
  await assertNotLocked(redis, accountKey, clientIp);
  await checkCaptcha(redis, input.captchaId, input.captchaAnswer);
  // The blind index normalises like the validator, so the lock key is also the lookup key.
  validateIdNumber(input.idType, input.idNumber, "idNumber", { existing: true });

  const account = await findLoginAccount(deps.db, { idType: input.idType, idNumberHash: accountKey });
  // An imported account (未激活) has no password hash yet: verified like an unknown account.
  const passwordOk = await verifyPassword(account?.passwordHash || null, input.password);
  if (!account || !passwordOk) {
    await recordLoginFailure(deps, accountKey, clientIp, account, log);
    throw new DomainError("UNAUTHORIZED", loginMessages.wrongCredentials, "password");
  }

  const grant = grantFor(input.userType, account);
  await recordLoginSuccess(redis, accountKey, clientIp);
  const session = await openSession(redis, account, grant, input.remember);
  await confirmGrant(deps, account.id, input.userType, grant, session.token);
  await activateOnFirstSignIn(deps, account.id, requestId);
  log.info({ ip, accountId: account.id, userType: grant.userType, unitId: grant.unitId, remember: input.remember }, "signed in");
  return session;
}

/**
 * The first sign-in of a person 批量导入 created activates them (markActivated) and, in the same
 * transaction, writes ce.identity.professional.updated.v1 (activated: true) to the outbox, so the
 * replicas' lists stop showing 未激活. Any later sign-in changes nothing. `requestId` correlates the event.
 */
async function activateOnFirstSignIn(deps: Pick<IdentityDeps, "db">, accountId: string, requestId: string): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    if (!(await markActivated(tx, accountId))) return;
    await publishProfessional(tx, "professionalUpdated", accountId, { actor: { accountId, unitId: null }, correlationId: requestId, causationId: null });
  });
}

/**
 * Keeps a just-opened session only if the account still grants exactly what it was opened with.
 * A change of an admin's roles or status that commits while the password is being verified
 * revokes the sessions that exist at that moment (ADR 011), not this one, which would otherwise
 * carry the old permissions for up to 14 days. Re-reading after the session is in the account's
 * index closes that gap: a later change finds the session, an earlier one is seen here. Ends the
 * session and raises CONFLICT (loginMessages.grantChanged) when the grant moved.
 */
export async function confirmGrant(
  deps: Pick<IdentityDeps, "db" | "redis">,
  accountId: string,
  userType: UserType,
  grant: Grant,
  token: string,
): Promise<void> {
  const fresh = await findLoginAccount(deps.db, { id: accountId });
  let now: Grant | null = null;
  try {
    now = fresh ? grantFor(userType, fresh) : null;
  } catch {
    now = null;
  }
  if (now && JSON.stringify(now) === JSON.stringify(grant)) return;
  await closeSession(deps.redis, token, accountId);
  throw new DomainError("CONFLICT", loginMessages.grantChanged);
}
