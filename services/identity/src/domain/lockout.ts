/**
 * Login throttling (see docs/decisions/011). No account is ever hard-locked, since five wrong
 * passwords from a stranger would otherwise keep the owner out: failures are counted per
 * account + client address and each one past the free ones doubles a wait that only that pair
 * must sit out; a client address failing across many accounts is blocked for a while (unless it
 * is one the account usually signs in from); the owner is told when failures pile up from anywhere.
 */
export interface Escalation {
  /** Failures (per account + address) answered without a wait. */
  freeFailures: number;
  baseDelayS: number;
  maxDelayS: number;
  /** How long a pair's failures are remembered. */
  windowS: number;
}

export const loginEscalation: Escalation = { freeFailures: 3, baseDelayS: 15, maxDelayS: 15 * 60, windowS: 24 * 3600 };

/** The per-address block across accounts: a script trying many ID numbers from one place. */
export interface LockoutPolicy {
  maxFailures: number;
  windowS: number;
  lockS: number;
}

export const ipLockout: LockoutPolicy = { maxFailures: 20, windowS: 15 * 60, lockS: 15 * 60 };

/** Failures on one account, from every address, within the window that make us tell its owner (once per window). */
export const ownerAlert = { failures: 5, windowS: 24 * 3600 } as const;

/** How long the addresses an account signed in from count as its usual ones. */
export const KNOWN_ADDRESS_TTL_S = 90 * 24 * 3600;

/**
 * Seconds the pair must wait after its n-th failure in the window: 0 for the free ones, then
 * 15 s doubling (15, 30, 60 …) up to 15 minutes.
 */
export function loginDelayS(failures: number, policy: Escalation = loginEscalation): number {
  if (failures <= policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures - 1, 30);
  return Math.min(policy.maxDelayS, policy.baseDelayS * 2 ** doublings);
}

/** Whether the failure just counted (the n-th in its window) blocks the address. */
export function locksAfterFailure(failuresInWindow: number, policy: LockoutPolicy): boolean {
  return failuresInWindow >= policy.maxFailures;
}

/** Whether the account-wide failure just counted is the one that alerts the owner. */
export function alertsOwner(accountFailures: number): boolean {
  return accountFailures === ownerAlert.failures;
}

/** A wait in words: "45秒" or, from a minute on, whole minutes rounded up. */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 60 ? `${s}秒` : `${Math.ceil(s / 60)}分钟`;
}

export const lockoutMessages = {
  wait: (seconds: number) => `密码错误次数过多，请${formatWait(seconds)}后再试`,
  ip: "登录失败次数过多，请稍后再试",
} as const;

/** What a failed attempt leads to: the address block first (it is the wider one), then a wait. */
export function failureOutcome(counts: { pair: number; ip: number }): { kind: "IP_LOCKED" } | { kind: "WAIT"; waitS: number } | { kind: "WRONG_CREDENTIALS" } {
  if (locksAfterFailure(counts.ip, ipLockout)) return { kind: "IP_LOCKED" };
  const waitS = loginDelayS(counts.pair);
  return waitS > 0 ? { kind: "WAIT", waitS } : { kind: "WRONG_CREDENTIALS" };
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

/** Lookups of a person by full ID number (新增管理员 ways b and c, the picker): the one budget in contracts. */
export { idLookupLimits } from "@ce/contracts";

export const captchaLimit: RateLimit = { max: 120, windowS: 60 };

export function withinLimit(countInWindow: number, limit: RateLimit): boolean {
  return countInWindow <= limit.max;
}
