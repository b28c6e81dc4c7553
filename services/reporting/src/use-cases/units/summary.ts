import { DomainError } from "@ce/contracts";
import { countUnitsInScope } from "../../db/units.ts";
import type { ReportingDeps } from "../../deps.ts";
import { type UnitCounts, unitCountsByKind } from "../../domain/unit-replica.ts";
import type { PrincipalCaller } from "../statistics/scope.ts";

/**
 * 单位统计: approved units in the caller's subtree (its own unit included), per kind, from the
 * unit read model. Raises DomainError FORBIDDEN when the account has no unit scope to count.
 */
export async function unitSummary(deps: ReportingDeps, { principal }: PrincipalCaller): Promise<UnitCounts> {
  if (!principal.scopePath) throw new DomainError("FORBIDDEN", "当前账户没有可统计的单位范围");
  return unitCountsByKind(await countUnitsInScope(deps.db, principal.scopePath));
}
