import type { UnitOption } from "@ce/contracts";
import { approvedAuthoritiesExcept } from "../../db/units.ts";
import type { IdentityDeps } from "../../deps.ts";
import { type Caller, ownUnit } from "../scope.ts";

/** 更换上级部门: the approved authorities a unit may pick (its own subtree and current superior are refused by the request). */
export function superiorOptions(deps: IdentityDeps, caller: Caller): Promise<UnitOption[]> {
  return approvedAuthoritiesExcept(deps.db, ownUnit(caller.principal));
}
