import { DomainError } from "@ce/contracts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { closeRequest, lockRequestStatus } from "../../db/unit-changes.ts";
import type { IdentityDeps } from "../../deps.ts";
import { unitChangeMessages } from "../../domain/unit-changes.ts";
import { type Caller, ownUnit } from "../scope.ts";

/**
 * 撤销: the caller's unit withdraws its own pending request; it and its approvals leave both review
 * tabs; audit `unitChange.withdraw`. Raises DomainError NOT_FOUND for another unit's or an unknown
 * request, CONFLICT when it was already decided or withdrawn.
 */
export async function withdrawUnitChange(deps: IdentityDeps, caller: Caller, input: { requestId: string }): Promise<void> {
  const unitId = ownUnit(caller.principal);
  await deps.db.$transaction(async (tx) => {
    const status = await lockRequestStatus(tx, input.requestId, unitId);
    if (!status) throw new DomainError("NOT_FOUND", unitChangeMessages.notFound);
    if (status !== "PENDING") throw new DomainError("CONFLICT", unitChangeMessages.notPending);
    await closeRequest(tx, input.requestId, "WITHDRAWN");
    await recordAudit(tx, auditActor(caller), {
      action: "unitChange.withdraw",
      entityType: "unitChangeRequest",
      entityId: input.requestId,
      unitId,
      before: { status: "PENDING" },
      after: { status: "WITHDRAWN" },
    });
  });
}
