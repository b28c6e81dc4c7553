import { DomainError } from "@ce/contracts";
import type { Logger, Redis } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import {
  alertsOwner,
  failureOutcome,
  ipLockout,
  KNOWN_ADDRESS_TTL_S,
  lockoutMessages,
  locksAfterFailure,
  loginDelayS,
  loginEscalation,
  ownerAlert,
} from "../domain/lockout.ts";
import { sendInBackground } from "../mail/mailer.ts";
import { hit, isSet, lockoutKeys } from "./rate-limit.ts";

/** The account a password was tried against, when there is one (an unknown ID number has none). */
export interface TriedAccount {
  id: string;
  name: string;
  email: string | null;
}

const UNKNOWN_IP = "unknown";

/**
 * Refuses an attempt that must wait: the account + address pair still sits out its delay
 * (TOO_MANY_REQUESTS naming the wait), or the address is blocked across accounts and is not one
 * the account usually signs in from. `accountKey` is the blind index of the ID number tried.
 */
export async function assertNotLocked(redis: Redis, accountKey: string, clientIp: string | null): Promise<void> {
  const ip = clientIp ?? UNKNOWN_IP;
  const waitS = await redis.ttl(lockoutKeys.pairWait(accountKey, ip));
  if (waitS > 0) throw new DomainError("TOO_MANY_REQUESTS", lockoutMessages.wait(waitS));
  if ((await isSet(redis, lockoutKeys.ipLock(ip))) && !(await isUsualAddress(redis, accountKey, clientIp))) {
    throw new DomainError("TOO_MANY_REQUESTS", lockoutMessages.ip);
  }
}

/**
 * Counts a wrong password (login, 修改密码's old password, 新增管理员's way c) for the pair, the
 * address and the account; sets the pair's wait and the address block they reach; mails the
 * owner once a window when failures from anywhere reach the alert threshold. Raises the
 * TOO_MANY_REQUESTS a caller must see, else returns so the caller answers "wrong password".
 */
export async function recordLoginFailure(
  deps: Pick<IdentityDeps, "redis" | "mailer">,
  accountKey: string,
  clientIp: string | null,
  account: TriedAccount | null,
  log: Logger,
): Promise<void> {
  const { redis } = deps;
  const ip = clientIp ?? UNKNOWN_IP;
  const pair = await hit(redis, lockoutKeys.pairFailures(accountKey, ip), loginEscalation.windowS);
  const ipCount = await hit(redis, lockoutKeys.ipFailures(ip), ipLockout.windowS);
  const accountCount = await hit(redis, lockoutKeys.accountFailures(accountKey), ownerAlert.windowS);
  await redis.multi().sadd(lockoutKeys.failedAddresses(accountKey), ip).expire(lockoutKeys.failedAddresses(accountKey), loginEscalation.windowS).exec();
  const waitS = loginDelayS(pair);
  if (waitS > 0) await redis.set(lockoutKeys.pairWait(accountKey, ip), "1", "EX", waitS);
  if (locksAfterFailure(ipCount, ipLockout)) await redis.set(lockoutKeys.ipLock(ip), "1", "EX", ipLockout.lockS);
  if (account && alertsOwner(accountCount)) await alertOwner(deps, accountKey, account, log);
  const outcome = failureOutcome({ pair, ip: ipCount });
  log.info({ ip, accountId: account?.id ?? null, pairFailures: pair, outcome: outcome.kind }, "password refused");
  if (outcome.kind === "IP_LOCKED") throw new DomainError("TOO_MANY_REQUESTS", lockoutMessages.ip);
  if (outcome.kind === "WAIT") throw new DomainError("TOO_MANY_REQUESTS", lockoutMessages.wait(outcome.waitS));
}

async function alertOwner(deps: Pick<IdentityDeps, "redis" | "mailer">, accountKey: string, account: TriedAccount, log: Logger): Promise<void> {
  const first = await deps.redis.set(lockoutKeys.ownerAlerted(accountKey), "1", "EX", ownerAlert.windowS, "NX");
  if (first !== "OK") return;
  log.warn({ accountId: account.id }, "repeated wrong passwords: owner alerted");
  if (!account.email) return;
  sendInBackground(
    deps.mailer,
    {
      to: account.email,
      subject: "登录安全提醒 - 专业技术人员继续教育公共服务平台",
      body: `${account.name}，您好：\n\n最近24小时内，您的账户出现了${ownerAlert.failures}次以上密码错误的登录尝试。您的账户没有被锁定，您仍可正常登录。\n如果这些尝试不是您本人所为，建议您登录后修改密码；如果是您本人忘记了密码，可以使用“忘记登录密码”重置。`,
      link: null,
    },
    log,
  );
}

/** Whether the account signed in successfully from this address within KNOWN_ADDRESS_TTL_S. */
export async function isUsualAddress(redis: Redis, accountKey: string, clientIp: string | null): Promise<boolean> {
  return (await redis.sismember(lockoutKeys.knownAddresses(accountKey), clientIp ?? UNKNOWN_IP)) === 1;
}

/** After a correct password: the pair starts afresh and the address becomes one of the account's usual ones. */
export async function recordLoginSuccess(redis: Redis, accountKey: string, clientIp: string | null): Promise<void> {
  const ip = clientIp ?? UNKNOWN_IP;
  await redis
    .multi()
    .del(lockoutKeys.pairFailures(accountKey, ip), lockoutKeys.pairWait(accountKey, ip))
    .sadd(lockoutKeys.knownAddresses(accountKey), ip)
    .expire(lockoutKeys.knownAddresses(accountKey), KNOWN_ADDRESS_TTL_S)
    .exec();
}

/** After a password reset the owner may sign in at once, from wherever: every pair's wait of the account ends. */
export async function clearAccountLockout(redis: Redis, accountKey: string): Promise<void> {
  const ips = await redis.smembers(lockoutKeys.failedAddresses(accountKey));
  const keys = ips.flatMap((ip) => [lockoutKeys.pairFailures(accountKey, ip), lockoutKeys.pairWait(accountKey, ip)]);
  await redis.del(lockoutKeys.failedAddresses(accountKey), lockoutKeys.accountFailures(accountKey), lockoutKeys.ownerAlerted(accountKey), ...keys);
}
