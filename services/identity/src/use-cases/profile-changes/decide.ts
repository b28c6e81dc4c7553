import type { ReviewDecisionResult } from "@ce/contracts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { applyChanges, lockProfileChanges, markProfileChangeReviewed } from "../../db/profile-changes.ts";
import type { Decision } from "../../db/reviews.ts";
import type { IdentityDeps } from "../../deps.ts";
import { reviewBatch } from "../../domain/reviews.ts";
import { eventMeta, publishProfessional } from "../../events/professionals.ts";
import { type Caller, reviewScope } from "../scope.ts";

/**
 * 审核人员信息修改 › 通过 / 驳回 in one transaction: 通过 applies every requested field
 * (professional.updated), 驳回 keeps the profile; audit `profileChange.approve|reject` with the
 * fields' old and (when applied) new values. Ones decided first by another admin come back by
 * name in `alreadyDecided`; any id outside scope refuses the whole batch (DomainError NOT_FOUND).
 */
export async function decideProfileChanges(deps: IdentityDeps, caller: Caller, decision: Decision): Promise<ReviewDecisionResult> {
  const scope = reviewScope(caller.principal);
  const actor = auditActor(caller);
  const result = await deps.db.$transaction(async (tx) => {
    const { pending, alreadyDecided } = reviewBatch(decision.ids, await lockProfileChanges(tx, scope, decision.ids));
    const status = decision.approve ? "APPROVED" : "REJECTED";
    for (const row of pending) {
      await markProfileChangeReviewed(tx, row.id, { status, reason: decision.reason ?? null, reviewedBy: actor.accountId });
      if (decision.approve) await applyChanges(tx, row.accountId, row.changes);
      await recordAudit(tx, actor, {
        action: decision.approve ? "profileChange.approve" : "profileChange.reject",
        entityType: "profileChangeRequest",
        entityId: row.id,
        unitId: row.unitId,
        before: { status: row.status, ...Object.fromEntries(Object.entries(row.changes).map(([f, c]) => [f, c?.old ?? null])) },
        after: {
          status,
          reason: decision.reason ?? null,
          ...(decision.approve ? Object.fromEntries(Object.entries(row.changes).map(([f, c]) => [f, c?.new ?? null])) : {}),
        },
      });
      if (decision.approve) await publishProfessional(tx, "professionalUpdated", row.accountId, eventMeta(caller));
    }
    return { decided: pending.length, alreadyDecided };
  });
  deps.nudgeOutbox();
  return result;
}
