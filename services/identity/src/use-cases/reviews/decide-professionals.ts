import type { BatchOutcome } from "@ce/contracts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { type Decision, lockProfessionals, setProfessionalReview } from "../../db/reviews.ts";
import type { IdentityDeps } from "../../deps.ts";
import { reviewBatch, reviewOutcome } from "../../domain/reviews.ts";
import { eventMeta, publishProfessional } from "../../events/professionals.ts";
import { type Caller, reviewScope } from "../scope.ts";

/**
 * 审核注册人员 › 审核通过 / 驳回 under the batch contract (@ce/contracts batch.ts), in one
 * transaction: raises DomainError NOT_FOUND for the whole batch (nothing written) when any id is
 * not a professional of a unit in the caller's subtree; skips and names (by 姓名) the registrations
 * another admin decided first; decides every other one (audit `professional.approve|reject`, event
 * professional.approved|rejected; the reason is kept only for a rejection). Returns the BatchOutcome.
 */
export async function decideProfessionals(deps: IdentityDeps, caller: Caller, decision: Decision): Promise<BatchOutcome> {
  const scope = reviewScope(caller.principal);
  const actor = auditActor(caller);
  const approve = decision.decision === "APPROVE";
  const result = await deps.db.$transaction(async (tx) => {
    const plan = reviewBatch(decision.ids, await lockProfessionals(tx, scope, decision.ids));
    const status = approve ? "APPROVED" : "REJECTED";
    for (const row of plan.waiting) {
      await setProfessionalReview(tx, row.id, { status, reason: approve ? null : (decision.reason ?? null) });
      await recordAudit(tx, actor, {
        action: approve ? "professional.approve" : "professional.reject",
        entityType: "professional",
        entityId: row.id,
        unitId: row.unitId,
        before: { status: row.status },
        after: { status, reason: decision.reason ?? null },
      });
      await publishProfessional(tx, approve ? "professionalApproved" : "professionalRejected", row.id, eventMeta(caller));
    }
    return reviewOutcome(plan);
  });
  deps.nudgeOutbox();
  return result;
}
