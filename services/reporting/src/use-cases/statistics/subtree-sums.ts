import { approvedHoursPerBucket, descendantApprovedHoursPerBucket, type HoursBucket } from "../../db/approved-hours.ts";
import { descendantFiguresAsOf, unitFiguresAsOf } from "../../db/professional-counts.ts";
import { descendantTitleGroups, titleGroupsAsOf } from "../../db/title-distribution.ts";
import { type SubtreeUnits, subtreeCorrection } from "../../db/unit-history.ts";
import type { ReportingDeps } from "../../deps.ts";
import type { TitleGroup } from "../../domain/title-distribution.ts";
import type { UnitFigures } from "../../domain/unit-figures.ts";

/** The units a subtree statistic counts: the subtree as it stood then in the caller's scope (db subtreeUnitsSql), of known kind only or all. */
export interface Counted {
  units: SubtreeUnits;
  known: boolean;
}

/**
 * A whole subtree's sum of a per-unit rollup, read from its subtree rollup (migration 0012, domain
 * subtree-rollups.ts): the root's own rows, its node rows (the units below it by today's paths), and
 * — when the units the statistic counts differ from today's subtree — the per-unit rows of the
 * difference added or taken away (db subtreeCorrection; usually none). `perUnit` reads the per-unit
 * rollup of some units, `descendants` the node rows; `sum` adds parts with a sign.
 */
async function subtreeSum<T>(
  deps: ReportingDeps,
  rootId: string,
  counted: Counted,
  read: { perUnit: (unitIds: readonly string[]) => Promise<T>; descendants: () => Promise<T>; sum: (parts: ReadonlyArray<[1 | -1, T]>) => T },
): Promise<T> {
  const [{ add, remove }, below, own] = await Promise.all([
    subtreeCorrection(deps.db, rootId, counted.units, counted.known),
    read.descendants(),
    read.perUnit([rootId]),
  ]);
  const parts: Array<[1 | -1, T]> = [
    [1, below],
    [1, own],
  ];
  if (add.length > 0) parts.push([1, await read.perUnit(add)]);
  if (remove.length > 0) parts.push([-1, await read.perUnit(remove)]);
  return read.sum(parts);
}

type Figures = Omit<UnitFigures, "unitId">;

/** 注册 / 学习 / 合格 (among the learners) of the known units of `units` (a subtreeUnitsSql of `rootId`) as of the end of Beijing day `day`. */
export function subtreeFigures(deps: ReportingDeps, rootId: string, units: SubtreeUnits, day: string): Promise<Figures> {
  return subtreeSum<Figures>(
    deps,
    rootId,
    { units, known: true },
    {
      perUnit: async (ids) => sumFigures((await unitFiguresAsOf(deps.db, ids, day)).map((f) => [1, f])),
      descendants: () => descendantFiguresAsOf(deps.db, rootId, day),
      sum: sumFigures,
    },
  );
}

function sumFigures(parts: ReadonlyArray<readonly [1 | -1, Figures]>): Figures {
  const out = { registered: 0, studying: 0, compliant: 0 };
  for (const [sign, f] of parts) {
    out.registered += sign * f.registered;
    out.studying += sign * f.studying;
    out.compliant += sign * f.compliant;
  }
  return out;
}

/** 职称系列分布情况's groups (titleGroupsAsOf) of the known units of `units` (a subtreeUnitsSql of `root`). */
export function subtreeTitleGroups(
  deps: ReportingDeps,
  root: { id: string; path: string },
  units: SubtreeUnits,
  sinceDay: string | null,
  toDay: string,
): Promise<TitleGroup[]> {
  return subtreeSum<TitleGroup[]>(
    deps,
    root.id,
    { units, known: true },
    {
      perUnit: (ids) => titleGroupsAsOf(deps.db, ids, sinceDay, toDay),
      descendants: () => descendantTitleGroups(deps.db, root.id, root.path, sinceDay, toDay),
      sum: (parts) =>
        sumByKey(
          parts,
          (g) => `${g.titleSeries ?? ""}|${g.titleLevel ?? ""}`,
          (g, n) => ({ ...g, people: n.people }),
          ["people"],
        ),
    },
  );
}

/** 审核通过学时 per month's buckets (approvedHoursPerBucket) of all units of `units` (a subtreeUnitsSql of `rootId`). */
export function subtreeApprovedHours(
  deps: ReportingDeps,
  rootId: string,
  units: SubtreeUnits,
  bounds: readonly Date[],
  since: Date,
  at: Date,
): Promise<HoursBucket[]> {
  return subtreeSum<HoursBucket[]>(
    deps,
    rootId,
    { units, known: false },
    {
      perUnit: (ids) => approvedHoursPerBucket(deps.db, ids, bounds, since, at),
      descendants: () => descendantApprovedHoursPerBucket(deps.db, rootId, bounds, since, at),
      sum: (parts) =>
        sumByKey(
          parts,
          (b) => String(b.bucket),
          (b, n) => ({ ...b, hours: n.hours, records: n.records }),
          ["hours", "records"],
        ),
    },
  );
}

/** Rows of the parts summed by key (each numeric field times its part's sign); rows summing to 0 in every field left out. */
function sumByKey<T, F extends keyof T & string>(
  parts: ReadonlyArray<readonly [1 | -1, readonly T[]]>,
  keyOf: (row: T) => string,
  withFields: (row: T, fields: Record<F, number>) => T,
  fields: readonly F[],
): T[] {
  const out = new Map<string, { row: T; sums: Record<F, number> }>();
  for (const [sign, rows] of parts)
    for (const row of rows) {
      const k = keyOf(row);
      const held = out.get(k) ?? { row, sums: Object.fromEntries(fields.map((f) => [f, 0])) as Record<F, number> };
      for (const f of fields) held.sums[f] += sign * (row[f] as number);
      out.set(k, held);
    }
  return [...out.values()].filter(({ sums }) => fields.some((f) => sums[f] !== 0)).map(({ row, sums }) => withFields(row, sums));
}
