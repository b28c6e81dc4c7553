import { DomainError, PersonYearExtractInput } from "@ce/contracts";
import { domainErrorStatus, unexpectedErrorMessage } from "@ce/service-kit";
import { finishApiCall } from "../api-tokens/authenticate.ts";
import { type ApiStream, sendApiRefusal } from "../api-tokens/http.ts";
import type { ReportingDeps } from "../deps.ts";
import { tokenPseudonymKey } from "../domain/person-year-extract.ts";
import { extractFileName, planPersonYearExtract, writePersonYearExtract } from "../use-cases/extracts/person-year.ts";
import { callerScope } from "../use-cases/statistics/scope.ts";
import { extractContentType, extractHeaders, parseQuery } from "./downloads.ts";

/** Where the token API serves 人年抽取, below /api/v1. */
export const PERSON_YEAR_EXTRACT_API_PATH = "/extracts/person-year";

const refusal = (description: string, code = "BAD_REQUEST") => ({
  description,
  content: { "application/json": { schema: { $ref: `#/components/schemas/error.${code}` } } },
});
const yearParam = (name: string, label: string) => ({
  name,
  in: "query",
  required: true,
  description: `${label}（2000 至统计时间所在年度）`,
  schema: { type: "integer", minimum: 2000, maximum: 2100 },
});

/** 人年抽取's operation in the OpenAPI document (a file, so written here rather than generated from zod). */
const EXTRACT_OPERATION = {
  operationId: "personYearExtract",
  summary: "人年抽取（去标识化）",
  description:
    "令牌数据范围内每人每年一行：所在单位、地区、职称系列/级别、学历（按 k=5 的匿名化规则逐级泛化为 *，见 docs/analysts.md）、各类学时与认定结果；person_key 为按令牌派生的假名键。CSV（UTF-8 带 BOM）或 Parquet，流式返回。",
  tags: ["查询统计"],
  parameters: [
    yearParam("fromYear", "开始年度"),
    yearParam("toYear", "结束年度（与开始年度最多相差9年）"),
    { name: "asOf", in: "query", required: false, description: "统计时间 YYYY-MM-DD（默认今天，北京时间）", schema: { type: "string", format: "date" } },
    { name: "format", in: "query", required: false, description: "文件格式", schema: { type: "string", enum: ["csv", "parquet"], default: "csv" } },
  ],
  responses: {
    "200": {
      description: "抽取文件（Content-Disposition 给出文件名）",
      headers: {
        "x-extract-rows": { description: "文件中的行数（开始写出时的计数）", schema: { type: "integer" } },
        "x-extract-suppressed": { description: "因匿名化规则未输出的行数（某年度不足 k 人时）", schema: { type: "integer" } },
        "x-extract-final": {
          description: "统计时间是否已结束（北京时间）：true 表示该日已过，以后再抽取结果相同；false 表示统计时间为今天，当日尚未结束，结果可能变化",
          schema: { type: "boolean" },
        },
      },
      content: {
        "text/csv": { schema: { type: "string" } },
        "application/vnd.apache.parquet": { schema: { type: "string", format: "binary" } },
      },
    },
    "400": refusal("参数有误（data.fieldErrors 指明字段）"),
    "401": refusal("缺少、无效、已撤销或已过期的令牌", "UNAUTHORIZED"),
    "403": refusal("令牌没有“人年抽取”权限，或数据范围已不在创建单位之下", "FORBIDDEN"),
    "429": refusal("超过每分钟调用上限（Retry-After 给出等待秒数）"),
  },
};

/**
 * `GET /api/v1/extracts/person-year?fromYear&toYear&asOf&format=csv|parquet` for an API token
 * holding 人年抽取 (contracts apiTokenPermissions `personYearExtract`), mounted on the API's gate
 * (api-tokens/http.ts: token, permission, rate and the use log come first): the token's scope,
 * keys per token (domain tokenPseudonymKey), disclosure control as in every extract
 * (domain disclosure-control.ts), the use completed with its row count (finishApiCall). The
 * input's refusals (400 naming the field, unknown or repeated parameters too) come before the
 * first byte in the API's error shape, with `field` beside it.
 */
export function personYearExtractApi(deps: ReportingDeps): ApiStream {
  return {
    method: "GET",
    path: PERSON_YEAR_EXTRACT_API_PATH,
    permission: "personYearExtract",
    document: EXTRACT_OPERATION,
    async handle(_req, res, { caller, requestId, log, query }) {
      try {
        const input = parseQuery(PersonYearExtractInput, query);
        const plan = await planPersonYearExtract(deps, callerScope(caller.principal), input);
        res.writeHead(200, { "content-type": extractContentType[plan.format], ...extractHeaders(extractFileName(plan), plan) });
        res.flushHeaders();
        const { rows, suppressed } = await writePersonYearExtract(deps, plan, tokenPseudonymKey(deps.pseudonymSecret, caller.tokenId), res);
        await finishApiCall(deps, caller.useId, { rows });
        log.info({ tokenId: caller.tokenId, rows, suppressed }, "person-year extract answered");
      } catch (e) {
        const code = e instanceof DomainError ? e.kind : "INTERNAL_SERVER_ERROR";
        await finishApiCall(deps, caller.useId, { errorCode: code }).catch(() => undefined);
        if (res.headersSent) {
          log.error({ err: e }, "person-year extract failed part-way");
          res.destroy();
        } else if (e instanceof DomainError) {
          log.warn({ code, field: e.field ?? null, tokenId: caller.tokenId }, "person-year extract refused");
          sendApiRefusal(res, { status: domainErrorStatus[e.kind], code, message: e.message, path: "personYearExtract", field: e.field ?? null });
        } else {
          log.error({ err: e }, "person-year extract failed");
          sendApiRefusal(res, { status: 500, code, message: unexpectedErrorMessage(requestId), path: "personYearExtract" });
        }
      }
    },
  };
}
