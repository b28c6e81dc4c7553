import { type CreatedId, DomainError, type RequestSuperiorChangeInput } from "@ce/contracts";
import type { z } from "zod";
import { auditActor } from "../../db/audit.ts";
import { lockUnit, superiorCandidate } from "../../db/unit-changes.ts";
import type { IdentityDeps } from "../../deps.ts";
import { checkNewSuperior, unitChangeMessages } from "../../domain/unit-changes.ts";
import { type Caller, ownUnit } from "../scope.ts";
import { openRequest } from "./open-request.ts";

/**
 * 基本信息修改 › 更换上级部门: asks the old and the new superior's admins to move the caller's unit.
 * Raises DomainError (field `superiorId`) unless the new superior is an approved authority outside
 * the unit's own subtree and not its current superior (domain checkNewSuperior); CONFLICT for a
 * second pending request.
 */
export async function requestSuperiorChange(deps: IdentityDeps, caller: Caller, input: z.infer<typeof RequestSuperiorChangeInput>): Promise<CreatedId> {
  const unitId = ownUnit(caller.principal);
  return deps.db.$transaction(async (tx) => {
    const unit = await lockUnit(tx, unitId);
    const candidate = await superiorCandidate(tx, input.superiorId);
    if (!candidate) throw new DomainError("BAD_REQUEST", unitChangeMessages.notAuthority, "superiorId");
    checkNewSuperior(unit, candidate);
    return openRequest(tx, auditActor(caller), {
      unitId,
      kind: "SUPERIOR",
      oldCode: unit.code,
      newCode: null,
      oldSuperiorId: unit.superiorId,
      newSuperiorId: input.superiorId,
      requestedBy: caller.principal.accountId,
    });
  });
}
