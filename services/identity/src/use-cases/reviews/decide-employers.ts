import type { ReviewDecisionResult } from "@ce/contracts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { type Decision, lockEmployers } from "../../db/reviews.ts";
import type { IdentityDeps } from "../../deps.ts";
import { reviewBatch } from "../../domain/reviews.ts";
import { eventMeta } from "../../events/professionals.ts";
import { type Caller, reviewScope } from "../scope.ts";
import { updateUnit } from "../units/write.ts";

/**
 * 审核用人单位 › 批量通过 / 批量不通过: in one transaction, every still-pending employer strictly
 * below the caller becomes APPROVED (able to sign in) or REJECTED (unit.updated, audit
 * `unit.approve|reject`); ones a concurrent admin decided first come back by name in
 * `alreadyDecided`. Raises DomainError NOT_FOUND for the whole batch when any id is outside scope.
 */
export async function decideEmployers(deps: IdentityDeps, caller: Caller, decision: Decision): Promise<ReviewDecisionResult> {
  const scope = reviewScope(caller.principal);
  const actor = auditActor(caller);
  const result = await deps.db.$transaction(async (tx) => {
    const { pending, alreadyDecided } = reviewBatch(decision.ids, await lockEmployers(tx, scope, decision.ids));
    const status = decision.approve ? "APPROVED" : "REJECTED";
    for (const row of pending) {
      await updateUnit(tx, row.id, { status }, eventMeta(caller));
      await recordAudit(tx, actor, {
        action: decision.approve ? "unit.approve" : "unit.reject",
        entityType: "unit",
        entityId: row.id,
        unitId: row.id,
        before: { status: row.status },
        after: { status, reason: decision.reason ?? null },
      });
    }
    return { decided: pending.length, alreadyDecided };
  });
  deps.nudgeOutbox();
  return result;
}
