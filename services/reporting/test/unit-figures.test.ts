// The rollup unit_figures (migration 0005): what the live consumers leave in it for a small story —
// registration, approvals, a voiding, a transfer, hours of two years — is exactly one row per unit
// and Beijing day on which a figure changed, whatever order the events arrive in (hours before
// the person, a duplicate, a late approval), and it answers each 统计时间 as the facts do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootReporting, type ReportingSystem } from "./support/boot.ts";
import { bootFed, declaration, professional, professionalAt, publishSettled, settled, transferredAt, unitCreatedAt, unitUnderAt } from "./support/events.ts";

const T = (day: string) => `${day}T02:00:00.000Z`; // 10:00 in Beijing
const province = unitCreatedAt(T("2024-01-01"), { name: "山东省交通运输厅", region: "370000" });
const employer = (name: string) => unitUnderAt(T("2024-01-01"), province, { name, kind: "EMPLOYER", nature: "ENTERPRISE", region: "370100" });
const bus = employer("济南公交集团");
const metro = employer("济南轨道交通集团");

// 王一 registers on 2025-01-05, is approved on 2025-01-10, moves to 济南轨道 on 2026-05-01.
const wang = professional("王一", bus, { status: "PENDING" });
const wangApproved = { ...wang, status: "APPROVED" as const, version: 2 };
const wangMoved = { ...wangApproved, unitId: metro.data.unitId, unitPath: metro.data.path, version: 3 };
// 2025: 专业 100 approved 03-01 (合格). 2026: 专业 60 on 02-01, 公需 30 on 03-01 (合格), the 60 voided on 06-01.
const y2025 = declaration(wang, 2025, "PROFESSIONAL", 100);
const p2026 = declaration(wang, 2026, "PROFESSIONAL", 60);
const g2026 = declaration(wang, 2026, "GENERAL", 30);
// 李二 (济南公交), approved 2026-02-01, no hours.
const li = professional("李二", bus, { status: "APPROVED" });

const identity = [
  province,
  bus,
  metro,
  professionalAt("registered", T("2025-01-05"), wang),
  professionalAt("approved", T("2025-01-10"), wangApproved),
  professionalAt("registered", T("2026-02-01"), li),
  transferredAt(T("2026-05-01"), wangApproved, wangMoved),
];
const hours = [
  y2025.approved(T("2025-03-01")),
  p2026.submitted(T("2026-01-20")),
  p2026.approved(T("2026-02-01")),
  g2026.approved(T("2026-03-01")),
  p2026.auditFailed(T("2026-06-01")),
  p2026.voided(T("2026-06-01")),
];

type Sys = ReportingSystem;
const rows = async (sys: Sys) =>
  (
    await sys.app.db.$queryRaw<Array<{ unit: string; day: Date; registered: number; studying: number; compliant: number }>>`
      SELECT u.name AS unit, f.day, f.registered, f.studying, f.compliant
      FROM reporting.unit_figures f JOIN reporting.unit_replica u ON u.id = f.unit_id ORDER BY u.name, f.day`
  ).map((r) => `${r.unit} ${r.day.toISOString().slice(0, 10)} ${r.registered}/${r.studying}/${r.compliant}`);

// One row per unit and day a figure changed: 注册/学习/合格 as of the end of that day (学习 and 合格 of its year).
const expected = [
  "济南公交集团 2025-01-10 1/0/0",
  "济南公交集团 2025-03-01 1/1/1",
  "济南公交集团 2026-02-01 2/1/0", // 2026 starts with nothing learnt; 李二 arrives; 王一's 60 count
  "济南公交集团 2026-03-01 2/1/1",
  "济南公交集团 2026-05-01 1/0/0", // 王一 leaves with his hours
  "济南轨道交通集团 2026-05-01 1/1/1",
  "济南轨道交通集团 2026-06-01 1/1/0",
];

let inOrder: Sys;
let scrambled: Sys;
beforeAll(async () => {
  inOrder = await bootFed("figuresorder", [identity, hours]);

  // Hours first (the person unknown yet), newest first, one twice; then identity, the transfer before the approval.
  scrambled = await bootReporting("figuresscrambled");
  for (const e of [...hours].reverse()) await scrambled.hours.publish(e);
  await scrambled.hours.publish(hours[2]!, `${hours[2]!.id}-again`);
  await settled(scrambled);
  await publishSettled(scrambled, [identity[0]!, identity[1]!, identity[2]!, identity[6]!, identity[5]!, identity[3]!, identity[4]!]);
}, 120_000);
afterAll(async () => {
  await inOrder?.cleanup();
  await scrambled?.cleanup();
}, 60_000);

describe("unit_figures", () => {
  it("holds one row per unit and day on which a figure changed, as of the end of that day", async () => {
    expect(await rows(inOrder)).toEqual(expected);
  });

  it("ends in the same rows whatever order the events arrived in, duplicates included", async () => {
    expect(await rows(scrambled)).toEqual(expected);
  });
});
