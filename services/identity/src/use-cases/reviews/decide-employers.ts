import type { BatchOutcome } from "@ce/contracts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { type Decision, lockEmployers } from "../../db/reviews.ts";
import type { IdentityDeps } from "../../deps.ts";
import { reviewBatch, reviewOutcome } from "../../domain/reviews.ts";
import { eventMeta } from "../../events/professionals.ts";
import { type Caller, reviewScope } from "../scope.ts";
import { updateUnit } from "../units/write.ts";

/**
 * 审核用人单位 › 批量通过 / 批量不通过 under the batch contract (@ce/contracts batch.ts), in one
 * transaction: raises DomainError NOT_FOUND for the whole batch (nothing written) when any id is
 * not a pending-or-decided employer strictly below the caller; skips and names (by 单位名称) the
 * ones another admin decided first; every other one becomes APPROVED (able to sign in) or REJECTED
 * (unit.updated, audit `unit.approve|reject`). Returns the BatchOutcome.
 */
export async function decideEmployers(deps: IdentityDeps, caller: Caller, decision: Decision): Promise<BatchOutcome> {
  const scope = reviewScope(caller.principal);
  const actor = auditActor(caller);
  const approve = decision.decision === "APPROVE";
  const result = await deps.db.$transaction(async (tx) => {
    const plan = reviewBatch(decision.ids, await lockEmployers(tx, scope, decision.ids));
    const status = approve ? "APPROVED" : "REJECTED";
    for (const row of plan.waiting) {
      await updateUnit(tx, row.id, { status }, eventMeta(caller));
      await recordAudit(tx, actor, {
        action: approve ? "unit.approve" : "unit.reject",
        entityType: "unit",
        entityId: row.id,
        unitId: row.id,
        before: { status: row.status },
        after: { status, reason: decision.reason ?? null },
      });
    }
    return reviewOutcome(plan);
  });
  deps.nudgeOutbox();
  return result;
}
