import type { BatchOutcome } from "@ce/contracts";
import { type Decision, lockEmployers } from "../../db/reviews.ts";
import type { IdentityDeps } from "../../deps.ts";
import { eventMeta } from "../../events/professionals.ts";
import { type Caller, reviewScope } from "../scope.ts";
import { updateUnit } from "../units/write.ts";
import { decideReviewBatch, rejectionMail } from "./decide-batch.ts";

/**
 * 审核用人单位 › 批量通过 / 批量不通过 under the batch contract (@ce/contracts batch.ts), in one
 * transaction: raises DomainError NOT_FOUND for the whole batch (nothing written) when any id is
 * not a pending-or-decided employer strictly below the caller; skips and names (by 单位名称) the
 * ones another admin decided first; every other one becomes APPROVED (able to sign in) or REJECTED
 * (unit.updated, audit `unit.approve|reject`); the applicant (the unit's super admin) of one 不通过
 * is told the reason and how to register again by e-mail (rejectionMail). Returns the BatchOutcome.
 */
export async function decideEmployers(deps: IdentityDeps, caller: Caller, decision: Decision): Promise<BatchOutcome> {
  const scope = reviewScope(caller.principal);
  return decideReviewBatch(deps, caller, decision, {
    lock: (tx, ids) => lockEmployers(tx, scope, ids),
    async decide(tx, row, { status }) {
      await updateUnit(tx, row.id, { status }, eventMeta(caller));
    },
    notify: (row, { approve }) =>
      approve || !row.applicantEmail ? null : rejectionMail(deps, caller, decision, row.applicantEmail, row.applicantName ?? row.name, "EMPLOYER"),
    audit: { subject: "unit", entityType: "unit", unitOf: (row) => row.id },
  });
}
