import type { ListSubordinatesInput, ListTrainingBasesInput, Page, SubordinateAdminRow, SubordinateTarget, UnitDetail, UnitRow } from "@ce/contracts";
import { unitAdminRows, unitDetail } from "../../db/subordinates.ts";
import { subordinatePage, trainingBasePage } from "../../db/units.ts";
import type { IdentityDeps } from "../../deps.ts";
import { type Caller, subordinateScope } from "../scope.ts";
import { findSubordinate } from "./find-subordinate.ts";

/** 管理下级单位: one page of the approved units strictly below the caller's, filtered by name and nature. */
export function listSubordinates(deps: IdentityDeps, caller: Caller, input: ListSubordinatesInput): Promise<Page<UnitRow>> {
  return subordinatePage(deps.db, subordinateScope(caller.principal), input);
}

/** 管理继续教育基地: one page of the approved CE bases below the caller's unit, by name, 所属行业, 施教级别. */
export function listTrainingBases(deps: IdentityDeps, caller: Caller, input: ListTrainingBasesInput): Promise<Page<UnitRow>> {
  return trainingBasePage(deps.db, subordinateScope(caller.principal), input);
}

/** 管理下级单位 › 详细: a subordinate unit's fields with its admin and approved-professional counts; NOT_FOUND outside scope. */
export async function subordinateDetail(deps: IdentityDeps, caller: Caller, input: SubordinateTarget): Promise<UnitDetail> {
  return unitDetail(deps.db, await findSubordinate(deps.db, caller, input.unitId));
}

/** 管理下级单位 › 管理员信息: a subordinate unit's admins, numbers masked; NOT_FOUND outside scope. */
export async function subordinateAdmins(deps: IdentityDeps, caller: Caller, input: SubordinateTarget): Promise<SubordinateAdminRow[]> {
  await findSubordinate(deps.db, caller, input.unitId);
  return unitAdminRows(deps.db, input.unitId);
}
