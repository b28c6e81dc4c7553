import { type ApprovalChainInput, type ApprovalChainUnit, DomainError } from "@ce/contracts";
import { findUnitInScope, unitsOnPath } from "../../db/units.ts";
import type { HoursDeps } from "../../deps.ts";
import { approvalChain } from "../../domain/approval-chain.ts";
import type { Caller } from "../caller.ts";

/**
 * The units a declaration from `unitId` would climb, each of which becomes 当前处理人 in turn.
 * Raises DomainError NOT_FOUND on `unitId` when the unit is unknown or outside the caller's scope.
 */
export async function previewChain(deps: HoursDeps, { principal }: Caller, { unitId }: ApprovalChainInput): Promise<ApprovalChainUnit[]> {
  const unit = principal.scopePath ? await findUnitInScope(deps.db, unitId, principal.scopePath) : null;
  if (!unit) throw new DomainError("NOT_FOUND", "单位不存在或不在您的管理范围内", "unitId");
  return approvalChain(unit.path, await unitsOnPath(deps.db, unit.path));
}
