// 专业技术人员数量查询 on a small fixture whose every figure is computed by hand below, driven
// through real NATS events (identity and hours streams), including "as of" 2026-06-30 across a
// transfer, a voided record and a unit move on 2026-07-15, and the scope and date refusals.
import { unitPath } from "@ce/contracts";
import { errorCode } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import { useReporting, withAdmins } from "./support/boot.ts";
import {
  bootFed,
  declaration,
  enterpriseUnderAt,
  JAN,
  professional,
  professionalAt,
  provinceCitiesAt,
  publishSettled,
  transferredAt,
  unitMovedAt,
} from "./support/events.ts";

// "Today" is 2026-07-20 in Beijing.
const NOW = new Date("2026-07-20T04:00:00.000Z");

const { province, jinan, qingdao } = provinceCitiesAt(JAN);
const jnBus = enterpriseUnderAt(JAN, jinan, "济南公交集团");
const jnMetro = enterpriseUnderAt(JAN, jinan, "济南轨道交通集团");
const jnBase = enterpriseUnderAt(JAN, jinan, "济南交通培训基地", { kind: "TRAINING_BASE" });
const qdMetro = enterpriseUnderAt(JAN, qingdao, "青岛地铁集团");

const approvedIn = (name: string, unit: typeof jnBus, at = "2026-01-10T02:00:00.000Z") => {
  const p = professional(name, unit, { status: "APPROVED" });
  return { p, events: [professionalAt("registered", at, p)] };
};

// 王一 (济南公交): 公需 30 approved on the last millisecond of 2026-06-30 in Beijing, 专业 60 → 90 with 2/3 professional: 合格.
const wang1 = approvedIn("王一", jnBus);
const w1g = declaration(wang1.p, 2026, "GENERAL", 30);
const w1p = declaration(wang1.p, 2026, "PROFESSIONAL", 60);
const w1rejected = declaration(wang1.p, 2026, "PROFESSIONAL", 50);
// 王二 (济南公交): 专业 60 + 公需 30 = 合格 until the 60 are voided on 2026-07-15; then 30: 学习 but 不合格.
const wang2 = approvedIn("王二", jnBus);
const w2p = declaration(wang2.p, 2026, "PROFESSIONAL", 60);
const w2g = declaration(wang2.p, 2026, "GENERAL", 30);
// 王三 (济南公交 → 青岛地铁 on 2026-07-15): 专业 90, 合格, counted where they were.
const wang3 = approvedIn("王三", jnBus);
const w3p = declaration(wang3.p, 2026, "PROFESSIONAL", 90);
const wang3moved = { ...wang3.p, unitId: qdMetro.data.unitId, unitPath: qdMetro.data.path, version: 2 };
// 王四 (济南轨道, registered 2025): 2025 专业 100 (合格 in 2025); 2026 公需 40, and 专业 80 approved at 00:00 on 2026-07-01 in Beijing.
const wang4 = approvedIn("王四", jnMetro, "2025-03-01T02:00:00.000Z");
const w4old = declaration(wang4.p, 2025, "PROFESSIONAL", 100);
const w4g = declaration(wang4.p, 2026, "GENERAL", 40);
const w4p = declaration(wang4.p, 2026, "PROFESSIONAL", 80);
// 王五 (济南轨道): registered 2026-02-01, approved 2026-07-01 — not registered yet on 2026-06-30.
const wang5 = professional("王五", jnMetro);
// 王六 (济南轨道): registration rejected — never counted.
const wang6 = professional("王六", jnMetro);
// 王七 (青岛地铁): 专业 100, 合格; a pending 公需 10 never counts.
const wang7 = approvedIn("王七", qdMetro);
const w7p = declaration(wang7.p, 2026, "PROFESSIONAL", 100);
const w7pending = declaration(wang7.p, 2026, "GENERAL", 10);
// 赵科员 works in the 济南 bureau itself: registered, no hours.
const zhao = approvedIn("赵科员", jinan);

const june = [
  ...[province, jinan, qingdao, jnBus, jnMetro, jnBase, qdMetro],
  ...[wang1, wang2, wang3, wang4, wang7, zhao].flatMap((w) => w.events),
  professionalAt("registered", "2026-02-01T02:00:00.000Z", wang5),
  professionalAt("registered", "2026-02-01T02:00:00.000Z", wang6),
  professionalAt("rejected", "2026-02-05T02:00:00.000Z", { ...wang6, status: "REJECTED", version: 2 }),
];
const juneHours = [
  w1g.submitted("2026-06-01T02:00:00.000Z"),
  w1g.approved("2026-06-30T15:59:59.999Z"),
  w1p.submitted("2026-03-01T02:00:00.000Z"),
  w1p.approved("2026-04-01T02:00:00.000Z"),
  w1rejected.submitted("2026-03-01T02:00:00.000Z"),
  w1rejected.rejected("2026-03-03T02:00:00.000Z"),
  w2p.submitted("2026-02-20T02:00:00.000Z"),
  w2p.approved("2026-03-01T02:00:00.000Z"),
  w2g.approved("2026-03-05T02:00:00.000Z"),
  w3p.approved("2026-05-01T02:00:00.000Z"),
  w4old.approved("2025-06-01T02:00:00.000Z"),
  w4g.approved("2026-06-01T02:00:00.000Z"),
  w7p.approved("2026-06-10T02:00:00.000Z"),
  w7pending.submitted("2026-06-20T02:00:00.000Z"),
];
// What happened after 2026-06-30 (published after the first answers were taken).
const july = [
  professionalAt("approved", "2026-07-01T02:00:00.000Z", { ...wang5, status: "APPROVED", version: 2 }),
  transferredAt("2026-07-15T02:00:00.000Z", wang3.p, wang3moved),
  // 济南交通培训基地 moves from 济南 to 青岛 (更换上级部门).
  unitMovedAt("2026-07-15T02:00:00.000Z", {
    unitId: jnBase.data.unitId,
    oldSuperiorId: jinan.data.unitId,
    newSuperiorId: qingdao.data.unitId,
    oldPath: jnBase.data.path,
    newPath: unitPath(qingdao.data.path, jnBase.data.unitId),
    version: 2,
  }),
];
const julyHours = [w4p.approved("2026-06-30T16:00:00.000Z"), w2p.auditFailed("2026-07-15T02:00:00.000Z"), w2p.voided("2026-07-15T02:00:00.000Z")];

/** The rows as [name, 注册, 学习, 合格, 合格率], for comparing with the hand-computed tables. */
const table = (r: { items: Array<{ unitName: string; registered: number; studying: number; compliant: number; passRate: number | null }> }) =>
  r.items.map((i) => [i.unitName, i.registered, i.studying, i.compliant, i.passRate]);

// Rows are ordered by name (code points): 济南交通培训基地, 济南公交集团, 济南市交通运输局, 济南轨道交通集团, 青岛地铁集团.
const provinceJune = [
  ["济南交通培训基地", 0, 0, 0, null],
  ["济南公交集团", 3, 3, 3, 100],
  ["济南市交通运输局", 1, 0, 0, 0],
  ["济南轨道交通集团", 1, 1, 0, 0],
  ["青岛地铁集团", 1, 1, 1, 100],
];
const provinceJuneTotals = { registered: 6, studying: 5, compliant: 4, passRate: 66.67 };

const t = useReporting(async () => withAdmins(await bootFed("counts", [[...june, ...juneHours]], { now: () => NOW }), province, jinan));

describe("statistics.professionalCounts", () => {
  it("counts per employer and CE base as of 2026-06-30 for the province, with the total row", async () => {
    const r = await t.provinceAdmin.statistics.professionalCounts.query({ asOf: "2026-06-30" });
    expect(r).toMatchObject({ asOf: "2026-06-30", year: 2026, unitId: province.data.unitId, unitName: "山东省交通运输厅", total: 5, page: 1 });
    expect(table(r)).toEqual(provinceJune);
    expect(r.totals).toEqual(provinceJuneTotals);
  });

  it("answers 2026-06-30 the same after a transfer, a voided record, a unit move and a late approval in July", async () => {
    await publishSettled(t.sys, [...july, ...julyHours]);
    const r = await t.provinceAdmin.statistics.professionalCounts.query({ asOf: "2026-06-30" });
    expect(table(r)).toEqual(provinceJune);
    expect(r.totals).toEqual(provinceJuneTotals);
  });

  it("counts today (the default 统计时间) with the July changes", async () => {
    const r = await t.provinceAdmin.statistics.professionalCounts.query({});
    expect(r.asOf).toBe("2026-07-20");
    expect(table(r)).toEqual([
      ["济南交通培训基地", 0, 0, 0, null],
      ["济南公交集团", 2, 2, 1, 50], // 王一 合格; 王二 only 公需 30 after the voiding; 王三 left
      ["济南市交通运输局", 1, 0, 0, 0],
      ["济南轨道交通集团", 2, 1, 1, 50], // 王四 40 + 80 = 120, 2/3 professional; 王五 registered, no hours
      ["青岛地铁集团", 2, 2, 2, 100], // 王七 and 王三
    ]);
    expect(r.totals).toEqual({ registered: 7, studying: 5, compliant: 4, passRate: 57.14 });
  });

  it("judges a past year by that year's hours", async () => {
    const r = await t.provinceAdmin.statistics.professionalCounts.query({ asOf: "2025-12-31" });
    expect(r.year).toBe(2025);
    expect(r.totals).toEqual({ registered: 1, studying: 1, compliant: 1, passRate: 100 });
    expect(table(r).filter(([, registered]) => registered !== 0)).toEqual([["济南轨道交通集团", 1, 1, 1, 100]]);
  });

  it("gives 济南's admin only 济南's subtree; the province drilling into 济南 also sees the base that has since left it", async () => {
    const own = await t.jinanAdmin.statistics.professionalCounts.query({ asOf: "2026-06-30" });
    const drilled = await t.provinceAdmin.statistics.professionalCounts.query({ asOf: "2026-06-30", unitId: jinan.data.unitId });
    const jinanJune = [
      ["济南公交集团", 3, 3, 3, 100],
      ["济南市交通运输局", 1, 0, 0, 0],
      ["济南轨道交通集团", 1, 1, 0, 0],
    ];
    // The base was under 济南 on 06-30 and moved to 青岛 on 07-15: the province still holds it in its
    // scope, 济南's admin no longer does, so it is not answered to them, even for June.
    expect(table(drilled)).toEqual([["济南交通培训基地", 0, 0, 0, null], ...jinanJune]);
    expect(table(own)).toEqual(jinanJune);
    expect(own.totals).toEqual({ registered: 5, studying: 4, compliant: 3, passRate: 60 });
    expect(drilled.totals).toEqual(own.totals);
  });

  it("walks the tree as it stood on the date: the province drilling into 青岛 sees the base only after its move", async () => {
    const june30 = await t.provinceAdmin.statistics.professionalCounts.query({ asOf: "2026-06-30", unitId: qingdao.data.unitId });
    const today = await t.provinceAdmin.statistics.professionalCounts.query({ unitId: qingdao.data.unitId });
    expect(june30.items.map((i) => i.unitName)).toEqual(["青岛地铁集团"]);
    expect(today.items.map((i) => i.unitName)).toEqual(["济南交通培训基地", "青岛地铁集团"]);
  });

  it("pages the rows and keeps the total row over all of them", async () => {
    const r = await t.provinceAdmin.statistics.professionalCounts.query({ asOf: "2026-06-30", page: 2, pageSize: 2 });
    expect(r).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(table(r)).toEqual(provinceJune.slice(2, 4));
    expect(r.totals).toEqual(provinceJuneTotals);
  });

  it("refuses a unit outside the caller's scope as not found, with no data", async () => {
    for (const unitId of [qingdao.data.unitId, qdMetro.data.unitId, "00000000-0000-4000-8000-000000000000"]) {
      expect(await errorCode(t.jinanAdmin.statistics.professionalCounts.query({ unitId }))).toBe("NOT_FOUND");
    }
  });

  it("refuses a 统计时间 after today or before 2000, naming the field", async () => {
    const refusal = async (asOf: string) => {
      try {
        await t.provinceAdmin.statistics.professionalCounts.query({ asOf });
        return null;
      } catch (e) {
        const data = (e as { data?: { code?: string; fieldErrors?: Record<string, string[] | string> } }).data;
        return { code: data?.code, message: String((e as Error).message) };
      }
    };
    expect(await refusal("2026-07-21")).toEqual({ code: "BAD_REQUEST", message: "统计时间不能晚于今天（2026-07-20）" });
    expect(await refusal("1999-12-31")).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("统计时间不能早于2000-01-01") });
    expect(await refusal("2026-02-30")).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("统计时间不是有效日期") });
  });
});
