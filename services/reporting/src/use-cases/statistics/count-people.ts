import type { CountPeople, CountPeopleInput, Principal, StatisticMeasure } from "@ce/contracts";
import { paginate } from "@ce/service-kit";
import { countedPeople, countGroupsAsOf, type PeopleFilter, type PersonNow, peopleChangedAfter, peopleNowByName } from "../../db/counted-people.ts";
import { unitFiguresAsOf } from "../../db/professional-counts.ts";
import { subtreeAsOf, subtreeUnitsSql } from "../../db/unit-history.ts";
import type { ReportingDeps } from "../../deps.ts";
import { figureGroups, pageOfMatches } from "../../domain/count-people.ts";
import { answerFinal, asOfInstant, idleMayComply, judgeYear, knownUnits, statisticDate, statisticYear } from "../../domain/professional-counts.ts";
import { callerScope, unitInCallerScope } from "./scope.ts";
import { subtreeFigures } from "./subtree-sums.ts";

/**
 * The people behind one figure of 专业技术人员数量查询 (issue 10 item 4), as of the end of 统计时间:
 * the row of `unitId` (`scope` UNIT) or the total row of a drill into `unitId` (SUBTREE: the
 * units of its subtree as it stood then and in the caller's subtree now, as professionalCounts
 * takes them), and the figure `measure`. `total` is that figure, the page lists those people by
 * name with where they were and that year's hours then. For a day after which no unit and no person
 * changed (today) and under rules no one meets with 0 hours (idleMayComply), the figure is the
 * rollup's (unit_figures, or the subtree rollup) and the page walks the people in name order a
 * window at a time, judging each, until it is full — instead of every person's hours of the year.
 * Raises DomainError FORBIDDEN (no unit scope), BAD_REQUEST on `asOf` (after today), NOT_FOUND on
 * `unitId` (unknown or outside the scope).
 */
export async function countPeople(deps: ReportingDeps, principal: Principal, input: CountPeopleInput): Promise<CountPeople> {
  const scope = callerScope(principal);
  // One clock read per answer: `final` must describe the day the data was read for (ADR 019).
  const now = deps.now();
  const asOf = statisticDate(input.asOf, now);
  const unit = await unitInCallerScope(deps, input.unitId, scope.scopePath, "unitId", "单位");
  const at = asOfInstant(asOf);
  const year = statisticYear(asOf);
  const head = { asOf, final: answerFinal(asOf, now), year, unitId: unit.id, unitName: unit.name, measure: input.measure, scope: input.scope };
  const units = await subtreeUnitsSql(deps.db, unit.id, scope.scopePath, at);
  if (units.today && !idleMayComply(deps.complianceRules, year) && !(await peopleChangedAfter(deps.db, at))) {
    const figures = input.scope === "SUBTREE" ? await subtreeFigures(deps, unit.id, units, asOf) : (await unitFiguresAsOf(deps.db, [unit.id], asOf))[0];
    const total = figures === undefined ? 0 : { REGISTERED: figures.registered, STUDYING: figures.studying, COMPLIANT: figures.compliant }[input.measure];
    const of = input.scope === "SUBTREE" ? { path: unit.path } : { unitId: unit.id };
    const counts = (p: PersonNow) => counted(input.measure, p, judgeYear(deps.complianceRules, year, p.region, p));
    const page = await paginate(
      input,
      async () => total,
      async (w) => (total === 0 ? [] : pageOfMatches((window) => peopleNowByName(deps.db, of, at, year, window), counts, w)),
    );
    return {
      ...head,
      ...page,
      items: page.items.map(({ region, ...p }) => ({ ...p, total: p.general + p.professional, compliant: judgeYear(deps.complianceRules, year, region, p) })),
    };
  }

  const subtree = knownUnits(await subtreeAsOf(deps.db, unit.id, scope.scopePath, at));
  const chosen = input.scope === "SUBTREE" ? subtree : subtree.filter((u) => u.unitId === unit.id);
  const unitIds = chosen.map((u) => u.unitId);
  const groups = unitIds.length > 0 ? await countGroupsAsOf(deps.db, unitIds, at, year) : [];
  const figure = figureGroups(input.measure, chosen, groups, deps.complianceRules, year);
  const filter: PeopleFilter = input.measure === "COMPLIANT" ? { measure: "COMPLIANT", keys: figure.keys } : { measure: input.measure };
  const byId = new Map(chosen.map((u) => [u.unitId, u]));
  const page = await paginate(
    input,
    async () => figure.total,
    async (window) => (figure.total === 0 ? [] : countedPeople(deps.db, { unitIds, at, year, filter }, window)),
  );
  return {
    ...head,
    ...page,
    items: page.items.map((p) => {
      const u = byId.get(p.unitId);
      return { ...p, unitName: u?.name ?? "", total: p.general + p.professional, compliant: judgeYear(deps.complianceRules, year, u?.region ?? null, p) };
    }),
  };
}

/** Whether a person is behind the figure `measure`: everyone registered, those with counted hours, or those 合格 (`compliant`). */
const counted = (measure: StatisticMeasure, p: { studying: boolean }, compliant: boolean) =>
  measure === "REGISTERED" || (measure === "STUDYING" ? p.studying : compliant);
