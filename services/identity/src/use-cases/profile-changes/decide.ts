import type { BatchOutcome } from "@ce/contracts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { applyChanges, lockProfileChanges, markProfileChangeReviewed } from "../../db/profile-changes.ts";
import type { Decision } from "../../db/reviews.ts";
import type { IdentityDeps } from "../../deps.ts";
import { reviewBatch, reviewOutcome } from "../../domain/reviews.ts";
import { eventMeta, publishProfessional } from "../../events/professionals.ts";
import { type Caller, reviewScope } from "../scope.ts";

/**
 * 审核人员信息修改 › 通过 / 驳回 under the batch contract (@ce/contracts batch.ts), in one
 * transaction: any id outside scope refuses the whole batch (DomainError NOT_FOUND, nothing
 * written); requests another admin decided first are skipped and named (by the person's 姓名);
 * for the others 通过 applies every requested field (professional.updated), 驳回 keeps the profile;
 * audit `profileChange.approve|reject` with the fields' old and (when applied) new values.
 * Returns the BatchOutcome.
 */
export async function decideProfileChanges(deps: IdentityDeps, caller: Caller, decision: Decision): Promise<BatchOutcome> {
  const scope = reviewScope(caller.principal);
  const actor = auditActor(caller);
  const approve = decision.decision === "APPROVE";
  const result = await deps.db.$transaction(async (tx) => {
    const plan = reviewBatch(decision.ids, await lockProfileChanges(tx, scope, decision.ids));
    const status = approve ? "APPROVED" : "REJECTED";
    for (const row of plan.waiting) {
      await markProfileChangeReviewed(tx, row.id, { status, reason: decision.reason ?? null, reviewedBy: actor.accountId });
      if (approve) await applyChanges(tx, row.accountId, row.changes);
      await recordAudit(tx, actor, {
        action: approve ? "profileChange.approve" : "profileChange.reject",
        entityType: "profileChangeRequest",
        entityId: row.id,
        unitId: row.unitId,
        before: { status: row.status, ...Object.fromEntries(Object.entries(row.changes).map(([f, c]) => [f, c?.old ?? null])) },
        after: {
          status,
          reason: decision.reason ?? null,
          ...(approve ? Object.fromEntries(Object.entries(row.changes).map(([f, c]) => [f, c?.new ?? null])) : {}),
        },
      });
      if (approve) await publishProfessional(tx, "professionalUpdated", row.accountId, eventMeta(caller));
    }
    return reviewOutcome(plan);
  });
  deps.nudgeOutbox();
  return result;
}
