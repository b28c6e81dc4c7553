import { DomainError, SEEDED_COMPLIANCE_RULES } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { answerFinal, asOfInstant, passRate, professionalCountRows, statisticDate, statisticYear, type UnitAsOf } from "./professional-counts.ts";
import type { UnitFigures } from "./unit-figures.ts";

// The one rule for every as-of input (统计时间, a range's 结束时间): a day after today is refused naming
// the field; today is answered but not final (the day is not closed: later events of today change it);
// a day before today is final. "Today" is the Beijing date — at 00:30 Beijing on 1 January it is
// still 31 December in UTC, and 31 December is already yesterday.
describe("answerFinal and statisticDate: one table of dates", () => {
  it.each<[string, string, string, boolean | "refused"]>([
    ["yesterday", "2026-07-20T04:00:00.000Z", "2026-07-19", true],
    ["today", "2026-07-20T04:00:00.000Z", "2026-07-20", false],
    ["tomorrow", "2026-07-20T04:00:00.000Z", "2026-07-21", "refused"],
    ["far past", "2026-07-20T04:00:00.000Z", "2000-01-01", true],
    ["a year ago", "2026-07-20T04:00:00.000Z", "2025-07-20", true],
    ["31 Dec, asked at 23:59 Beijing that day", "2026-12-31T15:59:00.000Z", "2026-12-31", false],
    ["31 Dec, asked at 00:30 Beijing on 1 Jan (still 31 Dec in UTC)", "2026-12-31T16:30:00.000Z", "2026-12-31", true],
    ["1 Jan, asked at 00:30 Beijing that day", "2026-12-31T16:30:00.000Z", "2027-01-01", false],
    ["1 Jan, asked at 23:59 Beijing on 31 Dec", "2026-12-31T15:59:00.000Z", "2027-01-01", "refused"],
    ["29 Feb of a leap year, asked on 1 Mar", "2028-03-01T01:00:00.000Z", "2028-02-29", true],
  ])("%s (%s, 统计时间 %s) → %s", (_case, now, date, expected) => {
    if (expected === "refused") {
      expect(() => statisticDate(date, now)).toThrow(`统计时间不能晚于今天（${date.slice(0, 4) === "2027" ? "2026-12-31" : "2026-07-20"}）`);
      return;
    }
    expect(statisticDate(date, now)).toBe(date);
    expect(answerFinal(date, now)).toBe(expected);
  });

  it("the default 统计时间 (today) is never final", () => {
    for (const now of ["2026-07-20T04:00:00.000Z", "2026-12-31T16:30:00.000Z", "2026-06-30T15:59:59.999Z"]) {
      expect(answerFinal(statisticDate(undefined, now), now)).toBe(false);
    }
  });
});

describe("statistic date", () => {
  it("stands for the end of the Beijing day", () => {
    expect(asOfInstant("2026-06-30").toISOString()).toBe("2026-06-30T15:59:59.999Z");
    expect(statisticYear("2026-12-31")).toBe(2026);
    expect(statisticYear("2027-01-01")).toBe(2027);
  });

  it("defaults to today in Beijing, even when it is still yesterday in UTC", () => {
    expect(statisticDate(undefined, "2026-06-30T16:30:00.000Z")).toBe("2026-07-01");
  });

  it("takes today and earlier days, and refuses a later day naming 统计时间", () => {
    const now = "2026-07-20T04:00:00.000Z";
    expect(statisticDate("2026-07-20", now)).toBe("2026-07-20");
    expect(statisticDate("2026-06-30", now)).toBe("2026-06-30");
    expect(() => statisticDate("2026-07-21", now)).toThrow(DomainError);
    expect(() => statisticDate("2026-07-21", now)).toThrow("统计时间不能晚于今天（2026-07-20）");
  });
});

describe("passRate", () => {
  it.each([
    [0, 0, null],
    [0, 3, 0],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [1, 8, 12.5],
    [3, 3, 100],
  ])("%i of %i → %s", (compliant, registered, rate) => {
    expect(passRate(compliant, registered)).toBe(rate);
  });
});

describe("professionalCountRows", () => {
  const unit = (unitId: string, name: string, kind: UnitAsOf["kind"], region = "370100", status = "APPROVED"): UnitAsOf => ({
    unitId,
    name,
    kind,
    status,
    region,
  });
  const units = [
    unit("bus", "济南公交", "EMPLOYER"),
    unit("base", "济南培训基地", "TRAINING_BASE"),
    unit("city", "济南市交通运输局", "AUTHORITY"),
    unit("empty-authority", "历下区交通局", "AUTHORITY"),
    unit("pending", "待审核企业", "EMPLOYER", "370100", "PENDING"),
    unit("ghost", "", null),
  ];
  const figures: UnitFigures[] = [
    { unitId: "bus", registered: 4, studying: 3, compliant: 2 },
    { unitId: "city", registered: 1, studying: 1, compliant: 1 },
    { unitId: "ghost", registered: 5, studying: 5, compliant: 5 },
  ];

  it("shows each unit's figures, employers and bases without people too, with a total row equal to the rows' sum", () => {
    const { rows, total } = professionalCountRows(units, figures, SEEDED_COMPLIANCE_RULES, 2026);
    expect(rows).toEqual([
      { unitId: "bus", unitName: "济南公交", unitKind: "EMPLOYER", registered: 4, studying: 3, compliant: 2, passRate: 50 },
      { unitId: "base", unitName: "济南培训基地", unitKind: "TRAINING_BASE", registered: 0, studying: 0, compliant: 0, passRate: null },
      { unitId: "city", unitName: "济南市交通运输局", unitKind: "AUTHORITY", registered: 1, studying: 1, compliant: 1, passRate: 100 },
    ]);
    expect(total).toEqual({ registered: 5, studying: 4, compliant: 3, passRate: 60 });
  });

  it("counts the people without hours as 合格 only when 0 hours meet the rule for the unit's region and the year", () => {
    const rules = [...SEEDED_COMPLIANCE_RULES, { year: 2026, region: "370100", minTotal: 0, professionalShareNum: 0, professionalShareDen: 1 }];
    expect(professionalCountRows(units, figures, rules, 2026).total.compliant).toBe(4);
    expect(professionalCountRows(units, figures, rules, 2025).total.compliant).toBe(3);
  });
});
