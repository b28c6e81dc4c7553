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

  // New-user pass F20: a class ending in the future was accepted — hours are declared for learning done.
  it.each([
    ["today (Beijing)", "2026-06-01T00:00:00Z", "2026-05-30", "2026-06-01", null],
    ["tomorrow", "2026-06-01T00:00:00Z", "2026-05-30", "2026-06-02", "结束时间不能晚于今天（2026-06-01）"],
    ["a class wholly in the future", "2026-06-01T00:00:00Z", "2026-07-01", "2026-07-03", "结束时间不能晚于今天（2026-06-01）"],
    ["00:30 in Beijing, still the day before in UTC", "2026-05-31T16:30:00Z", "2026-06-01", "2026-06-01", null],
    ["23:59 in Beijing the day before", "2026-05-31T15:59:00Z", "2026-06-01", "2026-06-01", "结束时间不能晚于今天（2026-05-31）"],
    ["a class over New Year, declared on New Year's Eve", "2026-12-31T04:00:00Z", "2026-12-28", "2027-01-03", "结束时间不能晚于今天（2026-12-31）"],
  ])("结束时间 %s (now %s, %s 至 %s) → %s", (_, now, startDate, endDate, refusal) => {
    const assess = () => assessDeclaration(jobTraining, { ...claim, startDate, endDate, requestedHours: 8 }, { today: new Date(now), usedThisYear: 0 });
    if (refusal === null) expect(assess().hours).toBe(8);
    else {
      expect(assess).toThrow(refusal);
      expect(fieldOf(assess)).toBe("endDate");
    }
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

describe("a learning form's number fields are read as typed, never by Number() (probe: 0x10 days read as 16)", () => {
  const perDay: LearningForm = {
    ...jobTraining,
    code: "TRAINING",
    name: "脱产培训",
    fields: [{ key: "days", label: "培训天数", type: "number", required: true }],
    rule: HourRule.parse({ kind: "PER_DAY", hoursPerDay: 8, capPerItem: 90 }),
  };
  const perItem: LearningForm = {
    ...jobTraining,
    code: "COURSES",
    name: "学历教育",
    fields: [{ key: "items", label: "通过课程门数", type: "number", required: true }],
    rule: HourRule.parse({ kind: "PER_ITEM", hoursPerItem: 10 }),
  };
  // 起止时间 2026-03-01…2026-03-05 spans 5 days.
  const assess = (form: LearningForm, details: Record<string, string | number>, requestedHours = 1) => {
    try {
      return assessDeclaration(form, { ...claim, requestedHours, details }, { today, usedThisYear: 0 }).hours;
    } catch (e) {
      if (e instanceof DomainError) return `${e.field}: ${e.message}`;
      throw e;
    }
  };

  it.each<[string, LearningForm, string | number, number | string]>([
    ["3 days", perDay, "3", 24],
    ["full-width １２ is 12 — but more than the 5 days spanned", perDay, "１２", "details.days: 培训天数不能超过起止时间的天数（5天）"],
    ["full-width ３", perDay, "３", 24],
    ["half a day more", perDay, "2.5", 20],
    ["a JSON number", perDay, 4, 32],
    ["5 days, the whole span", perDay, "5", 40],
    ["6 days in 5", perDay, "6", "details.days: 培训天数不能超过起止时间的天数（5天）"],
    ["hex 0x10", perDay, "0x10", "details.days: 培训天数须为大于0的数字"],
    ["exponent 1e1", perDay, "1e1", "details.days: 培训天数须为大于0的数字"],
    ["1e9", perDay, "1e9", "details.days: 培训天数须为大于0的数字"],
    ["a third of a day", perDay, "0.3", "details.days: 培训天数须为整天或半天（如1、1.5）"],
    ["zero", perDay, "0", "details.days: 培训天数须为大于0的数字"],
    ["negative", perDay, "-2", "details.days: 培训天数须为大于0的数字"],
    ["Infinity", perDay, "Infinity", "details.days: 培训天数须为大于0的数字"],
    ["words", perDay, "三天", "details.days: 培训天数须为大于0的数字"],
    ["a huge JSON number", perItem, 1e9, "details.items: 通过课程门数不能大于1000"],
    ["3 courses", perItem, "3", 30],
    ["1.5 courses", perItem, "1.5", "details.items: 通过课程门数须为整数"],
    ["hex courses", perItem, "0x3", "details.items: 通过课程门数须为大于0的数字"],
  ])("%s", (_label, form, value, expected) => {
    const key = form === perDay ? "days" : "items";
    expect(assess(form, { [key]: value })).toBe(expected);
  });
});
