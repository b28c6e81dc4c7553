import type { ListUnitChangesInput, Page, UnitChangeRow } from "@ce/contracts";
import { listUnitChanges as queryUnitChanges } from "../../db/unit-changes.ts";
import type { IdentityDeps } from "../../deps.ts";
import { type Caller, ownUnit } from "../scope.ts";

/** 审核机构信息修改: one page of the approvals that fall to the caller's unit (PENDING or decided tab). */
export function listUnitChanges(deps: IdentityDeps, caller: Caller, input: ListUnitChangesInput): Promise<Page<UnitChangeRow>> {
  return queryUnitChanges(deps.db, ownUnit(caller.principal), input);
}
