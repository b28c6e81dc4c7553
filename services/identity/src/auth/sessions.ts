import { createHash, randomBytes } from "node:crypto";
import { type LoginResult, Principal, sessionKeys, storedJson } from "@ce/contracts";
import { REMEMBER_TTL_S, type Redis, SESSION_TTL_S } from "@ce/service-kit";
import type { Grant } from "../domain/principal.ts";

/**
 * Opens a session: an opaque token whose Redis entry is the caller's Principal, which every
 * service resolves. The account's token set lets a password change revoke them all.
 */
export async function openSession(redis: Redis, account: { id: string; name: string }, grant: Grant, remember: boolean): Promise<LoginResult> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const principal: Principal = {
    // A digest, not the token, so logs and other services can name the session without holding it.
    sessionId: createHash("sha256").update(token).digest("base64url").slice(0, 22),
    accountId: account.id,
    name: account.name,
    remember,
    createdAt: now.toISOString(),
    ...grant,
  };
  const ttl = remember ? REMEMBER_TTL_S : SESSION_TTL_S;
  const setKey = sessionKeys.accountSessions(account.id);
  await redis
    .multi()
    .set(sessionKeys.session(token), JSON.stringify(principal), "EX", ttl)
    .sadd(setKey, token)
    // Refreshed at each login so the set outlives every session it lists.
    .expire(setKey, REMEMBER_TTL_S)
    .exec();
  return { token, expiresAt: new Date(now.getTime() + ttl * 1000).toISOString() };
}

export async function closeSession(redis: Redis, token: string, accountId: string): Promise<void> {
  await redis.multi().del(sessionKeys.session(token)).srem(sessionKeys.accountSessions(accountId), token).exec();
}

/** Revokes every session of an account, or every one but `keepToken` (the caller's own). */
export async function revokeSessions(redis: Redis, accountId: string, keepToken: string | null = null): Promise<number> {
  const setKey = sessionKeys.accountSessions(accountId);
  const tokens = (await redis.smembers(setKey)).filter((t) => t !== keepToken);
  if (tokens.length === 0) return 0;
  await redis
    .multi()
    .del(...tokens.map((t) => sessionKeys.session(t)))
    .srem(setKey, ...tokens)
    .exec();
  return tokens.length;
}

/**
 * Revokes every session of each account at once: used whenever an admin's permissions change
 * (roles assigned, a held role edited or deleted, disabled, removed, super admin handed over), so
 * no session outlives the rights it was opened with. Returns how many sessions ended.
 */
export async function revokeAccountsSessions(redis: Redis, accountIds: Iterable<string>): Promise<number> {
  let ended = 0;
  for (const id of new Set(accountIds)) ended += await revokeSessions(redis, id);
  return ended;
}

/**
 * The caller's own session after 修改密码: its password is no longer temporary, so the session
 * stops being limited to 修改密码 (Principal.mustChangePassword false); its expiry is kept.
 * A session that has ended meanwhile stays ended.
 */
export async function clearPasswordChangeDemand(redis: Redis, token: string): Promise<void> {
  const key = sessionKeys.session(token);
  const principal = storedJson(Principal, await redis.get(key));
  if (!principal?.mustChangePassword) return;
  await redis.set(key, JSON.stringify({ ...principal, mustChangePassword: false }), "KEEPTTL", "XX");
}
