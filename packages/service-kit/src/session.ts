import { Principal, sessionKeys } from "@ce/contracts";
import type { Redis } from "ioredis";

/** Idle timeout of an ordinary session; a 记住密码 session lives for REMEMBER_TTL_S. */
export const SESSION_TTL_S = 2 * 60 * 60;
export const REMEMBER_TTL_S = 14 * 24 * 60 * 60;

/**
 * Resolves a bearer token into the caller. Ordinary sessions slide: each use restarts their
 * idle timeout. A missing, expired or malformed session resolves to null.
 */
export async function resolvePrincipal(redis: Redis, token: string | null): Promise<Principal | null> {
  if (!token || token.length < 16 || token.length > 128) return null;
  const key = sessionKeys.session(token);
  const raw = await redis.get(key);
  if (!raw) return null;
  const parsed = Principal.safeParse(JSON.parse(raw));
  if (!parsed.success) return null;
  if (!parsed.data.remember) await redis.expire(key, SESSION_TTL_S);
  return parsed.data;
}
