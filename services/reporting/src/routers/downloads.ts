import { DomainError, PersonYearExtractInput } from "@ce/contracts";
import type { DownloadHandler } from "@ce/service-kit";
import type { ReportingDeps } from "../deps.ts";
import { unitPseudonymKey } from "../domain/person-year-extract.ts";
import { extractFileName, type PersonYearPlan, planPersonYearExtract, writePersonYearExtract } from "../use-cases/extracts/person-year.ts";
import { callerScope } from "../use-cases/statistics/scope.ts";

/** The content type of an extract's file. */
export const extractContentType = { csv: "text/csv; charset=utf-8", parquet: "application/vnd.apache.parquet" } as const;

/**
 * A query string parsed with `schema` (a zod object): DomainError BAD_REQUEST naming the field
 * for a parameter given twice ("开始年度只能填写一次" style, by the key), a parameter the schema
 * does not take ("不支持的参数“unitId”"), or the first wrong field.
 */
export function parseQuery<T>(
  schema: {
    shape?: Record<string, unknown>;
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ message: string; path: PropertyKey[] }> } };
  },
  query: URLSearchParams,
): T {
  const keys = [...query.keys()];
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice !== undefined) throw new DomainError("BAD_REQUEST", `参数“${twice.slice(0, 40)}”只能给一次`, twice.slice(0, 40));
  const unknown = schema.shape ? keys.find((k) => !Object.hasOwn(schema.shape as object, k)) : undefined;
  if (unknown !== undefined) throw new DomainError("BAD_REQUEST", `不支持的参数“${unknown.slice(0, 40)}”`, unknown.slice(0, 40));
  const parsed = schema.safeParse(Object.fromEntries(query));
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw new DomainError("BAD_REQUEST", issue?.message ?? "请求参数无效", issue?.path.map(String).join(".") || undefined);
}

/**
 * The headers of an extract's answer beside its content type: the file name (attachment, UTF-8),
 * no caching, and as planned: `x-extract-rows` (rows released) and `x-extract-suppressed` (rows
 * disclosure control left out; docs/analysts.md).
 */
export function extractHeaders(fileName: string, plan: Pick<PersonYearPlan, "rows" | "suppressed" | "final">): Record<string, string> {
  return {
    "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    "cache-control": "no-store",
    "x-extract-rows": String(plan.rows),
    "x-extract-suppressed": String(plan.suppressed),
    "x-extract-final": String(plan.final),
  };
}

/**
 * Reporting's downloads (service-kit /downloads/<name>, for the portal):
 * `person-year-extract?fromYear&toYear&asOf&format=csv|parquet` — 人年抽取 of the caller's unit's
 * subtree, for super admins holding 查询统计 (FORBIDDEN otherwise), pseudonymised with their unit's
 * key (domain unitPseudonymKey). Refusals (bad years or date, too many rows) come before the first
 * byte; each extract is logged with the caller and its row count.
 */
export function reportingDownloads(deps: ReportingDeps): Record<string, DownloadHandler> {
  return {
    "person-year-extract": async (ctx, query, res) => {
      const { principal } = ctx;
      if (!principal.isSuperAdmin || !principal.permissions.includes("stats.view")) {
        throw new DomainError("FORBIDDEN", "只有拥有查询统计权限的超级管理员可以下载人年抽取");
      }
      const scope = callerScope(principal);
      const input = parseQuery(PersonYearExtractInput, query);
      const plan = await planPersonYearExtract(deps, scope, input);
      res.writeHead(200, { "content-type": extractContentType[plan.format], ...extractHeaders(extractFileName(plan), plan) });
      // The headers go now: a Parquet file's first byte comes only once the whole file is written.
      res.flushHeaders();
      const { rows, suppressed } = await writePersonYearExtract(deps, plan, unitPseudonymKey(deps.pseudonymSecret, scope.unitId), res);
      ctx.log.info(
        {
          accountId: principal.accountId,
          unitId: scope.unitId,
          fromYear: plan.fromYear,
          toYear: plan.toYear,
          asOf: plan.asOf,
          format: plan.format,
          rows,
          suppressed,
        },
        "person-year extract downloaded",
      );
    },
  };
}
