// The subtree rollups (migration 0012): what the live consumers leave in subtree_figures,
// subtree_title_* and subtree_approved_hours for a story with a transfer, a voided record, a title
// change and an employer moved to another city equals, for every node and day, the per-unit rollups
// summed over the node's units below it today — whatever order the events arrive in — and the
// statistics that read them answer "as of" a day before the move exactly as the per-unit sums over
// the tree as it stood then (the move corrected for: a unit moved in since taken away, one moved
// out added back).
import { addDays, endOfDay, startOfDay, unitPath } from "@ce/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvedHoursPerBucket, descendantApprovedHoursPerBucket } from "../src/db/approved-hours.ts";
import { descendantFiguresAsOf, unitFiguresAsOf } from "../src/db/professional-counts.ts";
import { descendantTitleGroups, titleGroupsAsOf } from "../src/db/title-distribution.ts";
import { subtreeAsOf } from "../src/db/unit-history.ts";
import { knownUnits, professionalCountRows } from "../src/domain/professional-counts.ts";
import { chartMonths } from "../src/domain/statistic-range.ts";
import { titleDistribution } from "../src/domain/title-distribution.ts";
import { adminClient, type ReportingSystem } from "./support/boot.ts";
import { bootFed, declaration, enterpriseUnderAt, professional, professionalAt, provinceCitiesAt, transferredAt, unitMovedAt } from "./support/events.ts";

// "Today" is 2026-07-20 in Beijing; every event at 10:00 Beijing of its day.
const NOW = new Date("2026-07-20T04:00:00.000Z");
const T = (day: string) => `${day}T02:00:00.000Z`;

const { province, jinan, qingdao } = provinceCitiesAt(T("2025-01-01"));
const jnBus = enterpriseUnderAt(T("2025-01-01"), jinan, "济南公交集团");
const jnMetro = enterpriseUnderAt(T("2025-01-01"), jinan, "济南轨道交通集团");
const qdMetro = enterpriseUnderAt(T("2025-01-01"), qingdao, "青岛地铁集团");

const approved = (name: string, unit: typeof jnBus, registeredAt: string, title: [string, string]) =>
  professional(name, unit, { status: "APPROVED", registeredAt, titleSeries: title[0], titleLevel: title[1] });
// 甲 (济南公交): 2025 专业 100; 2026 专业 60 approved 02-01, voided 06-01.
const jia = approved("甲", jnBus, T("2025-02-01"), ["ENGINEERING", "INTERMEDIATE"]);
const jia2025 = declaration(jia, 2025, "PROFESSIONAL", 100);
const jia2026 = declaration(jia, 2026, "PROFESSIONAL", 60);
// 乙 (济南轨道, which moves to 青岛 on 2026-05-15): 2026 专业 90.
const yi = approved("乙", jnMetro, T("2025-02-01"), ["ACCOUNTING", "JUNIOR"]);
const yi2026 = declaration(yi, 2026, "PROFESSIONAL", 90);
// 丙 (济南公交 → 青岛地铁 on 2026-04-01; 副高级 from 2026-05-01): 2026 公需 30.
const bing = approved("丙", jnBus, T("2025-03-01"), ["ENGINEERING", "JUNIOR"]);
const bingMoved = { ...bing, unitId: qdMetro.data.unitId, unitPath: qdMetro.data.path, version: 2 };
const bingPromoted = { ...bingMoved, titleLevel: "DEPUTY_SENIOR", version: 3 };
const bing2026 = declaration(bing, 2026, "GENERAL", 30);
// 丁 (青岛地铁): registered 2026-03-10, approved 2026-03-12.
const ding = professional("丁", qdMetro, { registeredAt: T("2026-03-10") });

const metroMoved = unitMovedAt(T("2026-05-15"), {
  unitId: jnMetro.data.unitId,
  oldSuperiorId: jinan.data.unitId,
  newSuperiorId: qingdao.data.unitId,
  oldPath: jnMetro.data.path,
  newPath: unitPath(qingdao.data.path, jnMetro.data.unitId),
  version: 2,
});
const units = [province, jinan, qingdao, jnBus, jnMetro, qdMetro];
const people = [
  professionalAt("registered", T("2025-02-01"), jia),
  professionalAt("registered", T("2025-02-01"), yi),
  professionalAt("registered", T("2025-03-01"), bing),
  transferredAt(T("2026-04-01"), bing, bingMoved),
  professionalAt("updated", T("2026-05-01"), bingPromoted),
  professionalAt("registered", T("2026-03-10"), ding),
  professionalAt("approved", T("2026-03-12"), { ...ding, status: "APPROVED", version: 2 }),
];
const hours = [
  jia2025.approved(T("2025-03-01")),
  jia2026.approved(T("2026-02-01")),
  jia2026.voided(T("2026-06-01")),
  yi2026.approved(T("2026-03-01")),
  bing2026.approved(T("2026-01-15")),
];

type Sys = ReportingSystem;
let inOrder: Sys;
let scrambled: Sys;
beforeAll(async () => {
  inOrder = await bootFed("subtreeorder", [[...units, ...people, metroMoved], hours], { now: () => NOW });

  // Hours first, newest first (units unknown yet: their rows go to the ancestors when the units
  // arrive); then the units (province last), the move before any person, the people newest first.
  // (A move before its unit's snapshot is dropped by every replica: contracts unitMoveApplies.)
  const unitsLast = [...[...units].reverse(), metroMoved, ...[...people].reverse()];
  scrambled = await bootFed("subtreescrambled", [[...hours].reverse(), unitsLast], { now: () => NOW });
}, 120_000);
afterAll(async () => {
  await inOrder?.cleanup();
  await scrambled?.cleanup();
}, 60_000);

/** Every node of the tree today, with the units strictly below it by today's paths. */
async function nodes(sys: Sys) {
  const held = await sys.app.db.$queryRaw<Array<{ id: string; path: string }>>`SELECT id::text AS id, path FROM reporting.unit_replica ORDER BY path`;
  return held.map((n) => ({ ...n, below: held.filter((u) => u.id !== n.id && u.path.startsWith(n.path)).map((u) => u.id) }));
}

const days: string[] = [];
for (let d = "2025-01-01"; d <= "2026-07-20"; d = addDays(d, 4)) days.push(d);
days.push("2025-12-31", "2026-01-01", "2026-03-31", "2026-04-01", "2026-05-14", "2026-05-15", "2026-05-31", "2026-06-01");

const normal = (groups: ReadonlyArray<{ titleSeries: string | null; titleLevel: string | null; people: number }>) =>
  groups.map((g) => `${g.titleSeries ?? "-"}/${g.titleLevel ?? "-"}: ${g.people}`).sort();
const buckets = (rows: ReadonlyArray<{ bucket: number; hours: number; records: number }>) =>
  rows
    .filter((r) => r.records !== 0 || r.hours !== 0)
    .map((r) => `${r.bucket}: ${r.hours}/${r.records}`)
    .sort();

describe.each([
  ["delivered in order", () => inOrder],
  ["delivered scrambled", () => scrambled],
])("the subtree rollups %s", (_, sys) => {
  it("hold, for every node and day, the figures of the units below it summed", async () => {
    const db = sys().app.db;
    let counted = 0;
    for (const n of await nodes(sys())) {
      for (const day of days) {
        const each = await unitFiguresAsOf(db, n.below, day);
        const sum = each.reduce(
          (a, f) => ({ registered: a.registered + f.registered, studying: a.studying + f.studying, compliant: a.compliant + f.compliant }),
          {
            registered: 0,
            studying: 0,
            compliant: 0,
          },
        );
        expect(await descendantFiguresAsOf(db, n.id, day), `${n.path} ${day}`).toEqual(sum);
        counted += sum.registered;
      }
    }
    expect(counted).toBeGreaterThan(100);
  });

  it("hold, for every node, range and day, the title groups of the units below it summed", async () => {
    const db = sys().app.db;
    let nonEmpty = 0;
    for (const n of await nodes(sys())) {
      for (const to of days.filter((_, i) => i % 3 === 0)) {
        for (const since of [null, "2025-01-01", "2025-02-02", "2026-03-01", to]) {
          if (since !== null && since > to) continue;
          const want = normal(await titleGroupsAsOf(db, n.below, since, to));
          expect(normal(await descendantTitleGroups(db, n.id, n.path, since, to)), `${n.path} ${since ?? "—"}..${to}`).toEqual(want);
          if (want.length > 0) nonEmpty++;
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(50);
  });

  it("hold, for every node and chart end, the approved hours of the units below it summed", async () => {
    const db = sys().app.db;
    const { bounds } = chartMonths("2025-01-01", "2026-07-20");
    for (const n of await nodes(sys())) {
      for (const to of ["2025-03-01", "2026-02-28", "2026-05-31", "2026-06-01", "2026-07-20"]) {
        const [since, at] = [startOfDay("2025-01-01"), endOfDay(to)];
        expect(buckets(await descendantApprovedHoursPerBucket(db, n.id, bounds, since, at)), `${n.path} ..${to}`).toEqual(
          buckets(await approvedHoursPerBucket(db, n.below, bounds, since, at)),
        );
      }
    }
  });
});

describe("the subtree rollups' rows", () => {
  it("are the same whatever order the events arrived in", async () => {
    for (const table of ["subtree_figures", "subtree_approved_hours", "subtree_title_now", "subtree_title_registered"]) {
      const rows = (sys: Sys) => sys.app.db.$queryRawUnsafe<unknown[]>(`SELECT * FROM reporting.${table} ORDER BY 1, 2, 3, 4`);
      const held = await rows(inOrder);
      expect(held.length, table).toBeGreaterThan(0);
      expect(await rows(scrambled), table).toEqual(held);
    }
  });
});

describe("statistics read from the subtree rollups", () => {
  const client = (u: typeof province) => adminClient(inOrder, u);
  const cases = [
    { who: province, root: province, day: "2026-07-20", what: "the province today" },
    { who: province, root: province, day: "2026-05-14", what: "the province before the move" },
    { who: province, root: jinan, day: "2026-05-14", what: "济南 drilled into by the province before the move (济南轨道 then under it: added back)" },
    { who: province, root: jinan, day: "2026-07-20", what: "济南 drilled into by the province today" },
    { who: qingdao, root: qingdao, day: "2026-05-14", what: "青岛 before the move (济南轨道 under it only today: taken away)" },
    { who: jinan, root: jinan, day: "2026-05-14", what: "济南 before the move, as its own admin (济南轨道 out of its scope now)" },
  ];

  it.each(cases)("answer as the per-unit sums over the tree as it stood: $what", async ({ who, root, day }) => {
    const db = inOrder.app.db;
    const c = await client(who);
    const tree = await subtreeAsOf(db, root.data.unitId, who.data.path, endOfDay(day));
    const known = knownUnits(tree).map((u) => u.unitId);
    const year = Number(day.slice(0, 4));

    const counts = await c.statistics.professionalCounts.query({ asOf: day, unitId: root.data.unitId, pageSize: 100 });
    const { total } = professionalCountRows(tree, await unitFiguresAsOf(db, known, day), inOrder.app.deps.complianceRules, year);
    expect(counts.totals).toEqual(total);
    expect(counts.items.reduce((n, r) => n + r.registered, 0)).toBe(total.registered);

    const titles = await c.statistics.titleDistribution.query({ to: day, employerId: root.data.unitId });
    expect(titles).toMatchObject(titleDistribution(await titleGroupsAsOf(db, known, null, day)));

    const chart = await c.statistics.approvedHoursByMonth.query({ from: "2025-01-01", to: day, unitId: root.data.unitId });
    const perUnit = await approvedHoursPerBucket(
      db,
      tree.map((u) => u.unitId),
      chartMonths("2025-01-01", day).bounds,
      startOfDay("2025-01-01"),
      endOfDay(day),
    );
    expect(chart.months.map((m) => [m.hours, m.records])).toEqual(
      chart.months.map((_, i) => {
        const b = perUnit.find((p) => p.bucket === i + 1);
        return [b?.hours ?? 0, b?.records ?? 0];
      }),
    );
  });
});
