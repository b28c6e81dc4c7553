import { type CreatedId, DomainError, type RequestCodeChangeInput } from "@ce/contracts";
import type { z } from "zod";
import { auditActor } from "../../db/audit.ts";
import { codeTaken, lockUnit } from "../../db/unit-changes.ts";
import type { IdentityDeps } from "../../deps.ts";
import { unitChangeMessages } from "../../domain/unit-changes.ts";
import { codeCheckMismatch, normalizeUnitCode, unitMessages } from "../../domain/units.ts";
import { type Caller, ownUnit } from "../scope.ts";
import { openRequest } from "./open-request.ts";

/**
 * 基本信息修改 › 修改单位信息: asks the superior's admins to change the caller's unit code. The code
 * is checked as GB 32100-2015 / organisation code (normalizeUnitCode); `codeConfirmed` accepts a
 * check-character mismatch, which the request then flags. Raises DomainError (field `code`) for a
 * bad, unchanged or already registered code, CONFLICT for a second pending request.
 */
export async function requestCodeChange(deps: IdentityDeps, caller: Caller, input: z.infer<typeof RequestCodeChangeInput>): Promise<CreatedId> {
  const unitId = ownUnit(caller.principal);
  return deps.db.$transaction(async (tx) => {
    const unit = await lockUnit(tx, unitId);
    const code = normalizeUnitCode(input.code, input.codeConfirmed);
    if (code === unit.code) throw new DomainError("BAD_REQUEST", unitChangeMessages.sameCode, "code");
    if (code && (await codeTaken(tx, code))) throw new DomainError("CONFLICT", unitMessages.codeTaken, "code");
    return openRequest(tx, auditActor(caller), {
      unitId,
      kind: "CODE",
      oldCode: unit.code,
      newCode: code,
      newCodeCheckMismatch: codeCheckMismatch(code),
      oldSuperiorId: unit.superiorId,
      newSuperiorId: null,
      requestedBy: caller.principal.accountId,
    });
  });
}
