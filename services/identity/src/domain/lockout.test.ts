import { describe, expect, it } from "vitest";
import {
  alertsOwner,
  failureOutcome,
  formatWait,
  idLookupLimits,
  ipLockout,
  lockoutMessages,
  locksAfterFailure,
  loginDelayS,
  passwordResetLimits,
  withinLimit,
} from "./lockout.ts";

describe("login escalation per account + address", () => {
  it.each([
    [1, 0],
    [2, 0],
    [3, 0],
    [4, 15],
    [5, 30],
    [6, 60],
    [7, 120],
    [9, 480],
    [10, 900],
    [11, 900],
    [1000, 900],
  ])("after failure %i the pair waits %i s", (failures, waitS) => {
    expect(loginDelayS(failures)).toBe(waitS);
  });

  it.each([
    [{ pair: 1, ip: 1 }, { kind: "WRONG_CREDENTIALS" }],
    [{ pair: 3, ip: 19 }, { kind: "WRONG_CREDENTIALS" }],
    [
      { pair: 4, ip: 4 },
      { kind: "WAIT", waitS: 15 },
    ],
    [
      { pair: 50, ip: 3 },
      { kind: "WAIT", waitS: 900 },
    ],
    [{ pair: 1, ip: 20 }, { kind: "IP_LOCKED" }],
    [{ pair: 8, ip: 25 }, { kind: "IP_LOCKED" }],
  ])("a failure with counts %o leads to %o", (counts, outcome) => {
    expect(failureOutcome(counts)).toEqual(outcome);
  });

  it("never locks an account: no outcome depends on failures from other addresses", () => {
    expect(Object.keys(failureOutcome({ pair: 1, ip: 1 }))).toEqual(["kind"]);
    expect(failureOutcome.length).toBe(1);
  });

  it("blocks a client address on its twentieth failure across accounts", () => {
    expect(locksAfterFailure(19, ipLockout)).toBe(false);
    expect(locksAfterFailure(20, ipLockout)).toBe(true);
  });

  it.each([
    [4, false],
    [5, true],
    [6, false],
  ])("alerts the owner once, on account-wide failure %i: %s", (n, alerted) => {
    expect(alertsOwner(n)).toBe(alerted);
  });

  it.each([
    [1, "1秒"],
    [14.2, "15秒"],
    [59, "59秒"],
    [60, "1分钟"],
    [61, "2分钟"],
    [900, "15分钟"],
    [0, "1秒"],
  ])("words a wait of %s s as %s", (s, words) => {
    expect(formatWait(s)).toBe(words);
    expect(lockoutMessages.wait(s)).toBe(`密码错误次数过多，请${words}后再试`);
  });
});

describe("request limits", () => {
  it("allows five password-reset requests an hour per ID number and twenty per address", () => {
    expect(withinLimit(5, passwordResetLimits.perIdNumber)).toBe(true);
    expect(withinLimit(6, passwordResetLimits.perIdNumber)).toBe(false);
    expect(withinLimit(20, passwordResetLimits.perIp)).toBe(true);
    expect(withinLimit(21, passwordResetLimits.perIp)).toBe(false);
    expect(passwordResetLimits.perIdNumber.windowS).toBe(3600);
  });

  it("stops a viewer well before the ~33 candidates a masked ID number leaves open, within a day", () => {
    expect(idLookupLimits.perAccount.max).toBeLessThan(33);
    expect(idLookupLimits.perAccount.windowS).toBeGreaterThanOrEqual(24 * 3600);
    expect(withinLimit(idLookupLimits.perAccount.max + 1, idLookupLimits.perAccount)).toBe(false);
  });
});
