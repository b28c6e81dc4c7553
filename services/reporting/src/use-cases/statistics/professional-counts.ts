import type { Principal, ProfessionalCounts, ProfessionalCountsInput } from "@ce/contracts";
import { paginate } from "@ce/service-kit";
import { countGroupsAsOf, subtreeAsOf } from "../../db/statistics.ts";
import type { ReportingDeps } from "../../deps.ts";
import { asOfInstant, professionalCountRows, statisticDate, statisticYear } from "../../domain/professional-counts.ts";
import { callerScope, unitInCallerScope } from "./scope.ts";

/**
 * 专业技术人员数量查询 (guide §3.9): as of the end of 统计时间 (Beijing), per 用人单位 / 继续教育基地
 * of the unit's subtree as it stood then (the caller's own unit, or `unitId` to drill into),
 * 注册总数, 学习总数 (any approved, not voided hours of that year), 合格总数 (the yearly rule, see
 * professionalCountRows) and 合格率, one page of rows and the total row of all of them — from
 * the read models only, so asking twice gives the same answer. Raises DomainError FORBIDDEN (no
 * unit scope), BAD_REQUEST on `asOf` (a day after today), NOT_FOUND on `unitId` (unknown or
 * outside the caller's scope: nothing about it is answered).
 */
export async function professionalCounts(deps: ReportingDeps, principal: Principal, input: ProfessionalCountsInput): Promise<ProfessionalCounts> {
  const scope = callerScope(principal);
  const asOf = statisticDate(input.asOf, deps.now());
  const root = await unitInCallerScope(deps, input.unitId ?? scope.unitId, scope.scopePath, "unitId", "单位");
  const at = asOfInstant(asOf);
  const year = statisticYear(asOf);
  const units = await subtreeAsOf(deps.db, root.id, scope.scopePath, at);
  const groups =
    units.length > 0
      ? await countGroupsAsOf(
          deps.db,
          units.map((u) => u.unitId),
          at,
          year,
        )
      : [];
  const { rows, total } = professionalCountRows(units, groups, deps.complianceRules, year);
  // Every row is computed for the total row anyway; the page is a window on them.
  const page = await paginate(
    input,
    async () => rows.length,
    async ({ limit, offset }) => rows.slice(offset, offset + limit),
  );
  return { asOf, year, unitId: root.id, unitName: root.name, ...page, totals: total };
}
