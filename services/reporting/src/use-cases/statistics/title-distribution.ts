import { type Principal, regionPrefix, type TitleDistribution, type TitleDistributionInput } from "@ce/contracts";
import { titleGroupsAsOf } from "../../db/title-distribution.ts";
import { subtreeAsOf, subtreeUnitsSql } from "../../db/unit-history.ts";
import type { ReportingDeps } from "../../deps.ts";
import { answerFinal, asOfInstant, knownUnits } from "../../domain/professional-counts.ts";
import { statisticRange } from "../../domain/statistic-range.ts";
import { titleDistribution as distribution } from "../../domain/title-distribution.ts";
import { callerScope, unitInCallerScope } from "./scope.ts";
import { subtreeTitleGroups } from "./subtree-sums.ts";

/**
 * 职称系列分布情况 (guide §3.9): the professionals registered between 开始时间 (start of that
 * Beijing day; none: no lower bound) and the end of 结束时间 (default today) who were registered
 * (审核通过) at the end of 结束时间, in the units of the caller's subtree — or the 用人单位
 * `employerId`'s — as it stood then, optionally only units whose 地区 lay under `region` then;
 * counted by the title series and level they held then (read from the rollup title_figures:
 * db titleGroupsAsOf — without 地区, the whole subtree's from the subtree rollups, subtreeTitleGroups;
 * domain titleDistribution: every series,
 * 初级 / 中级 / 高级 / 无, 人数, 合计). Raises DomainError FORBIDDEN (no unit scope), BAD_REQUEST on
 * `from` / `to` (after today), NOT_FOUND on `employerId` (unknown or outside the scope).
 */
export async function titleDistribution(deps: ReportingDeps, principal: Principal, input: TitleDistributionInput): Promise<TitleDistribution> {
  const scope = callerScope(principal);
  // One clock read per answer: `final` must describe the day the data was read for (ADR 019).
  const now = deps.now();
  const range = statisticRange(input, now);
  const root = await unitInCallerScope(deps, input.employerId ?? scope.unitId, scope.scopePath, "employerId", "用人单位");
  const at = asOfInstant(range.to);
  const prefix = input.region ? regionPrefix(input.region) : null;
  const groups =
    prefix === null
      ? await subtreeTitleGroups(deps, root, await subtreeUnitsSql(deps.db, root.id, scope.scopePath, at), range.from, range.to)
      : await inRegion(deps, root.id, scope.scopePath, at, prefix, range);
  return { from: range.from, to: range.to, final: answerFinal(range.to, now), unitId: root.id, unitName: root.name, ...distribution(groups) };
}

/** The groups of the subtree's units whose 地区 then lay under `prefix`, per unit (the subtree rollups know no regions). */
async function inRegion(deps: ReportingDeps, rootId: string, scopePath: string, at: Date, prefix: string, range: { from: string | null; to: string }) {
  const units = knownUnits(await subtreeAsOf(deps.db, rootId, scopePath, at)).filter((u) => (u.region ?? "").startsWith(prefix));
  return units.length > 0
    ? titleGroupsAsOf(
        deps.db,
        units.map((u) => u.unitId),
        range.from,
        range.to,
      )
    : [];
}
