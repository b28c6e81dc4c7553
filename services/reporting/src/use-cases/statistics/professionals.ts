import {
  DomainError,
  isWithinScope,
  type Principal,
  type ProfessionalDetail,
  type ProfessionalIdInput,
  type ProfessionalSearch,
  type ProfessionalSearchInput,
  regionPrefix,
} from "@ce/contracts";
import { paginate } from "@ce/service-kit";
import { countProfessionals, professionalNow, professionalRows } from "../../db/people.ts";
import type { ReportingDeps } from "../../deps.ts";
import { lookupByIdNumber } from "../../security/id-lookup.ts";
import { callerScope, lookupViewer, type StatisticsCaller, unitInCallerScope } from "./scope.ts";

/**
 * 专业技术人员信息查询 (guide §3.9): the registered (审核通过) professionals of the caller's subtree
 * as reporting holds them now — or of the 主管部门 `authorityId`'s subtree inside it — matching
 * every filter given: 地区 (their unit's region code under the one chosen), 姓名 (contains), 证件号
 * (exact: its blind indexes, never the number), 证书管理号 (exact), 学历, 专业技术职务 (title series),
 * 现专业技术职称资格 (contains); ordered by name, one page. 所在人社 (`hrBureau`) is no filter: no
 * service stores it (identity would have to keep it and carry it in ProfessionalSnapshot first).
 * A search with 证件号 goes through the lookup gate (security/id-lookup.ts: limited per caller and
 * address, logged with whom it found). Raises DomainError FORBIDDEN (no unit scope), NOT_FOUND on
 * `authorityId` (unknown or outside the scope), TOO_MANY_REQUESTS on `idNumber` (the day's 证件号 budget spent).
 */
export async function searchProfessionals(deps: ReportingDeps, caller: StatisticsCaller, input: ProfessionalSearchInput): Promise<ProfessionalSearch> {
  const scope = callerScope(caller.principal);
  const authority = input.authorityId ? await unitInCallerScope(deps, input.authorityId, scope.scopePath, "authorityId", "主管部门") : null;
  const filter = {
    pathPrefix: authority?.path ?? scope.scopePath,
    regionPrefix: input.region ? regionPrefix(input.region) : undefined,
    nameContains: input.name || undefined,
    idNumberHashes: input.idNumber ? deps.blindIndexes(input.idNumber) : undefined,
    certificateNo: input.certificateNo || undefined,
    education: input.education,
    titleSeries: input.titleSeries,
    qualificationContains: input.qualification || undefined,
  };
  const search = () =>
    paginate(
      input,
      () => countProfessionals(deps.db, filter),
      (window) => professionalRows(deps.db, filter, window),
    );
  if (!input.idNumber) return search();
  return lookupByIdNumber(deps, lookupViewer(caller), "专业技术人员信息查询：按证件号查询", search, (page) => page.items.map((p) => p.accountId));
}

/**
 * 详细: one professional of the caller's subtree as reporting holds them now (ID number masked;
 * reporting keeps no phone, department or clear number). Raises DomainError FORBIDDEN (no unit
 * scope), NOT_FOUND on `accountId` (unknown, or their unit now lies outside the caller's subtree).
 */
export async function professionalDetail(deps: ReportingDeps, principal: Principal, input: ProfessionalIdInput): Promise<ProfessionalDetail> {
  const scope = callerScope(principal);
  const p = await professionalNow(deps.db, input.accountId);
  if (!p || !isWithinScope(scope.scopePath, p.unitPath)) throw new DomainError("NOT_FOUND", "人员不存在或不在您的管理范围内", "accountId");
  const { unitPath: _path, registeredAt, ...rest } = p;
  return { ...rest, registeredAt: registeredAt.toISOString() };
}
