import { describe, expect, it } from "vitest";
import { accountLockout, failureOutcome, ipLockout, locksAfterFailure, passwordResetLimits, withinLimit } from "./lockout.ts";

describe("login lockout", () => {
  it("locks an account on its fifth failure within fifteen minutes", () => {
    expect(accountLockout).toEqual({ maxFailures: 5, windowS: 900, lockS: 900 });
    expect([1, 2, 3, 4].map((n) => locksAfterFailure(n, accountLockout))).toEqual([false, false, false, false]);
    expect(locksAfterFailure(5, accountLockout)).toBe(true);
    expect(locksAfterFailure(6, accountLockout)).toBe(true);
  });

  it("locks a client address on its twentieth failure", () => {
    expect(locksAfterFailure(19, ipLockout)).toBe(false);
    expect(locksAfterFailure(20, ipLockout)).toBe(true);
  });

  it("reports a wrong password until a limit is reached", () => {
    expect(failureOutcome({ account: 4, ip: 19 })).toBe("WRONG_CREDENTIALS");
    expect(failureOutcome({ account: 5, ip: 3 })).toBe("ACCOUNT_LOCKED");
  });

  it("reports the address lock before the account lock when both are reached", () => {
    expect(failureOutcome({ account: 5, ip: 20 })).toBe("IP_LOCKED");
  });

  it("allows five password-reset requests an hour per ID number and twenty per address", () => {
    expect(withinLimit(5, passwordResetLimits.perIdNumber)).toBe(true);
    expect(withinLimit(6, passwordResetLimits.perIdNumber)).toBe(false);
    expect(withinLimit(20, passwordResetLimits.perIp)).toBe(true);
    expect(withinLimit(21, passwordResetLimits.perIp)).toBe(false);
    expect(passwordResetLimits.perIdNumber.windowS).toBe(3600);
  });
});
