import type { DashboardPeriod, TrainingBaseQuality } from "@ce/contracts";
import { trainingBaseFigures } from "../../db/dashboards.ts";
import type { ReportingDeps } from "../../deps.ts";
import { dashboardPeriod, rate } from "../../domain/dashboards.ts";
import { answerFinal } from "../../domain/professional-counts.ts";
import { callerScope, type PrincipalCaller } from "../statistics/scope.ts";

/**
 * 继续教育基地质量 (issue 11 item 6d): per CE base of the caller's subtree, the 学时申报 it made for
 * people (submitted in the period): how many, approved and their 认定学时 still counting, rejected
 * and the rejection rate among those decided, and failed 成果备案. Raises DomainError FORBIDDEN,
 * BAD_REQUEST on from / to.
 */
export async function trainingBaseQuality(deps: ReportingDeps, { principal }: PrincipalCaller, input: DashboardPeriod): Promise<TrainingBaseQuality> {
  const { scopePath } = callerScope(principal);
  // One clock read per answer: `final` must describe the day the data was read for (ADR 019).
  const now = deps.now();
  const period = dashboardPeriod(input, now);
  const rows = await trainingBaseFigures(deps.db, { scopePath, since: period.since, until: period.until });
  return {
    from: period.from,
    to: period.to,
    final: answerFinal(period.to, now),
    rows: rows.map((r) => ({ ...r, rejectionRate: rate(r.rejected, r.approved + r.rejected) })),
  };
}
