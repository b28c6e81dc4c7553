import { Principal, sessionKeys, storedJson } from "@ce/contracts";
import type { Redis } from "ioredis";

/** Idle timeout of an ordinary session; a 记住密码 session lives for REMEMBER_TTL_S. */
export const SESSION_TTL_S = 2 * 60 * 60;
export const REMEMBER_TTL_S = 14 * 24 * 60 * 60;

/**
 * The absolute lifetime of any session, sliding or 记住密码, counted from its `createdAt`.
 * identity's per-account session index (`account-sessions:<id>`, which every revocation reads)
 * expires this long after the account's latest login, so no session may outlive it: a session
 * kept sliding past it would no longer be found by a password change, disable or demotion.
 */
export const SESSION_MAX_AGE_S = REMEMBER_TTL_S;

/**
 * Resolves a bearer token into the caller. Ordinary sessions slide: each use restarts their
 * idle timeout (SESSION_TTL_S), but never beyond SESSION_MAX_AGE_S after `createdAt`. A missing,
 * malformed, over-age or future-dated session (clock skew of a minute allowed) resolves to
 * null, whatever TTL its key holds. `now` is epoch milliseconds. Raises nothing of its own;
 * the read's Redis errors propagate. The slide is sent but not waited for — one round trip per
 * request instead of two (every procedure of every service pays it); a failed slide only lets the
 * session end sooner, and the caller's next command on the connection runs after it.
 */
export async function resolvePrincipal(redis: Redis, token: string | null, now = Date.now()): Promise<Principal | null> {
  if (!token || token.length < 16 || token.length > 128) return null;
  const key = sessionKeys.session(token);
  const principal = storedJson(Principal, await redis.get(key));
  if (!principal) return null;
  const ageS = (now - Date.parse(principal.createdAt)) / 1000;
  if (!(ageS >= -60 && ageS < SESSION_MAX_AGE_S)) return null;
  if (!principal.remember) redis.expire(key, Math.max(1, Math.min(SESSION_TTL_S, Math.ceil(SESSION_MAX_AGE_S - ageS)))).catch(() => undefined);
  return principal;
}
