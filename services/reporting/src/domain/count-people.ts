import type { ScopedComplianceRule, StatisticMeasure } from "@ce/contracts";
import { type CountGroup, judgeYear, type UnitAsOf } from "./professional-counts.ts";

/** A (unit, 公需, 专业) combination of people behind a figure: the page query selects people by it. */
export interface GroupKey {
  unitId: string;
  general: number;
  professional: number;
}

/**
 * Which groups of people (countGroupsAsOf) one figure of 专业技术人员数量查询 counts, and their
 * number — the figure itself: REGISTERED every group, STUDYING those with counted hours, COMPLIANT
 * those whose hours meet the year's rule for their unit's region (judgeYear, as
 * professionalCountRows counts 合格总数). Groups of units not in `units` are left out, as there.
 */
export function figureGroups(
  measure: StatisticMeasure,
  units: readonly UnitAsOf[],
  groups: readonly CountGroup[],
  rules: readonly ScopedComplianceRule[],
  year: number,
): { keys: GroupKey[]; total: number } {
  const regions = new Map(units.map((u) => [u.unitId, u.region]));
  const chosen = groups.filter((g) => {
    if (!regions.has(g.unitId)) return false;
    if (measure === "STUDYING") return g.studying;
    if (measure === "COMPLIANT") return judgeYear(rules, year, regions.get(g.unitId) ?? null, g);
    return true;
  });
  return {
    keys: chosen.map(({ unitId, general, professional }) => ({ unitId, general, professional })),
    total: chosen.reduce((n, g) => n + g.people, 0),
  };
}

/**
 * One page of the rows `matches` keeps — the `limit` from the `offset`-th on — reading `read` in its
 * order a window at a time: `firstWindow` rows, then twice as many each time (a rare figure, 合格
 * where few are, costs a few reads, not one per window), until the page is full or the rows run out.
 */
export async function pageOfMatches<T>(
  read: (window: { limit: number; offset: number }) => Promise<T[]>,
  matches: (row: T) => boolean,
  { limit, offset }: { limit: number; offset: number },
  firstWindow = 100,
): Promise<T[]> {
  const out: T[] = [];
  let skipped = 0;
  for (let from = 0, size = firstWindow; out.length < limit; from += size, size *= 2) {
    const rows = await read({ limit: size, offset: from });
    for (const row of rows) {
      if (!matches(row)) continue;
      if (skipped < offset) skipped++;
      else if (out.length < limit) out.push(row);
    }
    if (rows.length < size) break;
  }
  return out;
}
