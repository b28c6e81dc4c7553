import { describe, expect, it } from "vitest";
import { expiryOf, rowsReturned, type TokenState, tokenRefusal, tokenStatus } from "./api-token.ts";

const NOW = new Date("2026-07-20T04:00:00.000Z");
const token: TokenState = { permissions: ["professionalCounts"], expiresAt: new Date("2026-10-18T04:00:00.000Z"), revokedAt: null, ratePerMinute: 60 };
const OWNER = "/p/jinan/";

describe("tokenStatus", () => {
  it.each([
    ["active before its expiry", token, "ACTIVE"],
    ["expired at its expiry instant exactly", { ...token, expiresAt: NOW }, "EXPIRED"],
    ["active 1 ms before it", { ...token, expiresAt: new Date(NOW.getTime() + 1) }, "ACTIVE"],
    ["revoked wins over expired", { ...token, expiresAt: NOW, revokedAt: NOW }, "REVOKED"],
  ] as const)("%s", (_, t, status) => expect(tokenStatus(t, NOW)).toBe(status));
});

describe("expiryOf", () => {
  it("adds whole days of 24 hours", () => {
    expect(expiryOf(NOW, 90).toISOString()).toBe("2026-10-18T04:00:00.000Z");
    expect(expiryOf(NOW, 365).toISOString()).toBe("2027-07-20T04:00:00.000Z");
  });
});

describe("tokenRefusal", () => {
  it.each([
    ["an active token on a granted report in its owner's subtree", token, "professionalCounts", "/p/jinan/bus/", null],
    ["the owner's own unit as scope", token, "professionalCounts", OWNER, null],
    ["a revoked token", { ...token, revokedAt: NOW }, "professionalCounts", OWNER, "REVOKED"],
    ["an expired token", { ...token, expiresAt: NOW }, "professionalCounts", OWNER, "EXPIRED"],
    ["a report not granted", token, "titleDistribution", OWNER, "NOT_PERMITTED"],
    ["a scope unit moved out of the owner's subtree", token, "professionalCounts", "/p/qingdao/bus/", "OUT_OF_SCOPE"],
    ["a scope unit that is gone", token, "professionalCounts", null, "OUT_OF_SCOPE"],
  ] as const)("%s", (_, t, procedure, scopePath, outcome) => {
    expect(tokenRefusal(t, procedure, NOW, scopePath, OWNER)?.outcome ?? null).toBe(outcome);
  });

  it("names the report not granted in Chinese", () => {
    expect(tokenRefusal(token, "verifyLearning", NOW, OWNER, OWNER)).toEqual({
      outcome: "NOT_PERMITTED",
      code: "FORBIDDEN",
      message: "接口令牌没有“学习记录验证”的权限",
    });
  });
});

describe("rowsReturned", () => {
  it.each([
    ["a page", { items: [1, 2, 3], total: 9 }, 3],
    ["a table", { rows: [1, 2], totals: {} }, 2],
    ["people", { people: [1] }, 1],
    ["months", { months: [] }, 0],
    ["a person's years", { years: [1, 2] }, 2],
    ["one detail", { accountId: "x", name: "王一" }, 1],
    ["nothing", null, 0],
  ] as const)("%s", (_, answer, n) => expect(rowsReturned(answer)).toBe(n));
});
