import { z } from "zod";
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
} as const;
