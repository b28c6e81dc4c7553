import type { CountPeople, CountPeopleInput, Principal } from "@ce/contracts";
import { paginate } from "@ce/service-kit";
import { countedPeople, countGroupsAsOf, type PeopleFilter, subtreeAsOf } from "../../db/statistics.ts";
import type { ReportingDeps } from "../../deps.ts";
import { figureGroups } from "../../domain/count-people.ts";
import { asOfInstant, judgeYear, knownUnits, statisticDate, statisticYear } from "../../domain/professional-counts.ts";
import { callerScope, unitInCallerScope } from "./scope.ts";

/**
 * The people behind one figure of 专业技术人员数量查询 (issue 10 item 4), as of the end of 统计时间:
 * the row of `unitId` (`scope` UNIT) or the total row of a drill into `unitId` (SUBTREE: the
 * units of its subtree as it stood then and in the caller's subtree now, as professionalCounts
 * takes them), and the figure `measure`. `total` is that figure (domain figureGroups over the same
 * groups professionalCounts sums), the page lists those people by name with where they were and
 * that year's hours then. Raises DomainError FORBIDDEN (no unit scope), BAD_REQUEST on `asOf`
 * (after today), NOT_FOUND on `unitId` (unknown or outside the scope).
 */
export async function countPeople(deps: ReportingDeps, principal: Principal, input: CountPeopleInput): Promise<CountPeople> {
  const scope = callerScope(principal);
  const asOf = statisticDate(input.asOf, deps.now());
  const unit = await unitInCallerScope(deps, input.unitId, scope.scopePath, "unitId", "单位");
  const at = asOfInstant(asOf);
  const year = statisticYear(asOf);
  const subtree = knownUnits(await subtreeAsOf(deps.db, unit.id, scope.scopePath, at));
  const units = input.scope === "SUBTREE" ? subtree : subtree.filter((u) => u.unitId === unit.id);
  const unitIds = units.map((u) => u.unitId);
  const groups = unitIds.length > 0 ? await countGroupsAsOf(deps.db, unitIds, at, year) : [];
  const figure = figureGroups(input.measure, units, groups, deps.complianceRules, year);
  const filter: PeopleFilter = input.measure === "COMPLIANT" ? { measure: "COMPLIANT", keys: figure.keys } : { measure: input.measure };
  const byId = new Map(units.map((u) => [u.unitId, u]));
  const page = await paginate(
    input,
    async () => figure.total,
    async (window) => (figure.total === 0 ? [] : countedPeople(deps.db, { unitIds, at, year, filter }, window)),
  );
  return {
    asOf,
    year,
    unitId: unit.id,
    unitName: unit.name,
    measure: input.measure,
    scope: input.scope,
    ...page,
    items: page.items.map((p) => {
      const u = byId.get(p.unitId);
      return {
        ...p,
        unitName: u?.name ?? "",
        total: p.general + p.professional,
        compliant: judgeYear(deps.complianceRules, year, u?.region ?? null, p),
      };
    }),
  };
}
