import type { Page, PickedUnit, PickUnitsInput } from "@ce/contracts";
import { unitsInScopePage } from "../../db/pickers.ts";
import type { IdentityDeps } from "../../deps.ts";
import { type Caller, reviewScope } from "../scope.ts";

/**
 * 查询统计's 主管部门 / 用人单位 pickers: one page of the approved units of the asked kinds in the
 * caller's subtree (their own unit included), by part of the name. Raises FORBIDDEN for a caller
 * without unit scope.
 */
export function pickUnits(deps: IdentityDeps, caller: Caller, input: PickUnitsInput & { page: number; pageSize: number }): Promise<Page<PickedUnit>> {
  return unitsInScopePage(deps.db, reviewScope(caller.principal).scopePath, input);
}
