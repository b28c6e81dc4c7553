// The rollup of 职称系列分布情况 (title_figures / title_figures_now, migration 0008) answers exactly
// what the history query answers — people registered between 开始时间 and 结束时间 and 审核通过 at
// its end, by unit and title then — on the hand-computed statistics fixture for every range, and
// on random histories (fast-check) delivered through the live consumer, in order or scrambled.
import { addDays, calendarDate, endOfDay, type ProfessionalSnapshot, startOfDay, titleLevels } from "@ce/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { titleGroupsAsOf, titleGroupsFromHistory } from "../src/db/title-distribution.ts";
import { subtreeAsOf } from "../src/db/unit-history.ts";
import { professional, professionalAt, publishSettled, transferredAt, unitUnderAt } from "./support/events.ts";
import { NOW, province, useStatistics } from "./support/statistics-fixture.ts";

const t = useStatistics("titlefigures");

type Group = { titleSeries: string | null; titleLevel: string | null; people: number };
const normal = (groups: readonly Group[]) =>
  groups
    .filter((g) => g.people !== 0)
    .map((g) => `${g.titleSeries ?? "-"}/${g.titleLevel ?? "-"}: ${g.people}`)
    .sort();

/** Both answers for the units, from `from` (or none) to `to` (Beijing days). */
async function both(unitIds: readonly string[], from: string | null, to: string) {
  const db = t.sys.app.db;
  return {
    rollup: normal(await titleGroupsAsOf(db, unitIds, from, to)),
    history: normal(await titleGroupsFromHistory(db, unitIds, from === null ? null : startOfDay(from), endOfDay(to))),
  };
}

describe("title_figures on the statistics fixture", () => {
  it("equals the history query for every 结束时间 from 2024 to today, with and without 开始时间", async () => {
    const today = calendarDate(NOW);
    const ends: string[] = [];
    for (let d = "2023-12-25"; d <= today; d = addDays(d, 3)) ends.push(d);
    ends.push("2026-06-30", "2026-07-01", "2026-07-09", "2026-07-10", today);
    let nonEmpty = 0;
    for (const to of ends) {
      const units = (await subtreeAsOf(t.sys.app.db, province.data.unitId, province.data.path, endOfDay(to))).map((u) => u.unitId);
      for (const from of [null, "2024-01-01", "2025-06-01", "2026-01-01", "2026-06-30", to]) {
        if (from !== null && from > to) continue;
        const r = await both(units, from, to);
        expect(r.rollup, `${from ?? "—"} .. ${to}`).toEqual(r.history);
        if (r.history.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(100);
  });
});

// Random histories: a few people in three employers of their own, each a chain of snapshots
// (registered, approved, rejected, updated with another title, transferred) at random instants —
// quarter hours, so Beijing midnights are hit — with a registration instant that may even lie
// after their first event.
const BASE = Date.parse("2025-01-01T00:00:00.000Z");
const QUARTER = 15 * 60_000;
const instant = fc.integer({ min: 0, max: 4 * 24 * 550 }).map((q) => new Date(BASE + q * QUARTER).toISOString());
const step = fc.record({
  kind: fc.constantFrom("approved", "rejected", "updated", "transferred"),
  at: instant,
  unit: fc.integer({ min: 0, max: 2 }),
  series: fc.constantFrom("ENGINEERING", "ACCOUNTING", null),
  level: fc.constantFrom(...titleLevels.map((l) => l.code), null),
});
const personArb = fc.record({ registeredAt: instant, first: instant, unit: fc.integer({ min: 0, max: 2 }), steps: fc.array(step, { maxLength: 5 }) });
const storyArb = fc.record({
  people: fc.array(personArb, { minLength: 1, maxLength: 5 }),
  scramble: fc.boolean(),
  ranges: fc.array(fc.record({ from: fc.option(instant, { nil: null }), to: instant }), { minLength: 4, maxLength: 8 }),
});

let story = 0;
describe("title_figures on random histories", () => {
  it("equals the history query for random ranges, whatever order the events came in", async () => {
    await fc.assert(
      fc.asyncProperty(storyArb, async ({ people, scramble, ranges }) => {
        story++;
        const units = [0, 1, 2].map((i) =>
          unitUnderAt("2024-06-01T00:00:00.000Z", province, { name: `随机单位${story}-${i}`, kind: "EMPLOYER", nature: "ENTERPRISE", region: "370100" }),
        );
        await publishSettled(t.sys, units);
        const events: Array<ReturnType<typeof professionalAt> | ReturnType<typeof transferredAt>> = [];
        for (const [i, p] of people.entries()) {
          const unit = units[p.unit]!;
          let s: ProfessionalSnapshot = professional(`随机${story}-${i}`, unit, { registeredAt: p.registeredAt, status: "PENDING" });
          events.push(professionalAt("registered", p.first, s));
          const steps = [...p.steps].sort((a, b) => (a.at < b.at ? -1 : 1)).filter((x) => x.at > p.first);
          for (const x of steps) {
            const to = units[x.unit]!;
            const next: ProfessionalSnapshot = {
              ...s,
              version: s.version + 1,
              status: x.kind === "rejected" ? "REJECTED" : x.kind === "updated" ? s.status : "APPROVED",
              titleSeries: x.kind === "updated" ? x.series : s.titleSeries,
              titleLevel: x.kind === "updated" ? x.level : s.titleLevel,
              ...(x.kind === "transferred" ? { unitId: to.data.unitId, unitPath: to.data.path } : {}),
            };
            events.push(x.kind === "transferred" ? transferredAt(x.at, s, next) : professionalAt(x.kind, x.at, next));
            s = next;
          }
        }
        await publishSettled(t.sys, scramble ? [...events].reverse() : events);
        const unitIds = units.map((u) => u.data.unitId);
        for (const r of ranges) {
          const to = calendarDate(new Date(r.to));
          const from = r.from === null ? null : calendarDate(new Date(r.from));
          if (from !== null && from > to) continue;
          const answer = await both(unitIds, from, to);
          expect(answer.rollup, `${from ?? "—"} .. ${to}`).toEqual(answer.history);
        }
      }),
      { numRuns: 25 },
    );
    expect(story).toBeGreaterThanOrEqual(25);
  }, 240_000);
});
