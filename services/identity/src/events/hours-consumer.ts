import { type AuditRecorded, type EventEnvelope, hoursEvents } from "@ce/contracts";
import { type EventHandler, on } from "@ce/service-kit";
import { recordAudit } from "../db/audit.ts";
import type { Tx } from "../db/client.ts";
import { markHoursDeclared } from "../db/import-jobs.ts";

/** An hours admin action into the one audit trail, at the time hours recorded it, with who did it (ADR 015). */
function storeAudit(tx: Tx, event: EventEnvelope<AuditRecorded>): Promise<void> {
  const { actorName, ...entry } = event.data;
  const actor = { accountId: event.actor?.accountId ?? null, name: actorName, unitId: event.actor?.unitId ?? null, requestId: event.correlationId };
  return recordAudit(tx, actor, entry, new Date(event.occurredAt));
}

/**
 * Identity's handlers of CE_HOURS (its durable consumer `identity_CE_HOURS`): hours' audit entries
 * into 操作日志, and a declaration's submission marking its person as having hours (批量导入's undo
 * keeps them).
 */
export const hoursHandlers: EventHandler<Tx>[] = [
  on(hoursEvents.auditRecorded, storeAudit),
  on(hoursEvents.declarationSubmitted, (tx, e) => markHoursDeclared(tx, e.data.accountId, new Date(e.occurredAt))),
];
