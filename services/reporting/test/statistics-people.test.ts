// 专业技术人员信息查询, 详细, 学习记录 and the people behind a figure, on the hand-computed fixture of
// support/statistics-fixture.ts driven through real NATS events; "as of" 2026-06-30 across a
// transfer, a voided record, a late approval and a title change in July; scope refusals and bad
// input naming the field.
import { describe, expect, it } from "vitest";
import type { ReportingClient } from "./support/boot.ts";
import { refusal } from "./support/refusal.ts";
import {
  jinan,
  jnBus,
  li,
  liPending,
  liRejected,
  names,
  province,
  qdMetro,
  qingdao,
  useStatistics,
  w2p,
  wang1,
  wang2,
  wang3,
} from "./support/statistics-fixture.ts";

const t = useStatistics("statpeople");

describe("statistics.professionals (专业技术人员信息查询)", () => {
  it("lists the registered people of the subtree now, by name, masked, with unit, 学历 and 专业技术职务", async () => {
    const r = await t.provinceAdmin.statistics.professionals.query({});
    expect(r.total).toBe(7);
    expect(names(r)).toEqual(["Anna Li", "张小明", "李四", "王一", "王三", "王二", "赵科员"]);
    expect(r.items.find((i) => i.name === "王三")).toEqual({
      accountId: wang3.accountId,
      name: "王三",
      idNumberMasked: "370102********0033",
      unitId: qdMetro.data.unitId,
      unitName: "青岛地铁集团",
      education: "BACHELOR",
      titleSeries: "HIGHER_EDU_TEACHER",
      titleLevel: "JUNIOR",
      activated: true,
    });
    expect(JSON.stringify(r)).not.toContain("370102199003030033");
  });

  it.each([
    ["姓名 contains one character", { name: "王" }, ["王一", "王三", "王二"]],
    ["姓名 contains two characters", { name: "小明" }, ["张小明"]],
    ["姓名 in another case", { name: "anna" }, ["Anna Li"]],
    ["姓名 with LIKE wildcards taken literally", { name: "王%" }, []],
    ["姓名 _ (LIKE's any-one-character) taken literally", { name: "_" }, []],
    ["姓名 % taken literally", { name: "%" }, []],
    ["姓名 of three characters with _ taken literally", { name: "王_二" }, []],
    ["姓名 \\ (LIKE's escape) taken literally", { name: "\\" }, []],
    ["现专业技术职称资格 % taken literally", { qualification: "%" }, []],
    ["现专业技术职称资格 _ taken literally", { qualification: "高级_程师" }, []],
    ["证件号 typed full-width with spaces", { idNumber: "３７０１０２ １９８１０２０２００２ｘ" }, ["王二"]],
    ["证件号 of nobody", { idNumber: "370102198001010012" }, []],
    ["地区 济南 (every district under it)", { region: "370100" }, ["张小明", "王一", "王二", "赵科员"]],
    ["地区 历下区", { region: "370102" }, ["王一", "王二"]],
    ["主管部门 青岛", { authorityId: qingdao.data.unitId }, ["Anna Li", "李四", "王三"]],
    ["学历", { education: "BACHELOR" }, ["Anna Li", "王一", "王三", "赵科员"]],
    ["专业技术职务", { titleSeries: "HIGHER_EDU_TEACHER" }, ["李四", "王三"]],
    ["现专业技术职称资格 contains", { qualification: "高级工程师" }, ["王一", "王二"]],
    ["证书管理号", { certificateNo: "GC-001" }, ["王一"]],
    ["several filters at once", { name: "王", education: "MASTER" }, ["王二"]],
  ] as const)("filters by %s", async (_what, filter, expected) => {
    expect(names(await t.provinceAdmin.statistics.professionals.query(filter))).toEqual(expected);
  });

  it("pages like every table", async () => {
    const r = await t.provinceAdmin.statistics.professionals.query({ page: 2, pageSize: 2 });
    expect(r).toMatchObject({ total: 7, page: 2, pageSize: 2 });
    expect(names(r)).toEqual(["李四", "王一"]);
  });

  it.each([5, 99, 999_999_999])("serves page %i past the end as the last page, like every table", async (page) => {
    const r = await t.provinceAdmin.statistics.professionals.query({ page, pageSize: 2 });
    expect(r).toMatchObject({ total: 7, page: 4, pageSize: 2 });
    expect(names(r)).toEqual(["赵科员"]);
  });

  it("gives 济南's admin only 济南's subtree, and refuses another 主管部门 as not found", async () => {
    expect(names(await t.jinanAdmin.statistics.professionals.query({}))).toEqual(["张小明", "王一", "王二", "赵科员"]);
    expect(names(await t.jinanAdmin.statistics.professionals.query({ idNumber: "370202197005050055" }))).toEqual([]);
    expect(await refusal(t.jinanAdmin.statistics.professionals.query({ authorityId: qingdao.data.unitId }))).toEqual({
      code: "NOT_FOUND",
      fields: { authorityId: ["主管部门不存在或不在您的管理范围内"] },
    });
  });

  it("refuses an unknown code naming the field", async () => {
    const bad = (input: Record<string, unknown>) => refusal(t.provinceAdmin.statistics.professionals.query(input as never));
    expect(await bad({ education: "PHD" })).toMatchObject({ code: "BAD_REQUEST", fields: { education: ["学历无效"] } });
    expect(await bad({ titleSeries: "ASTRONAUT" })).toMatchObject({ code: "BAD_REQUEST", fields: { titleSeries: ["职务系列无效"] } });
    expect(await bad({ region: "379999" })).toMatchObject({ code: "BAD_REQUEST", fields: { region: ["地区代码无效"] } });
  });
});

describe("statistics.professional (详细)", () => {
  it("shows one person now, masked, with the title they hold today", async () => {
    expect(await t.provinceAdmin.statistics.professional.query({ accountId: wang1.accountId })).toEqual({
      accountId: wang1.accountId,
      name: "王一",
      idNumberMasked: "370102********0011",
      unitId: jnBus.data.unitId,
      unitName: "济南公交集团",
      unitRegion: "370102",
      status: "APPROVED",
      education: "BACHELOR",
      titleSeries: "ENGINEERING",
      titleLevel: "DEPUTY_SENIOR",
      qualification: "高级工程师",
      major: "道路桥梁",
      certificateNo: "GC-001",
      registeredAt: "2026-01-10T02:00:00.000Z",
      activated: true,
    });
  });

  it("refuses a person outside the caller's subtree as not found", async () => {
    for (const accountId of [wang3.accountId, li.accountId, "00000000-0000-4000-8000-000000000000"]) {
      expect(await refusal(t.jinanAdmin.statistics.professional.query({ accountId }))).toEqual({
        code: "NOT_FOUND",
        fields: { accountId: ["人员不存在或不在您的管理范围内"] },
      });
    }
  });
});

describe("statistics.learningRecord (学习记录)", () => {
  const years = (r: { years: Array<{ year: number; general: number; professional: number; total: number; compliant: boolean }> }) =>
    r.years.map((y) => [y.year, y.general, y.professional, y.total, y.compliant]);

  it("gives 王二's 2026 as of 2026-06-30: 合格 with the 60 not yet voided", async () => {
    const r = await t.provinceAdmin.statistics.learningRecord.query({ accountId: wang2.accountId, asOf: "2026-06-30" });
    expect(r).toMatchObject({
      asOf: "2026-06-30",
      name: "王二",
      idNumberMasked: "370102********002X",
      unitName: "济南公交集团",
    });
    expect(years(r)).toEqual([[2026, 30, 60, 90, true]]);
    expect(r.years[0]?.records.find((x) => x.declarationId === w2p.id)).toEqual({
      declarationId: w2p.id,
      year: 2026,
      subject: "PROFESSIONAL",
      formCode: "JOB_TRAINING",
      recognizedHours: 60,
      status: "APPROVED",
      counted: true,
      submittedAt: "2026-02-20T02:00:00.000Z",
      approvedAt: "2026-03-01T02:00:00.000Z",
      rejectedAt: null,
      withdrawnAt: null,
      filedAt: null,
      voidedAt: null,
    });
  });

  it("gives 王二's 2026 today: 30, 不合格, the voided record with its instant", async () => {
    const r = await t.provinceAdmin.statistics.learningRecord.query({ accountId: wang2.accountId });
    expect(r.asOf).toBe("2026-07-20");
    expect(years(r)).toEqual([[2026, 30, 0, 30, false]]);
    expect(r.years[0]?.records.find((x) => x.declarationId === w2p.id)).toMatchObject({
      status: "VOIDED",
      counted: false,
      voidedAt: "2026-07-15T02:00:00.000Z",
    });
  });

  it("gives every year of 王一, newest first, and the records that did not count for 李四", async () => {
    expect(years(await t.provinceAdmin.statistics.learningRecord.query({ accountId: wang1.accountId }))).toEqual([
      [2026, 30, 60, 90, true],
      [2025, 0, 100, 100, true],
    ]);
    const r = await t.provinceAdmin.statistics.learningRecord.query({ accountId: li.accountId });
    expect(years(r)).toEqual([[2026, 0, 0, 0, false]]);
    expect(r.years[0]?.records.map((x) => [x.declarationId, x.status, x.counted, x.recognizedHours])).toEqual([
      [liPending.id, "PENDING", false, null],
      [liRejected.id, "REJECTED", false, null],
    ]);
  });

  it("opens 王三 to 济南's admin as of 2026-06-30, when he worked there, and not today", async () => {
    const june = await t.jinanAdmin.statistics.learningRecord.query({ accountId: wang3.accountId, asOf: "2026-06-30" });
    expect(june).toMatchObject({ unitId: jnBus.data.unitId, unitName: "济南公交集团" });
    expect(years(june)).toEqual([[2026, 0, 90, 90, true]]);
    expect(await refusal(t.jinanAdmin.statistics.learningRecord.query({ accountId: wang3.accountId }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(t.jinanAdmin.statistics.learningRecord.query({ accountId: li.accountId, asOf: "2026-06-30" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a 统计时间 after today or before 2000, naming it", async () => {
    expect(await refusal(t.provinceAdmin.statistics.learningRecord.query({ accountId: wang1.accountId, asOf: "2026-07-21" }))).toEqual({
      code: "BAD_REQUEST",
      fields: { asOf: ["统计时间不能晚于今天（2026-07-20）"] },
    });
    expect(await refusal(t.provinceAdmin.statistics.learningRecord.query({ accountId: wang1.accountId, asOf: "1999-12-31" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { asOf: ["统计时间不能早于2000-01-01"] },
    });
  });
});

describe("statistics.countPeople (the people behind a figure)", () => {
  const people = (r: { items: Array<{ name: string; general: number; professional: number; compliant: boolean }> }) =>
    r.items.map((i) => [i.name, i.general, i.professional, i.compliant]);
  const ask = (
    c: ReportingClient,
    unit: typeof jnBus,
    measure: "REGISTERED" | "STUDYING" | "COMPLIANT",
    more: { asOf?: string; scope?: "UNIT" | "SUBTREE" } = {},
  ) => c.statistics.countPeople.query({ unitId: unit.data.unitId, measure, ...more });

  it("lists 济南公交's people of 2026-06-30: all three registered, studying and 合格", async () => {
    for (const measure of ["REGISTERED", "STUDYING", "COMPLIANT"] as const) {
      const r = await ask(t.provinceAdmin, jnBus, measure, { asOf: "2026-06-30" });
      expect(r).toMatchObject({ asOf: "2026-06-30", year: 2026, unitName: "济南公交集团", measure, scope: "UNIT", total: 3 });
      expect(people(r)).toEqual([
        ["王一", 30, 60, true],
        ["王三", 0, 90, true],
        ["王二", 30, 60, true],
      ]);
    }
  });

  it("lists them today: 王三 left, 王二 no longer 合格", async () => {
    expect(people(await ask(t.provinceAdmin, jnBus, "REGISTERED"))).toEqual([
      ["王一", 30, 60, true],
      ["王二", 30, 0, false],
    ]);
    expect(people(await ask(t.provinceAdmin, jnBus, "COMPLIANT"))).toEqual([["王一", 30, 60, true]]);
  });

  it("lists the total row of a drill into 济南 as of 2026-06-30 (张小明 not yet registered)", async () => {
    const registered = await ask(t.provinceAdmin, jinan, "REGISTERED", { asOf: "2026-06-30", scope: "SUBTREE" });
    expect(names(registered)).toEqual(["王一", "王三", "王二", "赵科员"]);
    expect(registered.items.find((i) => i.name === "赵科员")).toMatchObject({ unitName: "济南市交通运输局", studying: false, total: 0 });
    expect(names(await ask(t.provinceAdmin, jinan, "STUDYING", { asOf: "2026-06-30", scope: "SUBTREE" }))).toEqual(["王一", "王三", "王二"]);
  });

  it("has, for every unit and figure, exactly the number 专业技术人员数量查询 shows", async () => {
    for (const asOf of ["2026-06-30", "2026-07-20"]) {
      const counts = await t.provinceAdmin.statistics.professionalCounts.query({ asOf, pageSize: 200 });
      for (const row of counts.items) {
        for (const [measure, figure] of [
          ["REGISTERED", row.registered],
          ["STUDYING", row.studying],
          ["COMPLIANT", row.compliant],
        ] as const) {
          const r = await t.provinceAdmin.statistics.countPeople.query({ asOf, unitId: row.unitId, measure });
          expect([asOf, row.unitName, measure, r.total, r.items.length]).toEqual([asOf, row.unitName, measure, figure, figure]);
        }
      }
      const all = await t.provinceAdmin.statistics.countPeople.query({ asOf, unitId: province.data.unitId, measure: "COMPLIANT", scope: "SUBTREE" });
      expect(all.total).toBe(counts.totals.compliant);
    }
  });

  it("pages the people", async () => {
    const r = await ask(t.provinceAdmin, jnBus, "REGISTERED", { asOf: "2026-06-30" });
    const second = await t.provinceAdmin.statistics.countPeople.query({
      asOf: "2026-06-30",
      unitId: jnBus.data.unitId,
      measure: "REGISTERED",
      page: 2,
      pageSize: 2,
    });
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(names(second)).toEqual(names(r).slice(2));
  });

  it("refuses a unit outside the scope as not found and an unknown figure naming it", async () => {
    expect(await refusal(ask(t.jinanAdmin, qdMetro, "REGISTERED"))).toEqual({ code: "NOT_FOUND", fields: { unitId: ["单位不存在或不在您的管理范围内"] } });
    expect(await refusal(t.provinceAdmin.statistics.countPeople.query({ unitId: jnBus.data.unitId, measure: "PASSED" as never }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { measure: ["统计项无效"] },
    });
  });
});
