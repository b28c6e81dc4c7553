import { type AuditEntry, hoursEvents, type Principal } from "@ce/contracts";
import { enqueueEvent, eventMeta, type SqlClient } from "@ce/service-kit";
import { SCHEMA } from "../config.ts";

/**
 * Records one admin action of hours for the one 操作日志: ce.hours.audit.recorded.v1 into the outbox
 * in the action's transaction (so the entry exists if and only if the change committed), stored by
 * identity's consumer (ADR 015). before/after hold named fields only (contracts auditFields), names
 * rather than ids: a person or unit as named at the time of the action.
 */
export async function recordAudit(tx: SqlClient, caller: { principal: Principal; requestId: string }, entry: AuditEntry): Promise<void> {
  await enqueueEvent(tx, SCHEMA, hoursEvents.auditRecorded, { ...entry, actorName: caller.principal.name }, eventMeta(caller));
}
