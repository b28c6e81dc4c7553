import { type DecideUnitChangesInput, DomainError, type UnitChangesDecided } from "@ce/contracts";
import type { z } from "zod";
import { revokeSessions } from "../../auth/sessions.ts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { closeRequest, lockApproval, lockRequestStatus, recordApproval, requestWithApprovals } from "../../db/unit-changes.ts";
import type { IdentityDeps } from "../../deps.ts";
import { requestOutcome, unitChangeMessages } from "../../domain/unit-changes.ts";
import { eventMeta } from "../../events/professionals.ts";
import { type Caller, ownUnit } from "../scope.ts";
import { applyChange } from "./apply-change.ts";

/**
 * 审核机构信息修改 › 批量通过 / 驳回, all in one transaction: each approval of the caller's unit is
 * locked and decided (audit `unitChange.approve|reject`); a request applies when all its approvals
 * approved (domain requestOutcome) and is rejected by any rejection. Raises DomainError NOT_FOUND
 * for an approval not the caller's, CONFLICT (the whole batch) when one was already decided by a
 * concurrent admin. After commit, the admins of a moved subtree lose their sessions: a session
 * holds its unit's path as scope. Returns how many were decided and how many requests applied.
 */
export async function decideUnitChanges(deps: IdentityDeps, caller: Caller, input: DecideUnitChangesInput): Promise<z.infer<typeof UnitChangesDecided>> {
  const approverUnitId = ownUnit(caller.principal);
  const actor = auditActor(caller);
  const meta = eventMeta(caller);
  const result = await deps.db.$transaction(async (tx) => {
    let applied = 0;
    const movedAdmins: string[] = [];
    for (const approvalId of [...new Set(input.approvalIds)]) {
      const approval = await lockApproval(tx, approvalId, approverUnitId);
      if (!approval) throw new DomainError("NOT_FOUND", unitChangeMessages.notFound);
      const requestStatus = await lockRequestStatus(tx, approval.requestId);
      if (approval.status !== "PENDING" || requestStatus !== "PENDING") throw new DomainError("CONFLICT", unitChangeMessages.decided);
      const status = input.decision === "APPROVE" ? "APPROVED" : "REJECTED";
      await recordApproval(tx, approvalId, { status, reason: input.reason || null, decidedBy: caller.principal.accountId });
      const request = await requestWithApprovals(tx, approval.requestId);
      await recordAudit(tx, actor, {
        action: `unitChange.${status === "APPROVED" ? "approve" : "reject"}`,
        entityType: "unitChangeRequest",
        entityId: request.id,
        unitId: request.unitId,
        before: { status: "PENDING" },
        after: { status, reason: input.reason ?? null },
      });
      const outcome = requestOutcome(request.approvals);
      if (outcome === "PENDING") continue;
      await closeRequest(tx, request.id, outcome);
      if (outcome === "APPROVED") {
        movedAdmins.push(...(await applyChange(tx, actor, request, meta)));
        applied++;
      }
    }
    return { decided: input.approvalIds.length, applied, movedAdmins };
  });
  deps.nudgeOutbox();
  for (const accountId of result.movedAdmins) await revokeSessions(deps.redis, accountId);
  return { decided: result.decided, applied: result.applied };
}
