import { SEEDED_COMPLIANCE_RULES, type StatisticMeasure } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { figureGroups } from "./count-people.ts";
import { type CountGroup, professionalCountRows, type UnitAsOf } from "./professional-counts.ts";

describe("figureGroups", () => {
  const units: UnitAsOf[] = [
    { unitId: "bus", name: "济南公交", kind: "EMPLOYER", status: "APPROVED", region: "370100" },
    { unitId: "metro", name: "济南轨道", kind: "EMPLOYER", status: "APPROVED", region: "370100" },
  ];
  const groups: CountGroup[] = [
    { unitId: "bus", general: 30, professional: 60, studying: true, people: 2 }, // 合格
    { unitId: "bus", general: 31, professional: 59, studying: true, people: 1 },
    { unitId: "bus", general: 0, professional: 0, studying: false, people: 1 },
    { unitId: "metro", general: 40, professional: 80, studying: true, people: 1 }, // 合格
    { unitId: "elsewhere", general: 0, professional: 100, studying: true, people: 9 }, // not a unit asked about
  ];

  it.each<[StatisticMeasure, number, string[]]>([
    ["REGISTERED", 5, ["bus 30/60", "bus 31/59", "bus 0/0", "metro 40/80"]],
    ["STUDYING", 4, ["bus 30/60", "bus 31/59", "metro 40/80"]],
    ["COMPLIANT", 3, ["bus 30/60", "metro 40/80"]],
  ])("%s: %i people in the groups %j", (measure, total, keys) => {
    const r = figureGroups(measure, units, groups, SEEDED_COMPLIANCE_RULES, 2026);
    expect(r.total).toBe(total);
    expect(r.keys.map((k) => `${k.unitId} ${k.general}/${k.professional}`)).toEqual(keys);
  });

  it("gives the figures 专业技术人员数量查询 shows for the same groups", () => {
    const { total } = professionalCountRows(units, groups, SEEDED_COMPLIANCE_RULES, 2026);
    expect([total.registered, total.studying, total.compliant]).toEqual(
      (["REGISTERED", "STUDYING", "COMPLIANT"] as const).map((m) => figureGroups(m, units, groups, SEEDED_COMPLIANCE_RULES, 2026).total),
    );
  });
});
