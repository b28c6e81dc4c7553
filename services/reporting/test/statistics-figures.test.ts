// 职称系列分布情况, 学习记录验证 and 审核通过学时 per month, on the hand-computed fixture of
// support/statistics-fixture.ts driven through real NATS events; "as of" dates, scope refusals and
// bad input naming the field.
import { describe, expect, it } from "vitest";
import { refusal } from "./support/refusal.ts";
import { jnBus, qdMetro, qingdao, useStatistics } from "./support/statistics-fixture.ts";

const t = useStatistics("statfigures");

describe("statistics.titleDistribution (职称系列分布情况)", () => {
  /** The non-zero rows as [series, 初级, 中级, 高级, 无, 人数]. */
  const table = (r: { rows: Array<{ titleSeries: string; junior: number; intermediate: number; senior: number; none: number; total: number }> }) =>
    r.rows.filter((x) => x.total > 0).map((x) => [x.titleSeries, x.junior, x.intermediate, x.senior, x.none, x.total]);

  it("counts everyone registered today by the title they hold today, every series present", async () => {
    const r = await t.provinceAdmin.statistics.titleDistribution.query({});
    expect(r).toMatchObject({ from: null, to: "2026-07-20", unitName: "山东省交通运输厅", withoutSeries: 1 });
    expect(r.rows).toHaveLength(24);
    expect(r.rows[0]?.titleSeries).toBe("HIGHER_EDU_TEACHER");
    expect(table(r)).toEqual([
      ["HIGHER_EDU_TEACHER", 1, 0, 1, 0, 2], // 王三 初级, 李四 副高级
      ["ENGINEERING", 1, 0, 2, 0, 3], // Anna 初级, 王一 副高级 since 07-10, 王二 正高级
      ["ACCOUNTING", 0, 0, 0, 1, 1], // 张小明, no level
    ]);
    expect(r.totals).toEqual({ junior: 2, intermediate: 0, senior: 3, none: 1, total: 6 });
  });

  it("counts those registered in the first half of 2026 and still registered on 06-30, by their title then", async () => {
    const r = await t.provinceAdmin.statistics.titleDistribution.query({ from: "2026-01-01", to: "2026-06-30" });
    expect(table(r)).toEqual([["ENGINEERING", 1, 1, 1, 0, 3]]); // Anna, 王一 中级 then, 王二
    expect(r.withoutSeries).toBe(1); // 赵科员
  });

  it.each([
    [
      "地区 青岛 today",
      { region: "370200" },
      [
        ["HIGHER_EDU_TEACHER", 1, 0, 1, 0, 2],
        ["ENGINEERING", 1, 0, 0, 0, 1],
      ],
    ],
    [
      "地区 青岛 on 06-30, before 王三 came",
      { region: "370200", to: "2026-06-30" },
      [
        ["HIGHER_EDU_TEACHER", 0, 0, 1, 0, 1],
        ["ENGINEERING", 1, 0, 0, 0, 1],
      ],
    ],
    [
      "用人单位 济南公交 on 06-30",
      { employerId: jnBus.data.unitId, to: "2026-06-30" },
      [
        ["HIGHER_EDU_TEACHER", 1, 0, 0, 0, 1],
        ["ENGINEERING", 0, 1, 1, 0, 2],
      ],
    ],
  ] as const)("filters by %s", async (_what, input, expected) => {
    expect(table(await t.provinceAdmin.statistics.titleDistribution.query(input))).toEqual(expected);
  });

  it("refuses another unit's employer as not found and bad dates naming the field", async () => {
    expect(await refusal(t.jinanAdmin.statistics.titleDistribution.query({ employerId: qdMetro.data.unitId }))).toEqual({
      code: "NOT_FOUND",
      fields: { employerId: ["用人单位不存在或不在您的管理范围内"] },
    });
    expect(await refusal(t.provinceAdmin.statistics.titleDistribution.query({ to: "2026-07-21" }))).toEqual({
      code: "BAD_REQUEST",
      fields: { to: ["结束时间不能晚于今天（2026-07-20）"] },
    });
    expect(await refusal(t.provinceAdmin.statistics.titleDistribution.query({ from: "2026-03-01", to: "2026-02-01" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { to: ["结束时间不能早于开始时间"] },
    });
    expect(await refusal(t.provinceAdmin.statistics.titleDistribution.query({ from: "1999-01-01" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { from: ["开始时间不能早于2000-01-01"] },
    });
  });
});

describe("statistics.verifyLearning (学习记录验证)", () => {
  const rows = (r: {
    items: Array<{ name: string; idNumberMasked: string; year: number; general: number; professional: number; total: number; compliant: boolean }>;
  }) => r.items.map((i) => [i.name, i.year, i.general, i.professional, i.total, i.compliant]);

  it("finds a person by 证件号 with every year that counts today", async () => {
    const r = await t.provinceAdmin.statistics.verifyLearning.query({ idNumber: "370102198001010011" });
    expect(rows(r)).toEqual([
      ["王一", 2026, 30, 60, 90, true],
      ["王一", 2025, 0, 100, 100, true],
    ]);
    expect(r.items[0]?.idNumberMasked).toBe("370102********0011");
  });

  it.each([
    ["姓名 exact", { name: "王二" }, [["王二", 2026, 30, 0, 30, false]]],
    [
      "姓名 contains",
      { name: "王", nameMatch: "CONTAINS" },
      [
        ["王一", 2026, 30, 60, 90, true],
        ["王一", 2025, 0, 100, 100, true],
        ["王三", 2026, 0, 90, 90, true],
        ["王二", 2026, 30, 0, 30, false],
      ],
    ],
    ["姓名 exact that is only part of names", { name: "王" }, []],
    ["姓名 contains _ taken literally", { name: "_", nameMatch: "CONTAINS" }, []],
    ["姓名 contains % taken literally", { name: "王%", nameMatch: "CONTAINS" }, []],
    ["证件号 and 姓名 that do not belong together", { idNumber: "370102198001010011", name: "王二" }, []],
    ["a person without counted hours", { name: "李四" }, []],
    ["nothing typed", {}, []],
  ] as const)("by %s", async (_what, input, expected) => {
    expect(rows(await t.provinceAdmin.statistics.verifyLearning.query(input))).toEqual(expected);
  });

  it.each([2, 3, 1000])("pages the rows; page %i of 3 rows is the last page", async (page) => {
    const r = await t.provinceAdmin.statistics.verifyLearning.query({ name: "王", nameMatch: "CONTAINS", page, pageSize: 3 });
    expect(r).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(rows(r)).toEqual([["王二", 2026, 30, 0, 30, false]]);
  });

  it("finds nobody outside the caller's subtree", async () => {
    expect(rows(await t.jinanAdmin.statistics.verifyLearning.query({ name: "王三" }))).toEqual([]);
    expect(rows(await t.jinanAdmin.statistics.verifyLearning.query({ idNumber: "370102199003030033" }))).toEqual([]);
  });
});

describe("statistics.approvedHoursByMonth (审核通过学时 per month)", () => {
  const months = (r: { months: Array<{ month: string; hours: number; records: number }> }) => r.months.map((m) => [m.month, m.hours, m.records]);

  it("sums 认定学时 per Beijing month, leaving out what was voided by the end of the range", async () => {
    const r = await t.provinceAdmin.statistics.approvedHoursByMonth.query({ from: "2026-01-01", to: "2026-07-20" });
    expect(r).toMatchObject({ from: "2026-01-01", to: "2026-07-20", unitName: "山东省交通运输厅" });
    expect(months(r)).toEqual([
      ["2026-01", 0, 0],
      ["2026-02", 0, 0],
      ["2026-03", 30, 1], // 王二 公需; his 专业 60 was voided on 07-15
      ["2026-04", 60, 1], // 王一, 00:00 on 04-01 in Beijing
      ["2026-05", 90, 1], // 王三
      ["2026-06", 30, 1], // 王一, the last millisecond of 06-30 in Beijing
      ["2026-07", 0, 0],
    ]);
  });

  it("counts the voided 60 in a range that ends before the voiding", async () => {
    const r = await t.provinceAdmin.statistics.approvedHoursByMonth.query({ from: "2026-03-01", to: "2026-06-30" });
    expect(months(r)).toEqual([
      ["2026-03", 90, 2],
      ["2026-04", 60, 1],
      ["2026-05", 90, 1],
      ["2026-06", 30, 1],
    ]);
  });

  it("defaults to the twelve months up to today, and gives 青岛 nothing (王三 declared in 济南)", async () => {
    const r = await t.provinceAdmin.statistics.approvedHoursByMonth.query({ unitId: qingdao.data.unitId });
    expect(r.months.map((m) => m.month)).toEqual([
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
    ]);
    expect(r.months.every((m) => m.hours === 0)).toBe(true);
  });

  it("refuses another unit as not found and a range over ten years naming 开始时间", async () => {
    expect(await refusal(t.jinanAdmin.statistics.approvedHoursByMonth.query({ unitId: qingdao.data.unitId }))).toEqual({
      code: "NOT_FOUND",
      fields: { unitId: ["单位不存在或不在您的管理范围内"] },
    });
    expect(await refusal(t.provinceAdmin.statistics.approvedHoursByMonth.query({ from: "2016-01-01" }))).toEqual({
      code: "BAD_REQUEST",
      fields: { from: ["时间范围不能超过120个月"] },
    });
  });
});
