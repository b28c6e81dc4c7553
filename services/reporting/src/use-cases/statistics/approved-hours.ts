import { type ApprovedHoursByMonth, type ApprovedHoursByMonthInput, type Principal, startOfDay } from "@ce/contracts";
import { subtreeUnitsSql } from "../../db/unit-history.ts";
import type { ReportingDeps } from "../../deps.ts";
import { answerFinal, asOfInstant } from "../../domain/professional-counts.ts";
import { chartMonths, statisticRange, twelveMonthsBefore } from "../../domain/statistic-range.ts";
import { callerScope, unitInCallerScope } from "./scope.ts";
import { subtreeApprovedHours } from "./subtree-sums.ts";

/**
 * 审核通过学时 per month (查询统计's chart): 认定学时 approved in each Beijing month between the
 * start of 开始时间 (default: the first day of the month twelve months before 结束时间's; the first
 * month counts from that day) and the end of 结束时间 (default today)
 * in the declarations of the units of the caller's subtree — or `unitId`'s — as it stood at the
 * end of 结束时间, leaving out hours voided by then; every month of the range, zeros included.
 * Raises DomainError FORBIDDEN (no unit scope), BAD_REQUEST on `from` / `to` (after today; more
 * than MAX_CHART_MONTHS months), NOT_FOUND on `unitId` (unknown or outside the scope).
 */
export async function approvedHoursByMonth(deps: ReportingDeps, principal: Principal, input: ApprovedHoursByMonthInput): Promise<ApprovedHoursByMonth> {
  const scope = callerScope(principal);
  // One clock read per answer: `final` must describe the day the data was read for (ADR 019).
  const now = deps.now();
  const range = statisticRange(input, now);
  const from = range.from ?? twelveMonthsBefore(range.to);
  const { months, bounds } = chartMonths(from, range.to);
  const root = await unitInCallerScope(deps, input.unitId ?? scope.unitId, scope.scopePath, "unitId", "单位");
  const at = asOfInstant(range.to);
  // The whole subtree's months from the subtree rollup (subtreeApprovedHours).
  const buckets = await subtreeApprovedHours(deps, root.id, await subtreeUnitsSql(deps.db, root.id, scope.scopePath, at), bounds, startOfDay(from), at);
  const byBucket = new Map(buckets.map((b) => [b.bucket, b]));
  return {
    from,
    to: range.to,
    final: answerFinal(range.to, now),
    unitId: root.id,
    unitName: root.name,
    months: months.map((month, i) => ({ month, hours: byBucket.get(i + 1)?.hours ?? 0, records: byBucket.get(i + 1)?.records ?? 0 })),
  };
}
