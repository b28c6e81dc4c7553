import { useCaseRunner } from "@ce/service-kit";
import type { OpenApiMeta } from "trpc-to-openapi";
import type { ApiCaller } from "../api-tokens/authenticate.ts";
import type { ApiStream } from "../api-tokens/http.ts";
import { isolateInputSchema as own } from "../api-tokens/isolate-schema.ts";
import { apiProcedure, apiRouter } from "../api-tokens/procedure.ts";
import type { ReportingDeps } from "../deps.ts";
import { personYearExtractApi } from "./extract-api.ts";
import { statisticsReports as reports, reportUseCase, type StatisticsReport, type StatisticsReportName } from "./statistics-reports.ts";

const op = (path: string, summary: string, description: string): OpenApiMeta => ({
  openapi: { method: "POST", path: `/statistics/${path}`, summary, description, tags: ["查询统计"] },
});

/**
 * The HTTP API (issue 11 item 2): reporting's statistics as plain JSON under /api/v1/statistics/…,
 * one POST operation per report (a 证件号 never sits in a URL or an access log), each needing the
 * token permission of the same name (contracts apiTokenPermissions) and answering the token's
 * subtree exactly as the tRPC procedure answers a signed-in admin of that unit — the same use
 * cases and the same contracts schemas (inputs copied, see isolate-schema.ts). The OpenAPI
 * document is generated from this router (docs/openapi/reporting.json).
 */
export function createApiRouter(deps: ReportingDeps) {
  const run = useCaseRunner(deps);
  /** `report` as the operation `meta` describes, open to tokens holding the permission of the report's name. */
  const serve = <K extends StatisticsReportName>(name: K, meta: OpenApiMeta) => {
    const report: StatisticsReport<(typeof reports)[K]["input"], (typeof reports)[K]["output"]> = reports[name];
    return apiProcedure(deps, name)
      .meta(meta)
      .input(own(report.input))
      .output(report.output)
      .query(run(reportUseCase(report), (ctx: { caller: ApiCaller }) => ctx.caller));
  };
  return apiRouter({
    professionalCounts: serve(
      "professionalCounts",
      op("professional-counts", "专业技术人员数量查询", "每个用人单位/继续教育基地在统计时间的注册总数、学习总数、合格总数和合格率，含合计行。"),
    ),
    countPeople: serve("countPeople", op("count-people", "数量查询的人员明细", "数量查询中某一数字背后的人员（同一统计时间）。")),
    professionals: serve(
      "professionals",
      op("professionals", "专业技术人员信息查询", "当前注册人员，按地区、主管部门、姓名、证件号（计入证件号查询次数）等筛选；证件号脱敏。"),
    ),
    professional: serve("professional", op("professional", "人员详细信息", "一名人员的当前信息（脱敏）。")),
    learningRecord: serve("learningRecord", op("learning-record", "学习记录", "一名人员在统计时间的各年度学时与学时申报。")),
    titleDistribution: serve("titleDistribution", op("title-distribution", "职称系列分布情况", "各职称系列的初级/中级/高级/无人数。")),
    verifyLearning: serve("verifyLearning", op("verify-learning", "学习记录验证", "按证件号或姓名查验各年度完成学时与认定结果。")),
    approvedHoursByMonth: serve("approvedHoursByMonth", op("approved-hours-by-month", "每月审核通过学时", "按北京时间月份统计审核通过的认定学时。")),
    complianceAsOf: serve(
      "complianceAsOf",
      op(
        "compliance-as-of",
        "学时达标情况（按证件号）",
        "按证件号（计入证件号查询次数）查询一名人员在开始年度至结束年度（最多10年）每年的公需课、专业课学时与认定结果，以统计时间当日结束时的数据为准；同一问题以后再问，答案不变。",
      ),
    ),
  });
}

export type ApiRouter = ReturnType<typeof createApiRouter>;

/**
 * Everything served under /api/v1: the JSON operations (the router) and the streamed files —
 * app.ts mounts exactly this, and the OpenAPI document (test/openapi.test.ts) is generated from it.
 */
export function createApiRoutes(deps: ReportingDeps): { router: ApiRouter; streams: ApiStream[] } {
  return { router: createApiRouter(deps), streams: [personYearExtractApi(deps)] };
}
