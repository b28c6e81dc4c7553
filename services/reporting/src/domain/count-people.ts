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
