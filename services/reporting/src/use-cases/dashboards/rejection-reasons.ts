import type { DashboardPeriod, RejectionReasons } from "@ce/contracts";
import { rejectionCounts } from "../../db/dashboards.ts";
import type { ReportingDeps } from "../../deps.ts";
import { dashboardPeriod, rejectionReasonRows } from "../../domain/dashboards.ts";
import { answerFinal } from "../../domain/professional-counts.ts";
import { callerScope, type PrincipalCaller } from "../statistics/scope.ts";

/**
 * 驳回原因 (issue 11 item 6c): the rejections of the caller's subtree's declarations in the period,
 * counted by 驳回原因's code (hours sends the code with each rejection; older events carry only
 * the text and are counted as 未记录原因代码). Raises DomainError FORBIDDEN, BAD_REQUEST on from / to.
 */
export async function rejectionReasons(deps: ReportingDeps, { principal }: PrincipalCaller, input: DashboardPeriod): Promise<RejectionReasons> {
  const { scopePath } = callerScope(principal);
  // One clock read per answer: `final` must describe the day the data was read for (ADR 019).
  const now = deps.now();
  const period = dashboardPeriod(input, now);
  const reasons = rejectionReasonRows(await rejectionCounts(deps.db, { scopePath, since: period.since, until: period.until }));
  return { from: period.from, to: period.to, final: answerFinal(period.to, now), total: reasons.reduce((n, r) => n + r.count, 0), reasons };
}
