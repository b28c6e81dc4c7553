import type { UnitProfileView } from "@ce/contracts";
import { ownLastDecidedChange, ownPendingChange } from "../../db/unit-changes.ts";
import { unitWithSuperiorName } from "../../db/units.ts";
import type { IdentityDeps } from "../../deps.ts";
import { type Caller, ownUnit } from "../scope.ts";

/** 基本信息修改: the caller's own unit, its superior's name, its pending change request and its latest decided one (if any). */
export async function unitProfile(deps: IdentityDeps, caller: Caller): Promise<UnitProfileView> {
  const unitId = ownUnit(caller.principal);
  const { unit, superiorName } = await unitWithSuperiorName(deps.db, unitId);
  const [pending, lastDecided] = await Promise.all([ownPendingChange(deps.db, unitId), ownLastDecidedChange(deps.db, unitId)]);
  return { unit, superiorName, pending, lastDecided };
}
