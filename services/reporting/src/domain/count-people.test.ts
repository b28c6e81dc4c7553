import { SEEDED_COMPLIANCE_RULES, type StatisticMeasure } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { figureGroups, pageOfMatches } from "./count-people.ts";
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

  it("gives the figures 专业技术人员数量查询 shows for the rollup of the same people", () => {
    const figures = [
      { unitId: "bus", registered: 4, studying: 3, compliant: 2 },
      { unitId: "metro", registered: 1, studying: 1, compliant: 1 },
    ];
    const { total } = professionalCountRows(units, figures, SEEDED_COMPLIANCE_RULES, 2026);
    expect([total.registered, total.studying, total.compliant]).toEqual(
      (["REGISTERED", "STUDYING", "COMPLIANT"] as const).map((m) => figureGroups(m, units, groups, SEEDED_COMPLIANCE_RULES, 2026).total),
    );
  });
});

describe("pageOfMatches", () => {
  const rows = Array.from({ length: 1000 }, (_, i) => i);
  const reader = () => {
    const reads: Array<[number, number]> = [];
    const read = async ({ limit, offset }: { limit: number; offset: number }) => {
      reads.push([offset, limit]);
      return rows.slice(offset, offset + limit);
    };
    return { read, reads };
  };
  /** The windows pageOfMatches reads, in order, as [offset, limit]: 10 rows, then twice as many each time. */
  const doublingReads: ReadonlyArray<readonly [number, number]> = [
    [0, 10],
    [10, 20],
    [30, 40],
    [70, 80],
    [150, 160],
    [310, 320],
    [630, 640],
  ];
  it.each([
    { case: "every row matches, first page", every: 1, window: { limit: 20, offset: 0 }, page: [0, 19], reads: doublingReads.slice(0, 2) },
    { case: "every row matches, a later page", every: 1, window: { limit: 20, offset: 40 }, page: [40, 59], reads: doublingReads.slice(0, 3) },
    { case: "one row in 50 matches: windows double", every: 50, window: { limit: 5, offset: 0 }, page: [0, 200], reads: doublingReads.slice(0, 5) },
    { case: "fewer matches than a page: every row read once", every: 300, window: { limit: 20, offset: 0 }, page: [0, 900], reads: doublingReads },
    { case: "a page past the matches: empty", every: 300, window: { limit: 20, offset: 20 }, page: null, reads: doublingReads },
  ])("$case", async ({ every, window, page, reads }) => {
    const r = reader();
    const got = await pageOfMatches(r.read, (n) => n % every === 0, window, 10);
    if (page === null) expect(got).toEqual([]);
    else {
      expect(got[0]).toBe(page[0]);
      expect(got[got.length - 1]).toBe(page[1]);
      expect(got.every((n) => n % every === 0)).toBe(true);
    }
    expect(r.reads).toEqual(reads);
  });
});
