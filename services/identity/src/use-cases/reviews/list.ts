import type { EmployerReviewDetail, Page, PendingEmployerRow, PendingProfessionalRow, ProfessionalReviewDetail } from "@ce/contracts";
import { employerDetail, listPendingEmployers, listPendingProfessionals, professionalDetail } from "../../db/reviews.ts";
import type { IdentityDeps } from "../../deps.ts";
import { type Caller, inReviewScope, reviewScope } from "../scope.ts";

type PageInput = { page: number; pageSize: number; name?: string | undefined };

/** 审核用人单位: one page of pending employers strictly below the caller, filtered by name. */
export function pendingEmployers(deps: IdentityDeps, caller: Caller, input: PageInput): Promise<Page<PendingEmployerRow>> {
  return listPendingEmployers(deps.db, reviewScope(caller.principal), input);
}

/**
 * 审核用人单位 › 详细: one employer strictly below the caller with the applicant who becomes its super
 * admin, masked. Raises DomainError NOT_FOUND outside scope.
 */
export function reviewedEmployer(deps: IdentityDeps, caller: Caller, input: { unitId: string }): Promise<EmployerReviewDetail> {
  return inReviewScope(caller, "单位不存在或不在本单位管辖范围内", (scope) => employerDetail(deps.db, scope, input.unitId));
}

/** 审核注册人员: one page of pending registrations in the caller's subtree, filtered by name. */
export function pendingProfessionals(deps: IdentityDeps, caller: Caller, input: PageInput): Promise<Page<PendingProfessionalRow>> {
  return listPendingProfessionals(deps.db, reviewScope(caller.principal), input);
}

/** 详细: one professional in the caller's subtree, masked. Raises DomainError NOT_FOUND outside scope. */
export function reviewedProfessional(deps: IdentityDeps, caller: Caller, input: { accountId: string }): Promise<ProfessionalReviewDetail> {
  return inReviewScope(caller, "人员不存在或不在本单位管辖范围内", (scope) => professionalDetail(deps.db, scope, input.accountId));
}
