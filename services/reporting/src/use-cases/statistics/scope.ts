import { DomainError, type Principal } from "@ce/contracts";
import { unitInScope } from "../../db/unit-history.ts";
import type { ReportingDeps } from "../../deps.ts";
import type { LookupViewer } from "../../security/id-lookup.ts";

/** Who calls a statistic: the principal, and what an access log records of the request. */
export interface StatisticsCaller {
  principal: Principal;
  clientIp: string | null;
  requestId: string;
  /** An API token's own 证件号查询上限（次/日） (migration 0014); absent for a portal user, who has the shared idLookupLimits. */
  idLookupsPerDay?: number;
}

/** What a use case that needs only who is asking receives: a procedure's context, or any StatisticsCaller. */
export type PrincipalCaller = Pick<StatisticsCaller, "principal">;

/** The caller as the 证件号 lookup gate (security/id-lookup.ts) counts and logs them. */
export const lookupViewer = (caller: StatisticsCaller): LookupViewer => ({
  accountId: caller.principal.accountId,
  clientIp: caller.clientIp,
  requestId: caller.requestId,
  ...(caller.idLookupsPerDay === undefined ? {} : { perDay: caller.idLookupsPerDay }),
});

/** The caller's unit and subtree; DomainError FORBIDDEN for a caller without one (a professional). */
export function callerScope(principal: Principal): { unitId: string; scopePath: string } {
  if (!principal.scopePath || !principal.unitId) throw new DomainError("FORBIDDEN", "当前账户没有可统计的单位范围");
  return { unitId: principal.unitId, scopePath: principal.scopePath };
}

/**
 * A unit a statistic is asked about (drill-down, 主管部门, 用人单位), as reporting holds it now,
 * when it lies in the caller's subtree. DomainError NOT_FOUND on `field` ("{label}不存在或不在您的管理范围内")
 * when unknown or outside it — the same answer for both, so nothing about another unit leaks.
 */
export async function unitInCallerScope(deps: ReportingDeps, unitId: string, scopePath: string, field: string, label: string) {
  const unit = await unitInScope(deps.db, unitId, scopePath);
  if (!unit) throw new DomainError("NOT_FOUND", `${label}不存在或不在您的管理范围内`, field);
  return unit;
}
