import type { Principal, ProfessionalCounts, ProfessionalCountsInput } from "@ce/contracts";
import { paginate } from "@ce/service-kit";
import { type CountRowUnit, countRowUnits, unitFiguresAsOf } from "../../db/professional-counts.ts";
import { subtreeAsOf, subtreeUnitsSql } from "../../db/unit-history.ts";
import type { ReportingDeps } from "../../deps.ts";
import {
  answerFinal,
  asOfInstant,
  countRow,
  idleMayComply,
  knownUnits,
  professionalCountRows,
  statisticDate,
  statisticYear,
  totalRow,
} from "../../domain/professional-counts.ts";
import { callerScope, unitInCallerScope } from "./scope.ts";
import { subtreeFigures } from "./subtree-sums.ts";

/**
 * 专业技术人员数量查询 (guide §3.9): as of the end of 统计时间 (Beijing), per 用人单位 / 继续教育基地
 * of the unit's subtree as it stood then (the caller's own unit, or `unitId` to drill into),
 * 注册总数, 学习总数 (any approved, not voided hours of that year), 合格总数 (the yearly rule, see
 * domain countRow) and 合格率, one page of rows and the total row of all of them — from the read
 * models only, so asking twice gives the same answer. The page's rows are chosen and read in the
 * database (db countRowUnits: figures only for the page and the units that are rows only with
 * registered people); the total row is the subtree rollup's (subtreeFigures) unless 0 hours may be
 * 合格 that year (domain idleMayComply: then every unit's figures are read and summed, as
 * professionalCountRows does). Raises DomainError FORBIDDEN (no unit scope), BAD_REQUEST on `asOf`
 * (a day after today), NOT_FOUND on `unitId` (unknown or outside the caller's scope: nothing about
 * it is answered).
 */
export async function professionalCounts(deps: ReportingDeps, principal: Principal, input: ProfessionalCountsInput): Promise<ProfessionalCounts> {
  const scope = callerScope(principal);
  // One clock read per answer: `final` must describe the day the data was read for (ADR 019).
  const now = deps.now();
  const asOf = statisticDate(input.asOf, now);
  const root = await unitInCallerScope(deps, input.unitId ?? scope.unitId, scope.scopePath, "unitId", "单位");
  const year = statisticYear(asOf);
  const at = asOfInstant(asOf);
  const head = { asOf, final: answerFinal(asOf, now), year, unitId: root.id, unitName: root.name };

  if (idleMayComply(deps.complianceRules, year)) {
    const known = knownUnits(await subtreeAsOf(deps.db, root.id, scope.scopePath, at));
    const figures =
      known.length > 0
        ? await unitFiguresAsOf(
            deps.db,
            known.map((u) => u.unitId),
            asOf,
          )
        : [];
    const { rows, total } = professionalCountRows(known, figures, deps.complianceRules, year);
    const page = await paginate(
      input,
      async () => rows.length,
      async ({ limit, offset }) => rows.slice(offset, offset + limit),
    );
    return { ...head, ...page, totals: total };
  }

  const units = await subtreeUnitsSql(deps.db, root.id, scope.scopePath, at);
  // One query answers a window and the rows' count: the count is the first window's (paginate asks for both at once).
  let firstWindow: (answer: Promise<{ total: number; rows: CountRowUnit[] }>) => void = () => {};
  const first = new Promise<{ total: number; rows: CountRowUnit[] }>((resolve) => {
    firstWindow = resolve;
  });
  const window = (w: { limit: number; offset: number }) => {
    const answer = countRowUnits(deps.db, units, asOf, w);
    firstWindow(answer);
    return answer;
  };
  const [page, total] = await Promise.all([
    paginate(
      input,
      async () => (await first).total,
      async (w) => (await window(w)).rows.map((u) => countRow(u, u, deps.complianceRules, year)),
    ),
    subtreeFigures(deps, root.id, units, asOf),
  ]);
  return { ...head, ...page, totals: totalRow(total) };
}
