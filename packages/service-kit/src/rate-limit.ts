import type { Redis } from "./redis.ts";

/**
 * One hit on a fixed-window counter in Redis: the first hit of a window sets its expiry
 * (EXPIRE … NX), so later hits never extend it. Returns the count including this hit and the
 * seconds left in the window (for a Retry-After). The one rate-limit counter of the services
 * (identity's login throttle, reporting's API address limit).
 */
export async function hitWindow(redis: Redis, key: string, windowS: number): Promise<{ count: number; retryAfterS: number }> {
  const replies = await redis.multi().incr(key).expire(key, windowS, "NX").ttl(key).exec();
  const [err, count] = replies?.[0] ?? [new Error("rate limit transaction aborted"), 0];
  if (err) throw err;
  const ttl = Number(replies?.[2]?.[1] ?? windowS);
  return { count: Number(count), retryAfterS: ttl > 0 ? ttl : windowS };
}

/** hitWindow's count alone. */
export async function hit(redis: Redis, key: string, windowS: number): Promise<number> {
  return (await hitWindow(redis, key, windowS)).count;
}
