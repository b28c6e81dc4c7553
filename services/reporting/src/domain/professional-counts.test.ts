import { DomainError, SEEDED_COMPLIANCE_RULES } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { asOfInstant, passRate, professionalCountRows, statisticDate, statisticYear, type UnitAsOf } from "./professional-counts.ts";
import type { UnitFigures } from "./unit-figures.ts";

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
