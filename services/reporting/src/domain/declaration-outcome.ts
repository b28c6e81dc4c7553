// The dashboards' facts of one declaration (migration 0011) from one hours event: which columns the
// event sets. Pure; the upsert merges them order-free (first non-null, earliest failed audit).
import type { DeclarationEvent } from "@ce/contracts";
import type { HourEventKind } from "./hour-record.ts";

/** What one event says of a declaration's outcome; null: says nothing of it. */
export interface OutcomeFacts {
  declarationId: string;
  firstHandlerId: string | null;
  /** The admin's unit that declared it (a CE base); undefined: the event does not say (null: the person). */
  declaredByUnitId: string | null;
  decidedByUnitId: string | null;
  /** The admin who decided, as the event names them (events since hours sends them). */
  decidedByAccountId: string | null;
  decidedByName: string | null;
  rejectReasonCode: string | null;
  rejectReason: string | null;
  auditFailedAt: Date | null;
}

/**
 * The facts an event of `kind` carries: submitted → the unit it waits for first and the declaring
 * admin's unit; approved /
 * rejected → the deciding unit and admin (events since hours sends them); rejected → 驳回原因's code and text;
 * auditFailed → its instant. Other kinds carry none (null: nothing to write).
 */
export function outcomeFacts(kind: HourEventKind, occurredAt: Date, e: DeclarationEvent): OutcomeFacts | null {
  const none = {
    declarationId: e.declarationId,
    firstHandlerId: null,
    declaredByUnitId: null,
    decidedByUnitId: null,
    decidedByAccountId: null,
    decidedByName: null,
    rejectReasonCode: null,
    rejectReason: null,
    auditFailedAt: null,
  };
  if (kind === "submitted") return { ...none, firstHandlerId: e.currentHandlerId, declaredByUnitId: e.declaredByUnitId ?? null };
  const decider = { decidedByUnitId: e.decidedByUnitId ?? null, decidedByAccountId: e.decidedByAccountId ?? null, decidedByName: e.decidedByName ?? null };
  if (kind === "approved") return e.decidedByUnitId || e.decidedByAccountId ? { ...none, ...decider } : null;
  if (kind === "rejected") return { ...none, ...decider, rejectReasonCode: e.reasonCode ?? null, rejectReason: e.reason };
  if (kind === "auditFailed") return { ...none, auditFailedAt: occurredAt };
  return null;
}
