import { DEV_PII_INDEX_KEY } from "../../src/config.ts";
import { createBlindIndexes } from "../../src/security/blind-index.ts";
import { useReporting, withAdmins } from "./boot.ts";
import { bootFed, declaration, enterpriseUnderAt, JAN, professional, professionalAt, provinceCitiesAt, transferredAt } from "./events.ts";

// "Today" is 2026-07-20 in Beijing.
export const NOW = new Date("2026-07-20T04:00:00.000Z");

export const { province, jinan, qingdao } = provinceCitiesAt(JAN);
export const jnBus = enterpriseUnderAt(JAN, jinan, "济南公交集团", { region: "370102" }); // 历下区
export const jnMetro = enterpriseUnderAt(JAN, jinan, "济南轨道交通集团", { region: "370112" }); // 历城区
export const qdMetro = enterpriseUnderAt(JAN, qingdao, "青岛地铁集团", { region: "370202" }); // 市南区

export const blindIndex = (idNumber: string) => createBlindIndexes(DEV_PII_INDEX_KEY)(idNumber)[0] as string; // RESIDENT_ID
export const masked = (idNumber: string) => `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
type Snapshot = ReturnType<typeof professional>;
/** 学历, 专业技术职务系列, 职称级别, 现专业技术职称资格 — the columns the title distributions count. */
export type Title = [
  education: Snapshot["education"],
  series: Snapshot["titleSeries"],
  level: Snapshot["titleLevel"],
  qualification: Snapshot["qualification"],
];
/** An approved person of the fixture (unless `over` says otherwise), the 证件号 kept as its blind index and mask. */
export const person = (name: string, unit: typeof jnBus, idNumber: string, registeredAt: string, title?: Title, over: Partial<Snapshot> = {}) => {
  const [education, titleSeries, titleLevel, qualification] = title ?? [];
  const titled = title ? { education, titleSeries, titleLevel, qualification } : {};
  return professional(name, unit, {
    status: "APPROVED",
    idNumberHash: blindIndex(idNumber),
    idNumberMasked: masked(idNumber),
    registeredAt,
    ...titled,
    ...over,
  });
};

// 王一 (济南公交): 2025 专业 100 (合格); 2026 专业 60 approved at 00:00 on 04-01 in Beijing and 公需 30 on the
// last millisecond of 06-30 in Beijing: 90, 2/3 professional, 合格. On 07-10 his title rises to 副高级.
export const wang1 = person("王一", jnBus, "370102198001010011", "2026-01-10T02:00:00.000Z", ["BACHELOR", "ENGINEERING", "INTERMEDIATE", "工程师"], {
  certificateNo: "GC-001",
});
export const wang1promoted = { ...wang1, titleLevel: "DEPUTY_SENIOR", qualification: "高级工程师", version: 2 };
export const w1old = declaration(wang1, 2025, "PROFESSIONAL", 100);
export const w1p = declaration(wang1, 2026, "PROFESSIONAL", 60);
export const w1g = declaration(wang1, 2026, "GENERAL", 30);
// 王二 (济南公交): 专业 60 (voided on 07-15) + 公需 30: 合格 on 06-30, 30 and 不合格 since.
export const wang2 = person("王二", jnBus, "37010219810202002X", "2026-01-10T02:00:00.000Z", ["MASTER", "ENGINEERING", "FULL_SENIOR", "高级工程师"]);
export const w2p = declaration(wang2, 2026, "PROFESSIONAL", 60);
export const w2g = declaration(wang2, 2026, "GENERAL", 30);
// 王三 (济南公交 → 青岛地铁 on 07-15, registered 2025): 专业 90 approved 05-01 in 济南公交: 合格.
export const wang3 = person("王三", jnBus, "370102199003030033", "2025-03-01T02:00:00.000Z", ["BACHELOR", "HIGHER_EDU_TEACHER", "JUNIOR", "助教"]);
export const wang3moved = { ...wang3, unitId: qdMetro.data.unitId, unitPath: qdMetro.data.path, version: 2 };
export const w3p = declaration(wang3, 2026, "PROFESSIONAL", 90);
// 张小明 (济南轨道): registered 02-01, approved 07-01 — not registered yet on 06-30; no title level.
export const zhang = person("张小明", jnMetro, "370112199504040044", "2026-02-01T02:00:00.000Z", ["ASSOCIATE", "ACCOUNTING", null, null], {
  status: "PENDING",
});
// 李四 (青岛地铁, since 2024): a pending 公需 10 and a rejected 专业 20 — nothing counts.
export const li = person("李四", qdMetro, "370202197005050055", "2024-05-01T02:00:00.000Z", ["DOCTORATE", "HIGHER_EDU_TEACHER", "DEPUTY_SENIOR", "副教授"]);
export const liPending = declaration(li, 2026, "GENERAL", 10);
export const liRejected = declaration(li, 2026, "PROFESSIONAL", 20);
// Anna Li (青岛地铁): a Latin name, for a case-insensitive search.
export const anna = person("Anna Li", qdMetro, "E12345678", "2026-03-01T02:00:00.000Z", ["BACHELOR", "ENGINEERING", "JUNIOR", "助理工程师"]);
// 赵科员 works in the 济南 bureau itself: registered, no title series, no hours.
export const zhao = person("赵科员", jinan, "370100198806060066", "2026-01-10T02:00:00.000Z", ["BACHELOR", null, null, null]);
// 钱多多 (济南公交) registered and is still waiting: in no list.
export const qian = person("钱多多", jnBus, "370102200007070077", "2026-05-01T02:00:00.000Z", undefined, { status: "PENDING" });

export const identityEvents = [
  ...[province, jinan, qingdao, jnBus, jnMetro, qdMetro],
  ...[wang1, wang2, wang3, li, anna, zhao, zhang, qian].map((p) => professionalAt("registered", p.registeredAt, p)),
  professionalAt("approved", "2026-07-01T02:00:00.000Z", { ...zhang, status: "APPROVED", version: 2 }),
  professionalAt("updated", "2026-07-10T02:00:00.000Z", wang1promoted),
  transferredAt("2026-07-15T02:00:00.000Z", wang3, wang3moved),
];
export const hoursEvents = [
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

/**
 * Reporting on a fresh database with "today" = NOW, every event above published and settled, and
 * clients of the province's and 济南市's admins.
 */
export async function bootStatistics(label: string) {
  return withAdmins(await bootFed(label, [[...identityEvents, ...hoursEvents]], { now: () => NOW }), province, jinan);
}

/** bootStatistics(label) for a whole test file (useReporting): booted in its beforeAll, cleaned up in its afterAll. */
export const useStatistics = (label: string) => useReporting(() => bootStatistics(label));

/** The names of a page of people, in its order. */
export const names = (r: { items: Array<{ name: string }> }) => r.items.map((i) => i.name);
