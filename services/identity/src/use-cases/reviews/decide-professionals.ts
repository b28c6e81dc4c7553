import type { BatchOutcome } from "@ce/contracts";
import { type Decision, lockProfessionals, setProfessionalReview } from "../../db/reviews.ts";
import type { IdentityDeps } from "../../deps.ts";
import { eventMeta, publishProfessional } from "../../events/professionals.ts";
import { type Caller, reviewScope } from "../scope.ts";
import { decideReviewBatch, rejectionMail } from "./decide-batch.ts";

/**
 * 审核注册人员 › 审核通过 / 驳回 under the batch contract (@ce/contracts batch.ts), in one
 * transaction: raises DomainError NOT_FOUND for the whole batch (nothing written) when any id is
 * not a professional of a unit in the caller's subtree; skips and names (by 姓名) the registrations
 * another admin decided first, and those submitted again after the reviewer's page showed them
 * (`decision.seenAt`: a rejected registration its applicant replaced must not be approved unseen);
 * decides every other one (audit `professional.approve|reject`, event
 * professional.approved|rejected; the reason is kept only for a rejection); a 驳回ed applicant with an
 * e-mail address is told the reason and how to register again (rejectionMail). Returns the BatchOutcome.
 */
export async function decideProfessionals(deps: IdentityDeps, caller: Caller, decision: Decision): Promise<BatchOutcome> {
  const scope = reviewScope(caller.principal);
  return decideReviewBatch(deps, caller, decision, {
    lock: async (tx, ids) => {
      const rows = await lockProfessionals(tx, scope, ids);
      const seenAt = decision.seenAt ? new Date(decision.seenAt) : null;
      // Submitted after the page was shown: not the registration the reviewer saw — skipped like one decided meanwhile.
      return rows.map((row) => (seenAt && row.submittedAt > seenAt ? { ...row, status: "RESUBMITTED" } : row));
    },
    async decide(tx, row, { status, approve }) {
      await setProfessionalReview(tx, row.id, { status, reason: approve ? null : (decision.reason ?? null) });
      await publishProfessional(tx, approve ? "professionalApproved" : "professionalRejected", row.id, eventMeta(caller));
    },
    notify: (row, { approve }) => (approve || !row.email ? null : rejectionMail(deps, caller, decision, row.email, row.name, "PROFESSIONAL")),
    audit: { subject: "professional", entityType: "professional", unitOf: (row) => row.unitId },
  });
}
