import type { Redis } from "@ce/service-kit";

/** Fixed-window counters in Redis: service-kit's one counter (hitWindow), its count alone. */
export { hit } from "@ce/service-kit";

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
