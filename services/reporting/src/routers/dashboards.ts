import {
  ComplianceDashboard,
  ComplianceDashboardInput,
  DashboardPeriod,
  RejectionReasons,
  TrainingBaseQuality,
  TurnaroundDashboard,
  TurnaroundDashboardInput,
} from "@ce/contracts";
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { ReportingDeps } from "../deps.ts";
import { complianceDashboard } from "../use-cases/dashboards/compliance.ts";
import { rejectionReasons } from "../use-cases/dashboards/rejection-reasons.ts";
import { trainingBaseQuality } from "../use-cases/dashboards/training-bases.ts";
import { turnaroundDashboard } from "../use-cases/dashboards/turnaround.ts";

const view = permittedProcedure("stats.view");

/** 查询统计 › 管理看板 (issue 11 item 6): four dashboards over the caller's subtree; each needs stats.view. */
export const dashboardsRouter = (run: UseCaseRun<ReportingDeps>) => ({
  /** 达标进度: compliance by unit this year, the year-end projection and the people at risk. */
  compliance: view.input(ComplianceDashboardInput).output(ComplianceDashboard).query(run(complianceDashboard)),
  /** 审批时效: per handling unit, per 审核人 and per declaring unit, median / p90 days (units: and pending over N days). */
  turnaround: view.input(TurnaroundDashboardInput).output(TurnaroundDashboard).query(run(turnaroundDashboard)),
  /** 驳回原因: rejections counted by code. */
  rejectionReasons: view.input(DashboardPeriod).output(RejectionReasons).query(run(rejectionReasons)),
  /** 继续教育基地质量: per CE base, declared / approved / rejected / failed audit. */
  trainingBases: view.input(DashboardPeriod).output(TrainingBaseQuality).query(run(trainingBaseQuality)),
});
