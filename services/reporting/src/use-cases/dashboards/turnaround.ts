import { type TurnaroundApproverRow, type TurnaroundDashboard, type TurnaroundDashboardInput, type TurnaroundRow, UNRECORDED_APPROVER } from "@ce/contracts";
import { approverTurnaround, type TurnaroundFigures, turnaround, unitNames } from "../../db/dashboards.ts";
import type { ReportingDeps } from "../../deps.ts";
import { dashboardPeriod } from "../../domain/dashboards.ts";
import { answerFinal } from "../../domain/professional-counts.ts";
import { callerScope, type PrincipalCaller } from "../statistics/scope.ts";

const DAY_MS = 86_400_000;

/**
 * 审批时效 (issue 11 item 6b) of the declarations of the caller's subtree: per handling unit (the unit
 * whose decision ended the chain), per 审核人 (the admin who made that decision, by the name their
 * latest decision carried; UNRECORDED_APPROVER for events before hours named them) and per declaring
 * unit — records decided in the period, median and 90th-percentile days from 提交 to the decision,
 * and, per unit, records pending for more than `pendingDays` days now (db turnaround says by which
 * unit; a pending record has no 审核人 yet). Ordered by most decided (审核人 not recorded last). Raises DomainError FORBIDDEN
 * (no unit scope), BAD_REQUEST on from / to (after today).
 */
export async function turnaroundDashboard(deps: ReportingDeps, { principal }: PrincipalCaller, input: TurnaroundDashboardInput): Promise<TurnaroundDashboard> {
  const { scopePath } = callerScope(principal);
  const now = deps.now();
  const period = dashboardPeriod(input, now);
  const q = { scopePath, since: period.since, until: period.until, pendingBefore: new Date(now.getTime() - input.pendingDays * DAY_MS) };
  const [byHandler, byUnit, byApprover] = await Promise.all([
    turnaround(deps.db, { ...q, by: "HANDLER" }),
    turnaround(deps.db, { ...q, by: "UNIT" }),
    approverTurnaround(deps.db, q),
  ]);
  const names = await unitNames(
    deps.db,
    [...byHandler, ...byUnit].flatMap((r) => (r.unitId ? [r.unitId] : [])),
  );
  const named = (rows: TurnaroundFigures[]): TurnaroundRow[] =>
    rows
      .map((r) => ({ ...r, unitName: r.unitId === null ? "未记录审核单位" : (names.get(r.unitId) ?? "未知单位") }))
      .sort((a, b) => b.decided - a.decided || b.pendingOver - a.pendingOver || a.unitName.localeCompare(b.unitName, "zh-CN"));
  const approvers: TurnaroundApproverRow[] = byApprover
    .map((r) => ({ ...r, name: r.accountId === null ? UNRECORDED_APPROVER : (r.name ?? UNRECORDED_APPROVER) }))
    .sort(
      (a, b) =>
        Number(a.accountId === null) - Number(b.accountId === null) ||
        b.decided - a.decided ||
        a.name.localeCompare(b.name, "zh-CN") ||
        (a.accountId ?? "").localeCompare(b.accountId ?? ""),
    );
  return {
    from: period.from,
    to: period.to,
    final: answerFinal(period.to, now),
    pendingDays: input.pendingDays,
    byHandler: named(byHandler),
    byApprover: approvers,
    byUnit: named(byUnit),
  };
}
