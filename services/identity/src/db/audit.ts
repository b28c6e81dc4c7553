import type { AuditAction, Principal } from "@ce/contracts";
import type { Tx } from "./client.ts";

/** Who acted: the signed-in caller (null for self-registration and other anonymous actions). */
export interface AuditActor {
  accountId: string | null;
  name: string | null;
  unitId: string | null;
  requestId: string | null;
}

export function auditActor(ctx: { principal: Principal | null; requestId: string }): AuditActor {
  return {
    accountId: ctx.principal?.accountId ?? null,
    name: ctx.principal?.name ?? null,
    unitId: ctx.principal?.unitId ?? null,
    requestId: ctx.requestId,
  };
}

export interface AuditEntry {
  /** `<entity>.<verb>`, e.g. "department.create", "admin.disable": one of contracts' auditActionLabels, so 操作日志 names it. */
  action: AuditAction;
  entityType: string;
  entityId: string;
  /** The unit the change concerns; the audit page of that unit's super admin lists it. */
  unitId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Field names whose values never enter the audit trail in clear (masked forms are fine). */
const SECRET_FIELDS = /^(password|passwordHash|idNumber|idNumberEnc|phone|phoneEnc|token)$/i;

function redact(values: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!values) return null;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? "[redacted]" : v]));
}

/**
 * Writes one audit row inside the mutation's transaction, so the trail holds exactly the
 * changes that committed.
 */
export async function recordAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.accountId,
      actorName: actor.name,
      actorUnitId: actor.unitId,
      unitId: entry.unitId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: (redact(entry.before) ?? undefined) as never,
      after: (redact(entry.after) ?? undefined) as never,
      requestId: actor.requestId,
    },
  });
}
