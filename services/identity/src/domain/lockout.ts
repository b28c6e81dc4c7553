/**
 * Login lockout rules. Failures are counted in fixed windows; the failure that reaches the limit
 * locks the account (or the client address) for `lockS`, whatever the window has left.
 */
export interface LockoutPolicy {
  maxFailures: number;
  windowS: number;
  lockS: number;
}

export const accountLockout: LockoutPolicy = { maxFailures: 5, windowS: 15 * 60, lockS: 15 * 60 };
export const ipLockout: LockoutPolicy = { maxFailures: 20, windowS: 15 * 60, lockS: 15 * 60 };

export const lockoutMessages = {
  account: "密码错误次数过多，账户已锁定，请15分钟后再试",
  ip: "登录失败次数过多，请稍后再试",
} as const;

/** Whether the failure just counted (the n-th in its window) locks. */
export function locksAfterFailure(failuresInWindow: number, policy: LockoutPolicy): boolean {
  return failuresInWindow >= policy.maxFailures;
}

/** Which lock, if any, a failed attempt triggers; the wider (address) lock is reported first. */
export function failureOutcome(counts: { account: number; ip: number }): "IP_LOCKED" | "ACCOUNT_LOCKED" | "WRONG_CREDENTIALS" {
  if (locksAfterFailure(counts.ip, ipLockout)) return "IP_LOCKED";
  if (locksAfterFailure(counts.account, accountLockout)) return "ACCOUNT_LOCKED";
  return "WRONG_CREDENTIALS";
}

/** A plain request-rate limit (e.g. password-reset mails): at most `max` per window. */
export interface RateLimit {
  max: number;
  windowS: number;
}

// A whole bureau may sit behind one address, so the address limit is looser than the per-ID one.
export const passwordResetLimits = {
  perIp: { max: 20, windowS: 60 * 60 },
  perIdNumber: { max: 5, windowS: 60 * 60 },
} as const satisfies Record<string, RateLimit>;

export const captchaLimit: RateLimit = { max: 120, windowS: 60 };

export function withinLimit(countInWindow: number, limit: RateLimit): boolean {
  return countInWindow <= limit.max;
}
