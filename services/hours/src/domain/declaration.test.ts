import { DomainError, HourRule, type LearningForm } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { allowedYears, assessDeclaration } from "./declaration.ts";

const jobTraining: LearningForm = {
  formId: "00000000-0000-4000-8000-000000000001",
  versionId: "00000000-0000-4000-8000-000000000002",
  code: "JOB_TRAINING",
  name: "岗位培训",
  version: 1,
  effectiveFrom: "2015-01-01",
  fields: [],
  hint: "提交岗位培训结业证书扫描件",
  subjects: ["PROFESSIONAL"],
  rule: HourRule.parse({ kind: "ACTUAL", capPerItem: 90 }),
};
const conference: LearningForm = {
  ...jobTraining,
  code: "CONFERENCE",
  name: "学术会议",
  fields: [{ key: "rank", label: "会议级别", type: "select", required: true, options: [{ value: "NATIONAL", label: "国家级" }] }],
  rule: HourRule.parse({ kind: "RANK", ranks: [{ code: "NATIONAL", label: "国家级学术会议", hours: 12, paperBonus: 6 }] }),
};
const today = new Date("2026-06-01T00:00:00Z");
const claim = { year: 2026, startDate: "2026-03-01", endDate: "2026-03-05", requestedHours: 40, subject: "PROFESSIONAL" as const, details: {} };

function fieldOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.field;
    throw e;
  }
  return undefined;
}

describe("allowedYears follows the Beijing calendar", () => {
  it.each([
    ["2025-12-31T15:59:59.999Z", [2025, 2024, 2023]], // 2025-12-31 23:59:59 in Beijing
    ["2025-12-31T16:00:00.000Z", [2026, 2025, 2024]], // 2026-01-01 00:00 in Beijing
    ["2025-12-31T16:30:00.000Z", [2026, 2025, 2024]],
    ["2025-12-31T18:00:00.000Z", [2026, 2025, 2024]], // 02:00 Beijing, the example
    ["2026-12-31T15:59:59.000Z", [2026, 2025, 2024]],
    ["2026-12-31T16:00:00.000Z", [2027, 2026, 2025]],
  ])("at %s the years are %j", (instant, years) => {
    expect(allowedYears(new Date(instant))).toEqual(years);
  });

  it("lets a 2026 claim through at 2026-01-01 00:30 Beijing time and refuses it a minute before midnight", () => {
    const newYear = { ...claim, startDate: "2026-01-01", endDate: "2026-01-01", requestedHours: 4 };
    expect(assessDeclaration(jobTraining, newYear, { today: new Date("2025-12-31T16:30:00Z"), usedThisYear: 0 }).hours).toBe(4);
    expect(fieldOf(() => assessDeclaration(jobTraining, newYear, { today: new Date("2025-12-31T15:59:00Z"), usedThisYear: 0 }))).toBe("year");
  });
});

describe("assessDeclaration", () => {
  it("allows the current year and the two before it", () => {
    expect(allowedYears(today)).toEqual([2026, 2025, 2024]);
    expect(
      fieldOf(() => assessDeclaration(jobTraining, { ...claim, year: 2023, startDate: "2023-01-01", endDate: "2023-01-02" }, { today, usedThisYear: 0 })),
    ).toBe("year");
    expect(fieldOf(() => assessDeclaration(jobTraining, { ...claim, year: 2027 }, { today, usedThisYear: 0 }))).toBe("year");
  });

  it("refuses an end before the start and a start after the year", () => {
    expect(fieldOf(() => assessDeclaration(jobTraining, { ...claim, endDate: "2026-02-01" }, { today, usedThisYear: 0 }))).toBe("endDate");
    expect(fieldOf(() => assessDeclaration(jobTraining, { ...claim, year: 2025 }, { today, usedThisYear: 0 }))).toBe("startDate");
  });

  it("refuses a subject the form does not count towards, naming the allowed one", () => {
    expect(() => assessDeclaration(jobTraining, { ...claim, subject: "GENERAL" }, { today, usedThisYear: 0 })).toThrow("岗位培训只能计入专业科目");
  });

  it("refuses more hours than the rule allows and explains the computation", () => {
    expect(() => assessDeclaration(jobTraining, { ...claim, requestedHours: 100 }, { today, usedThisYear: 0 })).toThrow(
      "申请学时不能超过90学时（按实际学时计算：100学时；超过单项上限90学时，按90学时计）",
    );
  });

  it("asks for the form's required fields", () => {
    expect(fieldOf(() => assessDeclaration(conference, { ...claim, requestedHours: 12 }, { today, usedThisYear: 0 }))).toBe("details.rank");
    expect(assessDeclaration(conference, { ...claim, requestedHours: 12, details: { rank: "NATIONAL" } }, { today, usedThisYear: 0 }).hours).toBe(12);
  });

  it("returns the computed hours and explanation for a valid claim", () => {
    expect(assessDeclaration(jobTraining, claim, { today, usedThisYear: 0 })).toEqual({ hours: 40, explanation: "按实际学时计算：40学时" });
  });
});
