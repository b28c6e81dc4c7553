import type { Redis } from "@ce/service-kit";

/**
 * Fixed-window counters in Redis: the first hit of a window sets its expiry (EXPIRE … NX), so
 * later hits never extend it. Returns the count including this hit.
 */
export async function hit(redis: Redis, key: string, windowS: number): Promise<number> {
  const replies = await redis.multi().incr(key).expire(key, windowS, "NX").exec();
  const [err, count] = replies?.[0] ?? [new Error("rate limit transaction aborted"), 0];
  if (err) throw err;
  return Number(count);
}

export async function isSet(redis: Redis, key: string): Promise<boolean> {
  return (await redis.exists(key)) === 1;
}

/** Keys of the login throttle; the account is named by its blind index, never its ID number. */
export const lockoutKeys = {
  pairFailures: (accountKey: string, ip: string) => `login-fail:pair:${accountKey}:${ip}`,
  pairWait: (accountKey: string, ip: string) => `login-wait:pair:${accountKey}:${ip}`,
  /** The addresses that failed on an account, so a reset can clear their waits. */
  failedAddresses: (accountKey: string) => `login-fail-ips:${accountKey}`,
  accountFailures: (accountKey: string) => `login-fail:account:${accountKey}`,
  ownerAlerted: (accountKey: string) => `login-alerted:account:${accountKey}`,
  knownAddresses: (accountKey: string) => `login-known:${accountKey}`,
  ipFailures: (ip: string) => `login-fail:ip:${ip}`,
  ipLock: (ip: string) => `login-lock:ip:${ip}`,
};
