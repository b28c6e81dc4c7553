import type { ReviewDecisionResult } from "@ce/contracts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { type Decision, lockProfessionals, setProfessionalReview } from "../../db/reviews.ts";
import type { IdentityDeps } from "../../deps.ts";
import { reviewBatch } from "../../domain/reviews.ts";
import { eventMeta, publishProfessional } from "../../events/professionals.ts";
import { type Caller, reviewScope } from "../scope.ts";

/**
 * 审核注册人员 › 审核通过 / 驳回: in one transaction, every still-pending registration of a unit in
 * the caller's subtree is decided (audit `professional.approve|reject`, event
 * professional.approved|rejected; the reason is kept only for a rejection); ones decided first by
 * another admin come back by name in `alreadyDecided`. Raises DomainError NOT_FOUND for the whole
 * batch when any id is outside scope.
 */
export async function decideProfessionals(deps: IdentityDeps, caller: Caller, decision: Decision): Promise<ReviewDecisionResult> {
  const scope = reviewScope(caller.principal);
  const actor = auditActor(caller);
  const result = await deps.db.$transaction(async (tx) => {
    const { pending, alreadyDecided } = reviewBatch(decision.ids, await lockProfessionals(tx, scope, decision.ids));
    const status = decision.approve ? "APPROVED" : "REJECTED";
    for (const row of pending) {
      await setProfessionalReview(tx, row.id, { status, reason: decision.approve ? null : (decision.reason ?? null) });
      await recordAudit(tx, actor, {
        action: decision.approve ? "professional.approve" : "professional.reject",
        entityType: "professional",
        entityId: row.id,
        unitId: row.unitId,
        before: { status: row.status },
        after: { status, reason: decision.reason ?? null },
      });
      await publishProfessional(tx, decision.approve ? "professionalApproved" : "professionalRejected", row.id, eventMeta(caller));
    }
    return { decided: pending.length, alreadyDecided };
  });
  deps.nudgeOutbox();
  return result;
}
