import type { VerifyLearning, VerifyLearningInput } from "@ce/contracts";
import { paginate } from "@ce/service-kit";
import { countVerifyRows, verifyRows } from "../../db/people.ts";
import type { ReportingDeps } from "../../deps.ts";
import { judgeYear } from "../../domain/professional-counts.ts";
import { lookupByIdNumber } from "../../security/id-lookup.ts";
import { callerScope, lookupViewer, type StatisticsCaller } from "./scope.ts";

/**
 * 学习记录验证 (guide §3.9): the registered (审核通过) professionals of the caller's subtree with the
 * 证件号 typed (exact, by its blind indexes) and/or the 姓名 (exact, or contains when `nameMatch`
 * is CONTAINS), one row per year with hours counting now: 完成公需课时, 完成专业课时, 总完成学时 and
 * 认定结果 (the year's rule for the region of their unit now), by name then newest year. Neither
 * field given: an empty page (the guide's 没有数据). A search with 证件号 goes through the lookup
 * gate (security/id-lookup.ts: limited per caller and address, logged with whom it found). Raises
 * DomainError FORBIDDEN (no unit scope), TOO_MANY_REQUESTS on `idNumber` (the day's 证件号 budget spent).
 */
export async function verifyLearning(deps: ReportingDeps, caller: StatisticsCaller, input: VerifyLearningInput): Promise<VerifyLearning> {
  const scope = callerScope(caller.principal);
  const filter = {
    pathPrefix: scope.scopePath,
    idNumberHashes: input.idNumber ? deps.blindIndexes(input.idNumber) : undefined,
    name: input.name ? { text: input.name, exact: input.nameMatch === "EXACT" } : undefined,
  };
  const asked = filter.idNumberHashes !== undefined || filter.name !== undefined;
  const at = deps.now();
  const search = () =>
    paginate(
      input,
      async () => (asked ? countVerifyRows(deps.db, filter, at) : 0),
      async (window) => (asked ? verifyRows(deps.db, filter, at, window) : []),
    );
  const page = input.idNumber
    ? await lookupByIdNumber(deps, lookupViewer(caller), "学习记录验证：按证件号查验", search, (p) => [...new Set(p.items.map((r) => r.accountId))])
    : await search();
  return {
    ...page,
    items: page.items.map(({ region, ...r }) => ({
      ...r,
      total: r.general + r.professional,
      compliant: judgeYear(deps.complianceRules, r.year, region, r),
    })),
  };
}
