import { z } from "zod";
import { AuditRecorded } from "../audit.ts";
import { RejectReasonCode } from "../hours/approvals.ts";
import { DeclarationStatus } from "../hours/declarations.ts";
import { Subject } from "../hours/forms.ts";
import { defineEvent } from "./envelope.ts";

/**
 * A declaration (学时申报) as consumers see it after a change: who, which year and subject, the
 * hours claimed, computed and recognised, and where it stands. `reason` is set on rejections,
 * failed audits and voids.
 */
export const DeclarationEvent = z.object({
  declarationId: z.uuid(),
  accountId: z.uuid(),
  professionalName: z.string(),
  unitId: z.uuid(),
  unitPath: z.string(),
  year: z.number().int(),
  subject: Subject,
  formCode: z.string(),
  formVersion: z.number().int().positive(),
  requestedHours: z.number(),
  computedHours: z.number(),
  recognizedHours: z.number().nullable(),
  status: DeclarationStatus,
  currentHandlerId: z.uuid().nullable(),
  reason: z.string().nullable(),
  /**
   * The unit whose 审核通过 / 驳回 ended the chain (approved and rejected events). Optional, a
   * compatible addition: events published before it existed have none.
   */
  decidedByUnitId: z.uuid().nullable().optional(),
  /**
   * The unit whose admin declared it (a CE base for its class, an employer), null when the person
   * declared it themself; optional like decidedByUnitId.
   */
  declaredByUnitId: z.uuid().nullable().optional(),
  /**
   * The admin whose 审核通过 / 驳回 ended the chain (approved and rejected events): account id and
   * name as signed in. Optional like decidedByUnitId: events published before them have none.
   */
  decidedByAccountId: z.uuid().nullable().optional(),
  decidedByName: z.string().nullable().optional(),
  /** 驳回原因's code (rejectReasons) on a rejected event; optional like decidedByUnitId. */
  reasonCode: RejectReasonCode.nullable().optional(),
});
export type DeclarationEvent = z.infer<typeof DeclarationEvent>;

export const hoursEvents = {
  declarationSubmitted: defineEvent("ce.hours.declaration.submitted.v1", "CE_HOURS", DeclarationEvent),
  /** The last level of the chain approved: recognizedHours count towards the person's year. */
  declarationApproved: defineEvent("ce.hours.declaration.approved.v1", "CE_HOURS", DeclarationEvent),
  declarationRejected: defineEvent("ce.hours.declaration.rejected.v1", "CE_HOURS", DeclarationEvent),
  declarationWithdrawn: defineEvent("ce.hours.declaration.withdrawn.v1", "CE_HOURS", DeclarationEvent),
  /** 成果备案 passed (已备案). */
  declarationAudited: defineEvent("ce.hours.declaration.audited.v1", "CE_HOURS", DeclarationEvent),
  declarationAuditFailed: defineEvent("ce.hours.declaration.auditFailed.v1", "CE_HOURS", DeclarationEvent),
  /** The hours no longer count; the person must declare again. */
  declarationVoided: defineEvent("ce.hours.declaration.voided.v1", "CE_HOURS", DeclarationEvent),
  /** An admin action in hours for the one 操作日志 (identity stores it: ADR 015). */
  auditRecorded: defineEvent("ce.hours.audit.recorded.v1", "CE_HOURS", AuditRecorded),
} as const;
