import { batchOutcome, type DecideUnitChangesInput, planBatch, type UnitChangesDecided } from "@ce/contracts";
import { revokeSessions } from "../../auth/sessions.ts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { closeRequest, lockApprovals, recordApproval, requestWithApprovals } from "../../db/unit-changes.ts";
import type { IdentityDeps } from "../../deps.ts";
import { requestOutcome, unitChangeMessages } from "../../domain/unit-changes.ts";
import { eventMeta } from "../../events/professionals.ts";
import { type Caller, ownUnit } from "../scope.ts";
import { applyChange } from "./apply-change.ts";

/**
 * 审核机构信息修改 › 批量通过 / 驳回, on the one batch contract (packages/contracts/src/batch.ts), in
 * one transaction: the approvals of the caller's unit are locked with their requests; any id not
 * the caller's refuses the whole batch (DomainError NOT_FOUND, nothing written); approvals no
 * longer waiting (decided by another admin, request withdrawn) are skipped and named; each other
 * one is decided (audit `unitChange.approve|reject`), and a request applies when all its approvals
 * approved (domain requestOutcome) and is rejected by any rejection. After commit, the admins of a
 * moved subtree lose their sessions: a session holds its unit's path as scope. Returns the outcome
 * and how many requests took effect.
 */
export async function decideUnitChanges(deps: IdentityDeps, caller: Caller, input: DecideUnitChangesInput): Promise<UnitChangesDecided> {
  const approverUnitId = ownUnit(caller.principal);
  const actor = auditActor(caller);
  const meta = eventMeta(caller);
  const status = input.decision === "APPROVE" ? "APPROVED" : "REJECTED";
  const result = await deps.db.$transaction(async (tx) => {
    const plan = planBatch(input.ids, await lockApprovals(tx, input.ids, approverUnitId), {
      isWaiting: (a) => a.status === "PENDING" && a.requestStatus === "PENDING",
      notFound: unitChangeMessages.notFound,
    });
    let applied = 0;
    const movedAdmins: string[] = [];
    for (const approval of plan.waiting) {
      await recordApproval(tx, approval.id, { status, reason: input.reason || null, decidedBy: caller.principal.accountId });
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
    return { outcome: batchOutcome(plan, (a) => `${a.unitName}的申请`), applied, movedAdmins };
  });
  deps.nudgeOutbox();
  for (const accountId of result.movedAdmins) await revokeSessions(deps.redis, accountId);
  return { ...result.outcome, applied: result.applied };
}
