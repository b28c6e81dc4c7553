import type { AuditAction, AuditEntity, AuditValues, BatchOutcome } from "@ce/contracts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import type { Tx } from "../../db/client.ts";
import type { Decision } from "../../db/reviews.ts";
import type { IdentityDeps } from "../../deps.ts";
import { type RegistrationKind, registrationRejectedMail } from "../../domain/registration.ts";
import { reviewBatch, reviewOutcome } from "../../domain/reviews.ts";
import { type OutgoingMail, sendInBackground } from "../../mail/mailer.ts";
import type { Caller } from "../scope.ts";

/** What a review decides for one row: its new status, and whether that is 通过. */
export interface RowDecision {
  status: "APPROVED" | "REJECTED";
  approve: boolean;
}

/** A reviewed row as every 审核 batch locks it: its id, the name it is shown by, and its status. */
interface ReviewedRow {
  id: string;
  name: string;
  status: string;
}

/** How one kind of review is run: its rows, its own writes per row, and its audit entry. */
export interface Review<Row extends ReviewedRow> {
  /** Reads the batch's rows FOR UPDATE, in the caller's scope only. */
  lock: (tx: Tx, ids: string[]) => Promise<Row[]>;
  /** A row the caller is a party to (their own 信息修改), skipped as OWN_CASE. */
  isOwn?: (row: Row) => boolean;
  /** Writes one row's decision: its status and events (the audit entry is written after it). */
  decide: (tx: Tx, row: Row, decided: RowDecision) => Promise<void>;
  /** The mail to the row's applicant about its decision, sent after the batch commits (null: none). */
  notify?: (row: Row, decided: RowDecision) => OutgoingMail | null;
  /**
   * The audit entry: `<subject>.approve|reject` on `entityType`, in the unit `unitOf(row)`, before
   * { name, status } and after { name, status, reason }, plus what `values` adds to each side.
   */
  audit: {
    subject: "unit" | "professional" | "profileChange";
    entityType: AuditEntity;
    unitOf: (row: Row) => string;
    values?: (tx: Tx, row: Row, decided: RowDecision) => Promise<{ before: AuditValues; after: AuditValues }>;
  };
}

/**
 * The skeleton every 审核 batch shares (审核用人单位, 审核注册人员, 审核人员信息修改), under the batch
 * contract (@ce/contracts batch.ts), in one transaction: `lock` reads the batch's rows; any requested
 * id it did not find refuses the whole batch (DomainError NOT_FOUND, nothing written: domain
 * reviewBatch); rows no longer PENDING (decided first by another admin), or the caller's own
 * (`isOwn`), are skipped and named; each other row is decided (`decide`) and audited. Nudges the
 * outbox after commit, then sends each decided row's `notify` mail (in the background), and returns the BatchOutcome, each row named by its `name` (domain reviewOutcome).
 */
export async function decideReviewBatch<Row extends ReviewedRow>(
  deps: IdentityDeps,
  caller: Caller,
  decision: Decision,
  review: Review<Row>,
): Promise<BatchOutcome> {
  const actor = auditActor(caller);
  const approve = decision.decision === "APPROVE";
  const decided: RowDecision = { status: approve ? "APPROVED" : "REJECTED", approve };
  const action = `${review.audit.subject}.${approve ? "approve" : "reject"}` as const satisfies AuditAction;
  const mails: OutgoingMail[] = [];
  const result = await deps.db.$transaction(async (tx) => {
    mails.length = 0;
    const plan = reviewBatch(decision.ids, await review.lock(tx, decision.ids), review.isOwn);
    for (const row of plan.waiting) {
      await review.decide(tx, row, decided);
      const values = (await review.audit.values?.(tx, row, decided)) ?? { before: {}, after: {} };
      await recordAudit(tx, actor, {
        action,
        entityType: review.audit.entityType,
        entityId: row.id,
        unitId: review.audit.unitOf(row),
        before: { name: row.name, status: row.status, ...values.before },
        after: { name: row.name, status: decided.status, reason: decision.reason ?? null, ...values.after },
      });
      const mail = review.notify?.(row, decided);
      if (mail) mails.push(mail);
    }
    return reviewOutcome(plan);
  });
  deps.nudgeOutbox();
  for (const mail of mails) sendInBackground(deps.mailer, mail, deps.log);
  return result;
}

/**
 * The mail to `to` (the applicant `name`) after their registration of `kind` was rejected in this
 * batch: the batch's reason, the reviewing unit and the form to register again (domain registrationRejectedMail).
 */
export function rejectionMail(deps: IdentityDeps, caller: Caller, decision: Decision, to: string, name: string, kind: RegistrationKind): OutgoingMail {
  const link = `${deps.config.PORTAL_URL}/register/${kind === "EMPLOYER" ? "employer" : "professional"}`;
  return { to, ...registrationRejectedMail({ name, kind, reason: decision.reason ?? null, reviewer: caller.principal.unitName, link }) };
}
