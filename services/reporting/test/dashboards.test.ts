// 管理看板 (issue 11 item 6) on a small hand-computed fixture driven through real NATS events:
// "today" is 2026-07-20 in Beijing (201 of 365 days gone). 济南公交 has four people: 甲 合格
// (公需 30 + 专业 60), 乙 专业 50 (90 at her pace: not at risk), 丙 公需 10 voided by a failed audit,
// 丁 nothing (both at risk). Seven decisions with known days, three rejections (one from before
// hours sent codes), two pending, and a CE base that declared three of the records. Five decisions
// name the deciding admin (李 renamed in between); two come from before hours named them.
import { randomUUID } from "node:crypto";
import type { DeclarationEvent, Subject } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { useReporting, withAdmins } from "./support/boot.ts";
import { bootFed, envelopeAt, JAN, jinanBusTree, pendingDeclaration, professional, professionalAt, unitUnderAt } from "./support/events.ts";
import { refusal } from "./support/refusal.ts";

const NOW = new Date("2026-07-20T04:00:00.000Z");
const { province, jinan, bus } = jinanBusTree(JAN);
const base = unitUnderAt(JAN, province, { name: "山东交通职业学院", kind: "TRAINING_BASE", nature: "PUBLIC_INSTITUTION", region: "370000" });

const person = (name: string) => professional(name, bus, { status: "APPROVED", registeredAt: "2026-01-10T02:00:00.000Z" });
const [jia, yi, bing, ding] = [person("甲"), person("乙"), person("丙"), person("丁")] as const;

/** The admin whose decision ended a chain, as hours' events name them. */
interface Approver {
  id: string;
  name: string;
}
const li = randomUUID();
const [liBefore, liNow] = [
  { id: li, name: "李四" },
  { id: li, name: "李审核" },
]; // renamed between two decisions
const zhang = { id: randomUUID(), name: "张审核" };
const wang = { id: randomUUID(), name: "王审核" };
const zhao = { id: randomUUID(), name: "赵审核" };

/** A declaration of `who` submitted at `submitted` (waiting first for 济南公交), declared by `by` (null: the person). */
function declared(who: typeof jia, subject: Subject, hours: number, submitted: string, by: string | null = null) {
  const data = pendingDeclaration(who, 2026, subject, hours, { currentHandlerId: bus.data.unitId, declaredByUnitId: by });
  const at = (verb: string, t: string, over: Partial<DeclarationEvent>) => envelopeAt(`ce.hours.declaration.${verb}.v1`, t, { ...data, ...over });
  return {
    submitted: at("submitted", submitted, {}),
    approved: (t: string, decidedBy: string, admin: Approver) =>
      at("approved", t, {
        status: "APPROVED",
        recognizedHours: hours,
        currentHandlerId: null,
        decidedByUnitId: decidedBy,
        decidedByAccountId: admin.id,
        decidedByName: admin.name,
        reasonCode: null,
      }),
    rejected: (t: string, decidedBy?: string, code?: DeclarationEvent["reasonCode"], admin?: Approver) =>
      at("rejected", t, {
        status: "REJECTED",
        currentHandlerId: null,
        reason: "材料不全",
        ...(decidedBy ? { decidedByUnitId: decidedBy, reasonCode: code ?? null } : {}),
        ...(admin ? { decidedByAccountId: admin.id, decidedByName: admin.name } : {}),
      }),
    auditFailed: (t: string) => at("auditFailed", t, { status: "VOIDED", recognizedHours: hours, reason: "证书不符" }),
    voided: (t: string) => at("voided", t, { status: "VOIDED", recognizedHours: hours, reason: "证书不符" }),
  };
}

const J = jinan.data.unitId;
const P = province.data.unitId;
const B = bus.data.unitId;
const dA1 = declared(jia, "GENERAL", 30, "2026-03-01T00:00:00.000Z", base.data.unitId);
const dA2 = declared(jia, "PROFESSIONAL", 60, "2026-03-01T00:00:00.000Z");
const dB = declared(yi, "PROFESSIONAL", 50, "2026-04-01T00:00:00.000Z");
const dC = declared(bing, "GENERAL", 10, "2026-05-01T00:00:00.000Z", base.data.unitId);
const dR1 = declared(ding, "PROFESSIONAL", 20, "2026-06-01T00:00:00.000Z", base.data.unitId);
const dR2 = declared(ding, "GENERAL", 10, "2026-06-01T00:00:00.000Z");
const dR3 = declared(bing, "PROFESSIONAL", 5, "2026-06-10T00:00:00.000Z");
const dP1 = declared(ding, "GENERAL", 8, "2026-07-01T00:00:00.000Z");
const dP2 = declared(yi, "GENERAL", 8, "2026-07-18T00:00:00.000Z");

const hoursEvents = [
  ...[dA1, dA2, dB, dC, dR1, dR2, dR3, dP1, dP2].map((d) => d.submitted),
  dA1.approved("2026-03-03T00:00:00.000Z", J, liBefore), // 2 days
  dA2.approved("2026-03-11T00:00:00.000Z", J, liNow), // 10
  dB.approved("2026-04-05T00:00:00.000Z", P, wang), // 4
  dC.approved("2026-05-02T00:00:00.000Z", J, zhang), // 1
  dC.auditFailed("2026-07-10T00:00:00.000Z"),
  dC.voided("2026-07-10T00:00:00.000Z"),
  dR1.rejected("2026-06-04T00:00:00.000Z", B, "MISSING_PROOF", zhao), // 3
  dR2.rejected("2026-06-11T00:00:00.000Z", B, "DUPLICATE"), // 10, from before hours named the deciding admin
  dR3.rejected("2026-06-12T00:00:00.000Z"), // 2, an event from before hours sent the deciding unit and code
];

const t = useReporting(async () => {
  const people = [jia, yi, bing, ding].map((p) => professionalAt("registered", p.registeredAt, p));
  // Hours scrambled: the outcome columns merge in any order.
  const sys = await bootFed("dashboards", [[province, jinan, bus, base, ...people, ...[...hoursEvents].reverse()]], { now: () => NOW });
  return withAdmins(sys, province, jinan);
});

describe("达标进度 (compliance by unit, year-end projection, at risk)", () => {
  it("counts 合格 today and at the current pace, and lists those who will not make it", async () => {
    const r = await t.provinceAdmin.dashboards.compliance.query({});
    expect(r).toMatchObject({ asOf: "2026-07-20", year: 2026, unitName: "山东省交通运输厅" });
    expect(r.elapsedShare).toBeCloseTo(201 / 365, 10);
    expect(r.rows).toEqual([
      { unitId: B, unitName: "济南公交集团", unitKind: "EMPLOYER", registered: 4, compliant: 1, projectedCompliant: 2, passRate: 25, projectedPassRate: 50 },
    ]);
    expect(r.totals).toEqual({ registered: 4, compliant: 1, projectedCompliant: 2, passRate: 25, projectedPassRate: 50 });
    // 丙's 公需 10 was voided by the failed audit; 丁 has nothing approved (one pending, two rejected).
    expect(r.atRisk.total).toBe(2);
    expect(r.atRisk.items.map((p) => [p.name, p.unitName, p.total, p.projectedTotal]).sort()).toEqual([
      ["丁", "济南公交集团", 0, 0],
      ["丙", "济南公交集团", 0, 0],
    ]);
  });
});

describe("审批时效 (turnaround per handler and per unit)", () => {
  it("gives median, p90 and pending over 7 days, per deciding unit and per declaring unit", async () => {
    const r = await t.provinceAdmin.dashboards.turnaround.query({});
    expect(r).toMatchObject({ from: "2026-01-01", to: "2026-07-20", pendingDays: 7 });
    const rows = (xs: typeof r.byHandler) => xs.map((x) => [x.unitName, x.decided, x.medianDays, x.p90Days, x.pendingOver]);
    expect(rows(r.byHandler)).toEqual([
      ["济南市交通运输局", 3, 2, 8.4, 0], // 1, 2, 10 days
      ["济南公交集团", 2, 6.5, 9.3, 1], // 3, 10; 丁's 07-01 record waits for it
      ["山东省交通运输厅", 1, 4, 4, 0],
      ["未记录审核单位", 1, 2, 2, 0], // the rejection from before hours named the deciding unit
    ]);
    expect(rows(r.byUnit)).toEqual([["济南公交集团", 7, 3, 10, 1]]); // 1 2 2 3 4 10 10
  });

  it("gives median and p90 per 审核人 by the name of their latest decision, those never named last as （未记录）", async () => {
    const r = await t.provinceAdmin.dashboards.turnaround.query({});
    expect(r.byApprover.map((x) => [x.accountId, x.name, x.decided, x.medianDays, x.p90Days])).toEqual([
      [li, "李审核", 2, 6, 9.2], // 2 and 10 days
      [wang.id, "王审核", 1, 4, 4],
      [zhang.id, "张审核", 1, 1, 1],
      [zhao.id, "赵审核", 1, 3, 3],
      [null, "（未记录）", 2, 6, 9.2], // 10 and 2 days: events that named no admin
    ]);
    // The same filters: June only.
    const june = await t.provinceAdmin.dashboards.turnaround.query({ from: "2026-06-01", to: "2026-06-30" });
    expect(june.byApprover.map((x) => [x.name, x.decided])).toEqual([
      ["赵审核", 1],
      ["（未记录）", 2],
    ]);
    // A city sees the decisions on its subtree's records only (here: all of them; 济南公交 is under 济南市).
    expect((await t.jinanAdmin.dashboards.turnaround.query({})).byApprover).toEqual(r.byApprover);
  });

  it("counts pending over a longer limit and decisions of a shorter period", async () => {
    const r = await t.provinceAdmin.dashboards.turnaround.query({ from: "2026-06-01", to: "2026-06-30", pendingDays: 30 });
    expect(r.byUnit.map((x) => [x.decided, x.medianDays, x.pendingOver])).toEqual([[3, 3, 0]]); // 3, 10, 2 days
  });
});

describe("驳回原因 (rejections by code)", () => {
  it("counts every code of the list and those without one", async () => {
    const r = await t.jinanAdmin.dashboards.rejectionReasons.query({});
    expect(r.total).toBe(3);
    expect(r.reasons.map((x) => [x.code, x.label, x.count])).toEqual([
      ["MISSING_PROOF", "证明材料不全或不清晰", 1],
      ["HOURS_INVALID", "申报学时不符合规定", 0],
      ["FORM_MISMATCH", "学习形式与证明材料不符", 0],
      ["DUPLICATE", "重复申报", 1],
      ["OTHER", "其他", 0],
      [null, "未记录原因代码", 1],
    ]);
  });
});

describe("继续教育基地质量 (CE bases)", () => {
  it("counts what the base declared: approved and its hours still counting, rejected, the rejection rate, failed audits", async () => {
    const r = await t.provinceAdmin.dashboards.trainingBases.query({});
    expect(r.rows).toEqual([
      {
        unitId: base.data.unitId,
        unitName: "山东交通职业学院",
        declared: 3,
        approved: 2,
        approvedHours: 30,
        rejected: 1,
        rejectionRate: 33.33,
        auditFailed: 1,
      },
    ]);
  });

  it("shows a city only the bases of its subtree (none here)", async () => {
    expect((await t.jinanAdmin.dashboards.trainingBases.query({})).rows).toEqual([]);
  });
});

describe("refusals", () => {
  it("refuses a 结束时间 after today and a 超期天数 out of range, naming the field", async () => {
    expect(await refusal(t.provinceAdmin.dashboards.rejectionReasons.query({ to: "2026-07-21" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { to: ["结束时间不能晚于今天（2026-07-20）"] },
    });
    expect(await refusal(t.provinceAdmin.dashboards.turnaround.query({ pendingDays: 0 }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { pendingDays: ["超期天数不能小于1"] },
    });
  });
});
