import { HourRule } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { computeHours } from "./hour-rules.ts";

const rule = (r: unknown) => HourRule.parse(r);

describe("computeHours", () => {
  it("ACTUAL counts the hours attended and explains it", () => {
    expect(computeHours(rule({ kind: "ACTUAL", capPerItem: 90 }), { requestedHours: 60, details: {} })).toEqual({
      hours: 60,
      explanation: "按实际学时计算：60学时",
    });
  });

  it("ACTUAL stops at the cap per item", () => {
    const r = computeHours(rule({ kind: "ACTUAL", capPerItem: 40 }), { requestedHours: 60, details: {} });
    expect(r.hours).toBe(40);
    expect(r.explanation).toContain("超过单项上限40学时，按40学时计");
  });

  it("PER_DAY multiplies days by hours per day, a half day being 4 学时", () => {
    const r = computeHours(rule({ kind: "PER_DAY", hoursPerDay: 8 }), { requestedHours: 1, details: { days: "2.5" } });
    expect(r).toEqual({ hours: 20, explanation: "按天计算：每天8学时 × 2.5天 = 20学时（半天按4学时计）" });
    expect(computeHours(rule({ kind: "PER_DAY", hoursPerDay: 8 }), { requestedHours: 1, details: { days: 0.5 } }).hours).toBe(4);
  });

  it("PER_DAY respects its cap per item and counts nothing without days", () => {
    expect(computeHours(rule({ kind: "PER_DAY", hoursPerDay: 8, capPerItem: 24 }), { requestedHours: 1, details: { days: 5 } }).hours).toBe(24);
    expect(computeHours(rule({ kind: "PER_DAY", hoursPerDay: 8 }), { requestedHours: 1, details: {} }).hours).toBe(0);
  });

  it("PER_ITEM gives fixed hours per item, one item by default", () => {
    expect(computeHours(rule({ kind: "PER_ITEM", hoursPerItem: 30 }), { requestedHours: 1, details: {} })).toEqual({
      hours: 30,
      explanation: "按项计算：每项30学时 × 1项 = 30学时",
    });
    expect(computeHours(rule({ kind: "PER_ITEM", hoursPerItem: 40 }), { requestedHours: 1, details: { items: 2 } }).hours).toBe(80);
  });

  const conference = rule({
    kind: "RANK",
    ranks: [
      { code: "NATIONAL", label: "国家级学术会议", hours: 12, paperBonus: 6 },
      { code: "PROVINCIAL", label: "省级学术会议", hours: 8, paperBonus: 4 },
    ],
  });

  it("RANK looks the rank up and adds the paper bonus", () => {
    expect(computeHours(conference, { requestedHours: 1, details: { rank: "NATIONAL" } }).hours).toBe(12);
    expect(computeHours(conference, { requestedHours: 1, details: { rank: "PROVINCIAL", withPaper: "on" } })).toEqual({
      hours: 12,
      explanation: "省级学术会议：8学时；提交论文加4学时，共12学时",
    });
    expect(computeHours(conference, { requestedHours: 1, details: { rank: "NATIONAL", withPaper: true } }).hours).toBe(18);
  });

  it("RANK counts nothing for an unknown rank", () => {
    expect(computeHours(conference, { requestedHours: 1, details: { rank: "MOON" } })).toEqual({ hours: 0, explanation: "未选择级别，不计学时" });
  });

  it("RATIO turns 1 hour taught into 3 学时, rounding down", () => {
    expect(computeHours(rule({ kind: "RATIO", perHour: 3 }), { requestedHours: 1, details: { teachingHours: 4 } })).toEqual({
      hours: 12,
      explanation: "按授课时长折算：4小时 × 3 = 12学时",
    });
    expect(computeHours(rule({ kind: "RATIO", perHour: 3, capPerItem: 20 }), { requestedHours: 1, details: { teachingHours: 10 } }).hours).toBe(20);
    expect(computeHours(rule({ kind: "RATIO", perHour: 1.5 }), { requestedHours: 1, details: { teachingHours: 3 } }).hours).toBe(4);
  });

  it("applies the per-year cap with what the person already declared this year", () => {
    const r = computeHours(rule({ kind: "PER_ITEM", hoursPerItem: 40, capPerYear: 60 }), { requestedHours: 1, details: {}, usedThisYear: 40 });
    expect(r.hours).toBe(20);
    expect(r.explanation).toContain("本年度该学习形式上限60学时，已申报40学时，本次最多20学时");
    expect(computeHours(rule({ kind: "ACTUAL", capPerItem: 90, capPerYear: 60 }), { requestedHours: 30, details: {}, usedThisYear: 70 }).hours).toBe(0);
  });
});
