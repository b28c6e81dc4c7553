import { type AuditValues, type BatchOutcome, isOwnCase } from "@ce/contracts";
import { auditNames } from "../../db/audit.ts";
import type { Tx } from "../../db/client.ts";
import { applyChanges, lockProfileChanges, markProfileChangeReviewed } from "../../db/profile-changes.ts";
import type { Decision } from "../../db/reviews.ts";
import type { IdentityDeps } from "../../deps.ts";
import type { StoredChanges } from "../../domain/profile-changes.ts";
import { eventMeta, publishProfessional } from "../../events/professionals.ts";
import { decideReviewBatch } from "../reviews/decide-batch.ts";
import { type Caller, reviewScope } from "../scope.ts";

/** The requested fields' old or new values as the audit trail keeps them: a 工作部门 by its name, a phone masked. */
async function changedValues(tx: Tx, changes: StoredChanges, side: "old" | "new"): Promise<AuditValues> {
  const values: AuditValues = {};
  for (const [field, change] of Object.entries(changes)) {
    const value = change?.[side] ?? null;
    if (field === "departmentId") values.department = await auditNames.department(tx, value);
    else values[field as Exclude<keyof StoredChanges, "departmentId">] = value;
  }
  return values;
}

/**
 * 审核人员信息修改 › 通过 / 驳回 under the batch contract (@ce/contracts batch.ts), in one
 * transaction: any id outside scope refuses the whole batch (DomainError NOT_FOUND, nothing
 * written); requests another admin decided first are skipped and named (by the person's 姓名), as
 * are the deciding admin's own requests (an admin who is also a professional: contracts isOwnCase);
 * for the others 通过 applies every requested field (professional.updated), 驳回 keeps the profile;
 * audit `profileChange.approve|reject` with the fields' old and (when applied) new values.
 * Returns the BatchOutcome.
 */
export async function decideProfileChanges(deps: IdentityDeps, caller: Caller, decision: Decision): Promise<BatchOutcome> {
  const scope = reviewScope(caller.principal);
  const reviewer = caller.principal.accountId;
  return decideReviewBatch(deps, caller, decision, {
    lock: (tx, ids) => lockProfileChanges(tx, scope, ids),
    isOwn: (row) => isOwnCase(reviewer, [row.accountId]),
    async decide(tx, row, { status, approve }) {
      await markProfileChangeReviewed(tx, row.id, { status, reason: decision.reason ?? null, reviewedBy: reviewer });
      if (!approve) return;
      await applyChanges(tx, row.accountId, row.changes);
      await publishProfessional(tx, "professionalUpdated", row.accountId, eventMeta(caller));
    },
    audit: {
      subject: "profileChange",
      entityType: "profileChangeRequest",
      unitOf: (row) => row.unitId,
      values: async (tx, row, { approve }) => ({
        before: await changedValues(tx, row.changes, "old"),
        after: approve ? await changedValues(tx, row.changes, "new") : {},
      }),
    },
  });
}
