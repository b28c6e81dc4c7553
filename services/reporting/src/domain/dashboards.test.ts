import { NATIONAL_RULE } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { complianceProjection, dashboardPeriod, elapsedShare, projectedHours, rate, rejectionReasonRows } from "./dashboards.ts";
import { outcomeFacts } from "./declaration-outcome.ts";

const rules = [{ ...NATIONAL_RULE, year: null, region: null }];
const unit = { unitId: "u1", name: "济南公交集团", kind: "EMPLOYER" as const, status: "APPROVED", region: "370102" };

describe("the year's pace", () => {
  it("counts Beijing days gone, 1 January to 31 December", () => {
    expect(elapsedShare("2026-01-01")).toBeCloseTo(1 / 365, 12);
    expect(elapsedShare("2026-07-20")).toBeCloseTo(201 / 365, 12);
    expect(elapsedShare("2024-12-31")).toBe(1);
  });

  it("projects hours at the pace so far, rounded down", () => {
    expect(projectedHours(50, 201 / 365)).toBe(90);
    expect(projectedHours(10, 0.5)).toBe(20);
  });

  it("gives rates with two decimals and none of nothing", () => {
    expect(rate(1, 3)).toBe(33.33);
    expect(rate(0, 0)).toBeNull();
  });
});

describe("complianceProjection", () => {
  it("counts 合格 now, 合格 at the pace, and the groups at risk", () => {
    const groups = [
      { unitId: "u1", general: 30, professional: 60, studying: true, people: 1 }, // 合格
      { unitId: "u1", general: 0, professional: 50, studying: true, people: 2 }, // 90 at the pace
      { unitId: "u1", general: 10, professional: 0, studying: true, people: 1 }, // at risk
      { unitId: "u1", general: 0, professional: 0, studying: false, people: 3 }, // at risk
      { unitId: "elsewhere", general: 0, professional: 0, studying: false, people: 5 }, // not a unit asked about
    ];
    const p = complianceProjection([unit], groups, rules, 2026, 201 / 365);
    expect(p.totals).toEqual({ registered: 7, compliant: 1, projectedCompliant: 3 });
    expect(p.byUnit.get("u1")).toEqual(p.totals);
    expect(p.atRisk).toEqual([
      { unitId: "u1", general: 10, professional: 0 },
      { unitId: "u1", general: 0, professional: 0 },
    ]);
    expect(p.atRiskPeople).toBe(4);
  });
});

describe("dashboardPeriod", () => {
  const now = new Date("2026-07-20T04:00:00.000Z");
  it("defaults to 1 January of 结束时间's year through today, as Beijing instants", () => {
    expect(dashboardPeriod({}, now)).toEqual({
      from: "2026-01-01",
      to: "2026-07-20",
      since: new Date("2025-12-31T16:00:00.000Z"),
      until: new Date("2026-07-20T15:59:59.999Z"),
    });
    expect(dashboardPeriod({ to: "2025-03-01" }, now).from).toBe("2025-01-01");
  });
  it("refuses a day after today naming the field", () => {
    expect(() => dashboardPeriod({ to: "2026-07-21" }, now)).toThrow("结束时间不能晚于今天（2026-07-20）");
  });
});

describe("rejectionReasonRows", () => {
  it("lists every code in the list's order, zeros included, then the uncoded ones", () => {
    const rows = rejectionReasonRows([
      { code: "DUPLICATE", count: 2 },
      { code: null, count: 1 },
    ]);
    expect(rows.map((r) => [r.code, r.count])).toEqual([
      ["MISSING_PROOF", 0],
      ["HOURS_INVALID", 0],
      ["FORM_MISMATCH", 0],
      ["DUPLICATE", 2],
      ["OTHER", 0],
      [null, 1],
    ]);
    expect(rejectionReasonRows([]).some((r) => r.code === null)).toBe(false);
  });
});

describe("outcomeFacts", () => {
  const e = {
    declarationId: "00000000-0000-4000-8000-000000000001",
    accountId: "00000000-0000-4000-8000-000000000002",
    professionalName: "甲",
    unitId: "00000000-0000-4000-8000-000000000003",
    unitPath: "/a/",
    year: 2026,
    subject: "GENERAL" as const,
    formCode: "F",
    formVersion: 1,
    requestedHours: 1,
    computedHours: 1,
    recognizedHours: null,
    status: "PENDING" as const,
    currentHandlerId: "00000000-0000-4000-8000-000000000004",
    reason: null,
  };
  const at = new Date("2026-07-10T00:00:00.000Z");
  it("takes the first handler and declaring unit from submitted, the code from rejected, the instant from a failed audit", () => {
    expect(outcomeFacts("submitted", at, { ...e, declaredByUnitId: "00000000-0000-4000-8000-000000000005" })).toMatchObject({
      firstHandlerId: e.currentHandlerId,
      declaredByUnitId: "00000000-0000-4000-8000-000000000005",
    });
    expect(outcomeFacts("rejected", at, { ...e, reason: "重复申报", reasonCode: "DUPLICATE" })).toMatchObject({
      rejectReasonCode: "DUPLICATE",
      rejectReason: "重复申报",
      decidedByUnitId: null,
    });
    expect(outcomeFacts("auditFailed", at, e)).toMatchObject({ auditFailedAt: at });
    expect(outcomeFacts("withdrawn", at, e)).toBeNull();
    expect(outcomeFacts("approved", at, e)).toBeNull(); // an older event names no deciding unit
  });

  it("takes the deciding unit and admin from approved and rejected events that name them, null from older ones", () => {
    const decider = {
      decidedByUnitId: "00000000-0000-4000-8000-000000000006",
      decidedByAccountId: "00000000-0000-4000-8000-000000000007",
      decidedByName: "王审核",
    };
    expect(outcomeFacts("approved", at, { ...e, status: "APPROVED", ...decider })).toMatchObject(decider);
    expect(outcomeFacts("rejected", at, { ...e, status: "REJECTED", reason: "重复申报", ...decider })).toMatchObject(decider);
    expect(outcomeFacts("rejected", at, { ...e, status: "REJECTED", reason: "重复申报" })).toMatchObject({
      decidedByUnitId: null,
      decidedByAccountId: null,
      decidedByName: null,
    });
  });
});
