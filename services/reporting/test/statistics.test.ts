// 专业技术人员信息查询, 详细, 学习记录, 职称系列分布情况, 学习记录验证, the people behind a figure and
// 审核通过学时 per month on one small fixture whose every figure is computed by hand below, driven
// through real NATS events; "as of" 2026-06-30 across a transfer, a voided record, a late
// approval and a title change in July; scope refusals and bad input naming the field.
import { serviceClient, signIn } from "@ce/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_PII_INDEX_KEY } from "../src/config.ts";
import type { ReportingRouter } from "../src/routers/index.ts";
import { createBlindIndexes } from "../src/security/blind-index.ts";
import { bootReporting } from "./support/boot.ts";
import { declaration, professional, professionalAt, settled, transferredAt, unitCreatedAt } from "./support/events.ts";
import { refusal } from "./support/refusal.ts";

// "Today" is 2026-07-20 in Beijing.
const NOW = new Date("2026-07-20T04:00:00.000Z");
const JAN = "2024-01-01T01:00:00.000Z";

const province = unitCreatedAt(JAN, { name: "山东省交通运输厅", region: "370000" });
const jinan = unitCreatedAt(JAN, { name: "济南市交通运输局", region: "370100", superiorId: province.data.unitId, superiorPath: province.data.path });
const qingdao = unitCreatedAt(JAN, { name: "青岛市交通运输局", region: "370200", superiorId: province.data.unitId, superiorPath: province.data.path });
const employer = (city: typeof jinan, name: string, region: string) =>
  unitCreatedAt(JAN, { name, kind: "EMPLOYER", nature: "ENTERPRISE", region, superiorId: city.data.unitId, superiorPath: city.data.path });
const jnBus = employer(jinan, "济南公交集团", "370102"); // 历下区
const jnMetro = employer(jinan, "济南轨道交通集团", "370112"); // 历城区
const qdMetro = employer(qingdao, "青岛地铁集团", "370202"); // 市南区

const blindIndex = (idNumber: string) => createBlindIndexes(DEV_PII_INDEX_KEY)(idNumber)[0] as string; // RESIDENT_ID
const masked = (idNumber: string) => `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
type Spec = Parameters<typeof professional>[2] & { idNumber: string; registeredAt: string };
const person = (name: string, unit: typeof jnBus, spec: Spec) => {
  const { idNumber, ...over } = spec;
  return professional(name, unit, { status: "APPROVED", idNumberHash: blindIndex(idNumber), idNumberMasked: masked(idNumber), ...over });
};

// 王一 (济南公交): 2025 专业 100 (合格); 2026 专业 60 approved at 00:00 on 04-01 in Beijing and 公需 30 on the
// last millisecond of 06-30 in Beijing: 90, 2/3 professional, 合格. On 07-10 his title rises to 副高级.
const wang1 = person("王一", jnBus, {
  idNumber: "370102198001010011",
  education: "BACHELOR",
  titleSeries: "ENGINEERING",
  titleLevel: "INTERMEDIATE",
  qualification: "工程师",
  certificateNo: "GC-001",
  registeredAt: "2026-01-10T02:00:00.000Z",
});
const wang1promoted = { ...wang1, titleLevel: "DEPUTY_SENIOR", qualification: "高级工程师", version: 2 };
const w1old = declaration(wang1, 2025, "PROFESSIONAL", 100);
const w1p = declaration(wang1, 2026, "PROFESSIONAL", 60);
const w1g = declaration(wang1, 2026, "GENERAL", 30);
// 王二 (济南公交): 专业 60 (voided on 07-15) + 公需 30: 合格 on 06-30, 30 and 不合格 since.
const wang2 = person("王二", jnBus, {
  idNumber: "37010219810202002X",
  education: "MASTER",
  titleSeries: "ENGINEERING",
  titleLevel: "FULL_SENIOR",
  qualification: "高级工程师",
  registeredAt: "2026-01-10T02:00:00.000Z",
});
const w2p = declaration(wang2, 2026, "PROFESSIONAL", 60);
const w2g = declaration(wang2, 2026, "GENERAL", 30);
// 王三 (济南公交 → 青岛地铁 on 07-15, registered 2025): 专业 90 approved 05-01 in 济南公交: 合格.
const wang3 = person("王三", jnBus, {
  idNumber: "370102199003030033",
  education: "BACHELOR",
  titleSeries: "HIGHER_EDU_TEACHER",
  titleLevel: "JUNIOR",
  qualification: "助教",
  registeredAt: "2025-03-01T02:00:00.000Z",
});
const wang3moved = { ...wang3, unitId: qdMetro.data.unitId, unitPath: qdMetro.data.path, version: 2 };
const w3p = declaration(wang3, 2026, "PROFESSIONAL", 90);
// 张小明 (济南轨道): registered 02-01, approved 07-01 — not registered yet on 06-30; no title level.
const zhang = person("张小明", jnMetro, {
  idNumber: "370112199504040044",
  status: "PENDING",
  education: "ASSOCIATE",
  titleSeries: "ACCOUNTING",
  titleLevel: null,
  qualification: null,
  registeredAt: "2026-02-01T02:00:00.000Z",
});
// 李四 (青岛地铁, since 2024): a pending 公需 10 and a rejected 专业 20 — nothing counts.
const li = person("李四", qdMetro, {
  idNumber: "370202197005050055",
  education: "DOCTORATE",
  titleSeries: "HIGHER_EDU_TEACHER",
  titleLevel: "DEPUTY_SENIOR",
  qualification: "副教授",
  registeredAt: "2024-05-01T02:00:00.000Z",
});
const liPending = declaration(li, 2026, "GENERAL", 10);
const liRejected = declaration(li, 2026, "PROFESSIONAL", 20);
// Anna Li (青岛地铁): a Latin name, for a case-insensitive search.
const anna = person("Anna Li", qdMetro, {
  idNumber: "E12345678",
  education: "BACHELOR",
  titleSeries: "ENGINEERING",
  titleLevel: "JUNIOR",
  qualification: "助理工程师",
  registeredAt: "2026-03-01T02:00:00.000Z",
});
// 赵科员 works in the 济南 bureau itself: registered, no title series, no hours.
const zhao = person("赵科员", jinan, {
  idNumber: "370100198806060066",
  education: "BACHELOR",
  titleSeries: null,
  titleLevel: null,
  qualification: null,
  registeredAt: "2026-01-10T02:00:00.000Z",
});
// 钱多多 (济南公交) registered and is still waiting: in no list.
const qian = person("钱多多", jnBus, { idNumber: "370102200007070077", status: "PENDING", registeredAt: "2026-05-01T02:00:00.000Z" });

const identityEvents = [
  ...[province, jinan, qingdao, jnBus, jnMetro, qdMetro],
  ...[wang1, wang2, wang3, li, anna, zhao, zhang, qian].map((p) => professionalAt("registered", p.registeredAt, p)),
  professionalAt("approved", "2026-07-01T02:00:00.000Z", { ...zhang, status: "APPROVED", version: 2 }),
  professionalAt("updated", "2026-07-10T02:00:00.000Z", wang1promoted),
  transferredAt("2026-07-15T02:00:00.000Z", wang3, wang3moved),
];
const hoursEvents = [
  w1old.approved("2025-06-01T02:00:00.000Z"),
  w1p.submitted("2026-03-20T02:00:00.000Z"),
  w1p.approved("2026-03-31T16:00:00.000Z"),
  w1g.submitted("2026-06-01T02:00:00.000Z"),
  w1g.approved("2026-06-30T15:59:59.999Z"),
  w2p.submitted("2026-02-20T02:00:00.000Z"),
  w2p.approved("2026-03-01T02:00:00.000Z"),
  w2p.auditFailed("2026-07-15T02:00:00.000Z"),
  w2p.voided("2026-07-15T02:00:00.000Z"),
  w2g.approved("2026-03-05T02:00:00.000Z"),
  w3p.approved("2026-05-01T02:00:00.000Z"),
  liPending.submitted("2026-06-20T02:00:00.000Z"),
  liRejected.submitted("2026-03-01T02:00:00.000Z"),
  liRejected.rejected("2026-03-03T02:00:00.000Z"),
];

let sys: Awaited<ReturnType<typeof bootReporting>>;
type Client = ReturnType<typeof serviceClient<ReportingRouter>>;
let provinceAdmin: Client;
let jinanAdmin: Client;
const admin = async (u: typeof province) =>
  serviceClient<ReportingRouter>(sys.app.url, await signIn(sys.app.infra.redis, { unitId: u.data.unitId, unitName: u.data.name, scopePath: u.data.path }));

beforeAll(async () => {
  sys = await bootReporting("statistics", { now: () => NOW });
  for (const e of identityEvents) await sys.producer.publish(e);
  for (const e of hoursEvents) await sys.hours.publish(e);
  await settled(sys);
  provinceAdmin = await admin(province);
  jinanAdmin = await admin(jinan);
}, 60_000);
afterAll(() => sys.cleanup());

const names = (r: { items: Array<{ name: string }> }) => r.items.map((i) => i.name);

describe("statistics.professionals (专业技术人员信息查询)", () => {
  it("lists the registered people of the subtree now, by name, masked, with unit, 学历 and 专业技术职务", async () => {
    const r = await provinceAdmin.statistics.professionals.query({});
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
    });
    expect(JSON.stringify(r)).not.toContain("370102199003030033");
  });

  it.each([
    ["姓名 contains one character", { name: "王" }, ["王一", "王三", "王二"]],
    ["姓名 contains two characters", { name: "小明" }, ["张小明"]],
    ["姓名 in another case", { name: "anna" }, ["Anna Li"]],
    ["姓名 with LIKE wildcards taken literally", { name: "王%" }, []],
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
    expect(names(await provinceAdmin.statistics.professionals.query(filter))).toEqual(expected);
  });

  it("pages like every table", async () => {
    const r = await provinceAdmin.statistics.professionals.query({ page: 2, pageSize: 2 });
    expect(r).toMatchObject({ total: 7, page: 2, pageSize: 2 });
    expect(names(r)).toEqual(["李四", "王一"]);
  });

  it("gives 济南's admin only 济南's subtree, and refuses another 主管部门 as not found", async () => {
    expect(names(await jinanAdmin.statistics.professionals.query({}))).toEqual(["张小明", "王一", "王二", "赵科员"]);
    expect(names(await jinanAdmin.statistics.professionals.query({ idNumber: "370202197005050055" }))).toEqual([]);
    expect(await refusal(jinanAdmin.statistics.professionals.query({ authorityId: qingdao.data.unitId }))).toEqual({
      code: "NOT_FOUND",
      fields: { authorityId: ["主管部门不存在或不在您的管理范围内"] },
    });
  });

  it("refuses an unknown code naming the field", async () => {
    const bad = (input: Record<string, unknown>) => refusal(provinceAdmin.statistics.professionals.query(input as never));
    expect(await bad({ education: "PHD" })).toMatchObject({ code: "BAD_REQUEST", fields: { education: ["学历无效"] } });
    expect(await bad({ titleSeries: "ASTRONAUT" })).toMatchObject({ code: "BAD_REQUEST", fields: { titleSeries: ["职务系列无效"] } });
    expect(await bad({ region: "379999" })).toMatchObject({ code: "BAD_REQUEST", fields: { region: ["地区代码无效"] } });
  });
});

describe("statistics.professional (详细)", () => {
  it("shows one person now, masked, with the title they hold today", async () => {
    expect(await provinceAdmin.statistics.professional.query({ accountId: wang1.accountId })).toEqual({
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
    });
  });

  it("refuses a person outside the caller's subtree as not found", async () => {
    for (const accountId of [wang3.accountId, li.accountId, "00000000-0000-4000-8000-000000000000"]) {
      expect(await refusal(jinanAdmin.statistics.professional.query({ accountId }))).toEqual({
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
    const r = await provinceAdmin.statistics.learningRecord.query({ accountId: wang2.accountId, asOf: "2026-06-30" });
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
    const r = await provinceAdmin.statistics.learningRecord.query({ accountId: wang2.accountId });
    expect(r.asOf).toBe("2026-07-20");
    expect(years(r)).toEqual([[2026, 30, 0, 30, false]]);
    expect(r.years[0]?.records.find((x) => x.declarationId === w2p.id)).toMatchObject({
      status: "VOIDED",
      counted: false,
      voidedAt: "2026-07-15T02:00:00.000Z",
    });
  });

  it("gives every year of 王一, newest first, and the records that did not count for 李四", async () => {
    expect(years(await provinceAdmin.statistics.learningRecord.query({ accountId: wang1.accountId }))).toEqual([
      [2026, 30, 60, 90, true],
      [2025, 0, 100, 100, true],
    ]);
    const r = await provinceAdmin.statistics.learningRecord.query({ accountId: li.accountId });
    expect(years(r)).toEqual([[2026, 0, 0, 0, false]]);
    expect(r.years[0]?.records.map((x) => [x.declarationId, x.status, x.counted, x.recognizedHours])).toEqual([
      [liPending.id, "PENDING", false, null],
      [liRejected.id, "REJECTED", false, null],
    ]);
  });

  it("opens 王三 to 济南's admin as of 2026-06-30, when he worked there, and not today", async () => {
    const june = await jinanAdmin.statistics.learningRecord.query({ accountId: wang3.accountId, asOf: "2026-06-30" });
    expect(june).toMatchObject({ unitId: jnBus.data.unitId, unitName: "济南公交集团" });
    expect(years(june)).toEqual([[2026, 0, 90, 90, true]]);
    expect(await refusal(jinanAdmin.statistics.learningRecord.query({ accountId: wang3.accountId }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(jinanAdmin.statistics.learningRecord.query({ accountId: li.accountId, asOf: "2026-06-30" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a 统计时间 after today or before 2000, naming it", async () => {
    expect(await refusal(provinceAdmin.statistics.learningRecord.query({ accountId: wang1.accountId, asOf: "2026-07-21" }))).toEqual({
      code: "BAD_REQUEST",
      fields: { asOf: ["统计时间不能晚于今天（2026-07-20）"] },
    });
    expect(await refusal(provinceAdmin.statistics.learningRecord.query({ accountId: wang1.accountId, asOf: "1999-12-31" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { asOf: ["统计时间不能早于2000-01-01"] },
    });
  });
});

describe("statistics.countPeople (the people behind a figure)", () => {
  const people = (r: { items: Array<{ name: string; general: number; professional: number; compliant: boolean }> }) =>
    r.items.map((i) => [i.name, i.general, i.professional, i.compliant]);
  const ask = (c: Client, unit: typeof jnBus, measure: "REGISTERED" | "STUDYING" | "COMPLIANT", more: { asOf?: string; scope?: "UNIT" | "SUBTREE" } = {}) =>
    c.statistics.countPeople.query({ unitId: unit.data.unitId, measure, ...more });

  it("lists 济南公交's people of 2026-06-30: all three registered, studying and 合格", async () => {
    for (const measure of ["REGISTERED", "STUDYING", "COMPLIANT"] as const) {
      const r = await ask(provinceAdmin, jnBus, measure, { asOf: "2026-06-30" });
      expect(r).toMatchObject({ asOf: "2026-06-30", year: 2026, unitName: "济南公交集团", measure, scope: "UNIT", total: 3 });
      expect(people(r)).toEqual([
        ["王一", 30, 60, true],
        ["王三", 0, 90, true],
        ["王二", 30, 60, true],
      ]);
    }
  });

  it("lists them today: 王三 left, 王二 no longer 合格", async () => {
    expect(people(await ask(provinceAdmin, jnBus, "REGISTERED"))).toEqual([
      ["王一", 30, 60, true],
      ["王二", 30, 0, false],
    ]);
    expect(people(await ask(provinceAdmin, jnBus, "COMPLIANT"))).toEqual([["王一", 30, 60, true]]);
  });

  it("lists the total row of a drill into 济南 as of 2026-06-30 (张小明 not yet registered)", async () => {
    const registered = await ask(provinceAdmin, jinan, "REGISTERED", { asOf: "2026-06-30", scope: "SUBTREE" });
    expect(names(registered)).toEqual(["王一", "王三", "王二", "赵科员"]);
    expect(registered.items.find((i) => i.name === "赵科员")).toMatchObject({ unitName: "济南市交通运输局", studying: false, total: 0 });
    expect(names(await ask(provinceAdmin, jinan, "STUDYING", { asOf: "2026-06-30", scope: "SUBTREE" }))).toEqual(["王一", "王三", "王二"]);
  });

  it("has, for every unit and figure, exactly the number 专业技术人员数量查询 shows", async () => {
    for (const asOf of ["2026-06-30", "2026-07-20"]) {
      const counts = await provinceAdmin.statistics.professionalCounts.query({ asOf, pageSize: 200 });
      for (const row of counts.items) {
        for (const [measure, figure] of [
          ["REGISTERED", row.registered],
          ["STUDYING", row.studying],
          ["COMPLIANT", row.compliant],
        ] as const) {
          const r = await provinceAdmin.statistics.countPeople.query({ asOf, unitId: row.unitId, measure });
          expect([asOf, row.unitName, measure, r.total, r.items.length]).toEqual([asOf, row.unitName, measure, figure, figure]);
        }
      }
      const all = await provinceAdmin.statistics.countPeople.query({ asOf, unitId: province.data.unitId, measure: "COMPLIANT", scope: "SUBTREE" });
      expect(all.total).toBe(counts.totals.compliant);
    }
  });

  it("pages the people", async () => {
    const r = await ask(provinceAdmin, jnBus, "REGISTERED", { asOf: "2026-06-30" });
    const second = await provinceAdmin.statistics.countPeople.query({
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
    expect(await refusal(ask(jinanAdmin, qdMetro, "REGISTERED"))).toEqual({ code: "NOT_FOUND", fields: { unitId: ["单位不存在或不在您的管理范围内"] } });
    expect(await refusal(provinceAdmin.statistics.countPeople.query({ unitId: jnBus.data.unitId, measure: "PASSED" as never }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { measure: ["统计项无效"] },
    });
  });
});

describe("statistics.titleDistribution (职称系列分布情况)", () => {
  /** The non-zero rows as [series, 初级, 中级, 高级, 无, 人数]. */
  const table = (r: { rows: Array<{ titleSeries: string; junior: number; intermediate: number; senior: number; none: number; total: number }> }) =>
    r.rows.filter((x) => x.total > 0).map((x) => [x.titleSeries, x.junior, x.intermediate, x.senior, x.none, x.total]);

  it("counts everyone registered today by the title they hold today, every series present", async () => {
    const r = await provinceAdmin.statistics.titleDistribution.query({});
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
    const r = await provinceAdmin.statistics.titleDistribution.query({ from: "2026-01-01", to: "2026-06-30" });
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
    expect(table(await provinceAdmin.statistics.titleDistribution.query(input))).toEqual(expected);
  });

  it("refuses another unit's employer as not found and bad dates naming the field", async () => {
    expect(await refusal(jinanAdmin.statistics.titleDistribution.query({ employerId: qdMetro.data.unitId }))).toEqual({
      code: "NOT_FOUND",
      fields: { employerId: ["用人单位不存在或不在您的管理范围内"] },
    });
    expect(await refusal(provinceAdmin.statistics.titleDistribution.query({ to: "2026-07-21" }))).toEqual({
      code: "BAD_REQUEST",
      fields: { to: ["结束时间不能晚于今天（2026-07-20）"] },
    });
    expect(await refusal(provinceAdmin.statistics.titleDistribution.query({ from: "2026-03-01", to: "2026-02-01" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { to: ["结束时间不能早于开始时间"] },
    });
    expect(await refusal(provinceAdmin.statistics.titleDistribution.query({ from: "1999-01-01" }))).toMatchObject({
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
    const r = await provinceAdmin.statistics.verifyLearning.query({ idNumber: "370102198001010011" });
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
    ["证件号 and 姓名 that do not belong together", { idNumber: "370102198001010011", name: "王二" }, []],
    ["a person without counted hours", { name: "李四" }, []],
    ["nothing typed", {}, []],
  ] as const)("by %s", async (_what, input, expected) => {
    expect(rows(await provinceAdmin.statistics.verifyLearning.query(input))).toEqual(expected);
  });

  it("pages the rows", async () => {
    const r = await provinceAdmin.statistics.verifyLearning.query({ name: "王", nameMatch: "CONTAINS", page: 2, pageSize: 3 });
    expect(r).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(rows(r)).toEqual([["王二", 2026, 30, 0, 30, false]]);
  });

  it("finds nobody outside the caller's subtree", async () => {
    expect(rows(await jinanAdmin.statistics.verifyLearning.query({ name: "王三" }))).toEqual([]);
    expect(rows(await jinanAdmin.statistics.verifyLearning.query({ idNumber: "370102199003030033" }))).toEqual([]);
  });
});

describe("statistics.approvedHoursByMonth (审核通过学时 per month)", () => {
  const months = (r: { months: Array<{ month: string; hours: number; records: number }> }) => r.months.map((m) => [m.month, m.hours, m.records]);

  it("sums 认定学时 per Beijing month, leaving out what was voided by the end of the range", async () => {
    const r = await provinceAdmin.statistics.approvedHoursByMonth.query({ from: "2026-01-01", to: "2026-07-20" });
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
    const r = await provinceAdmin.statistics.approvedHoursByMonth.query({ from: "2026-03-01", to: "2026-06-30" });
    expect(months(r)).toEqual([
      ["2026-03", 90, 2],
      ["2026-04", 60, 1],
      ["2026-05", 90, 1],
      ["2026-06", 30, 1],
    ]);
  });

  it("defaults to the twelve months up to today, and gives 青岛 nothing (王三 declared in 济南)", async () => {
    const r = await provinceAdmin.statistics.approvedHoursByMonth.query({ unitId: qingdao.data.unitId });
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
    expect(await refusal(jinanAdmin.statistics.approvedHoursByMonth.query({ unitId: qingdao.data.unitId }))).toEqual({
      code: "NOT_FOUND",
      fields: { unitId: ["单位不存在或不在您的管理范围内"] },
    });
    expect(await refusal(provinceAdmin.statistics.approvedHoursByMonth.query({ from: "2016-01-01" }))).toEqual({
      code: "BAD_REQUEST",
      fields: { from: ["时间范围不能超过120个月"] },
    });
  });
});
