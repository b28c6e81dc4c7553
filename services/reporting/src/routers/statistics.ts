import { ProfessionalCounts, ProfessionalCountsInput } from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import type { ReportingDeps } from "../deps.ts";
import { professionalCounts } from "../use-cases/statistics/professional-counts.ts";

/** 查询统计 (guide §3.9), from the read models. */
export function statisticsRouter(deps: ReportingDeps) {
  return router({
    /** 专业技术人员数量查询: per employer / CE base of the caller's subtree as of 统计时间. */
    professionalCounts: permittedProcedure("stats.view")
      .input(ProfessionalCountsInput)
      .output(ProfessionalCounts)
      .query(({ ctx, input }) => professionalCounts(deps, ctx.principal, input)),
  });
}
