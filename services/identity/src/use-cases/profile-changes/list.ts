import type { Page, ProfileChangeDetail, ProfileChangeRow } from "@ce/contracts";
import { listProfileChanges, profileChangeDetail } from "../../db/profile-changes.ts";
import type { IdentityDeps } from "../../deps.ts";
import { type Caller, inReviewScope, reviewScope } from "../scope.ts";

/** 审核人员信息修改: one page of pending requests of people in the caller's subtree, filtered by name. */
export function pendingProfileChanges(
  deps: IdentityDeps,
  caller: Caller,
  input: { page: number; pageSize: number; name?: string | undefined },
): Promise<Page<ProfileChangeRow>> {
  return listProfileChanges(deps.db, reviewScope(caller.principal), input);
}

/** 查看变更明细: one request in the caller's subtree, field by field. Raises DomainError NOT_FOUND outside scope. */
export function profileChange(deps: IdentityDeps, caller: Caller, input: { id: string }): Promise<ProfileChangeDetail> {
  return inReviewScope(caller, "变更申请不存在或不在本单位管辖范围内", (scope) => profileChangeDetail(deps.db, scope, input.id));
}
