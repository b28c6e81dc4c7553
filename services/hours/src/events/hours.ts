import { type DeclarationEvent, DeclarationStatus, type EventDefinition, Subject } from "@ce/contracts";
import { dbValue, type EventMeta, enqueueEvent, type SqlClient } from "@ce/service-kit";
import type { z } from "zod";
import { SCHEMA } from "../config.ts";

/** The declaration columns an event carries. */
export interface DeclarationForEvent {
  id: string;
  professionalId: string;
  professionalName: string;
  unitId: string;
  unitPath: string;
  year: number;
  subject: string;
  requestedHours: number;
  computedHours: number;
  recognizedHours: number | null;
  status: string;
  currentHandlerId: string | null;
  /** The declaring admin's unit (null: the person themself); carried as declaredByUnitId when the row has it. */
  declaredByUnit?: string | null;
  formVersion: { version: number; form: { code: string } };
}

/**
 * Writes one ce.hours.declaration.* event to the outbox in the caller's transaction. `decision`
 * (approved / rejected events): the deciding unit and admin and 驳回原因's code, for reporting's dashboards.
 */
export function declarationEvent(
  tx: SqlClient,
  def: EventDefinition<z.ZodType<DeclarationEvent>>,
  d: DeclarationForEvent,
  meta: EventMeta,
  reason: string | null = null,
  decision?: Pick<DeclarationEvent, "decidedByUnitId" | "decidedByAccountId" | "decidedByName" | "reasonCode">,
) {
  const data: DeclarationEvent = {
    declarationId: d.id,
    accountId: d.professionalId,
    professionalName: d.professionalName,
    unitId: d.unitId,
    unitPath: d.unitPath,
    year: d.year,
    subject: dbValue(Subject, d.subject, "hours.declaration.subject"),
    formCode: d.formVersion.form.code,
    formVersion: d.formVersion.version,
    requestedHours: d.requestedHours,
    computedHours: d.computedHours,
    recognizedHours: d.recognizedHours,
    status: dbValue(DeclarationStatus, d.status, "hours.declaration.status"),
    currentHandlerId: d.currentHandlerId,
    reason,
    ...(d.declaredByUnit !== undefined ? { declaredByUnitId: d.declaredByUnit } : {}),
    ...decision,
  };
  return enqueueEvent(tx, SCHEMA, def, data, meta);
}
