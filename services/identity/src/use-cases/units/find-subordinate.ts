import type { Db, Tx } from "../../db/client.ts";
import { type UnitWithSuperior, unitWithSuperior } from "../../db/subordinates.ts";
import { checkSubordinate } from "../../domain/units.ts";
import { type Caller, subordinateScope } from "../scope.ts";

/**
 * The unit 管理下级单位 acts on: strictly below the caller's and not deleted (domain
 * checkSubordinate). Raises DomainError FORBIDDEN for a caller without unit scope, NOT_FOUND on
 * `unitId` (下级单位不存在) for any other unit, so its existence is not revealed.
 */
export async function findSubordinate(db: Db | Tx, caller: Caller, unitId: string): Promise<UnitWithSuperior> {
  const { scopePath } = subordinateScope(caller.principal);
  const unit = await unitWithSuperior(db, unitId);
  checkSubordinate(scopePath, unit);
  return unit;
}
