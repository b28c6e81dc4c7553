import type { AuditEntry, Principal } from "@ce/contracts";
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

/** Field names whose values never enter the audit trail in clear (masked forms are fine). */
const SECRET_FIELDS = /^(password|passwordHash|idNumber|idNumberEnc|phone|phoneEnc|token)$/i;

function redact(values: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!values) return null;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? "[redacted]" : v]));
}

/**
 * Writes one audit row inside the mutation's transaction, so the trail holds exactly the
 * changes that committed. `entry.unitId` is the unit whose 操作日志 lists it (and its authorities');
 * before/after hold named fields only (contracts auditFields), names rather than ids.
 * `occurredAt` is now, or the time another service recorded the entry (its event's occurredAt).
 */
export async function recordAudit(tx: Tx, actor: AuditActor, entry: AuditEntry, occurredAt?: Date): Promise<void> {
  await tx.auditLog.create({
    data: {
      ...(occurredAt ? { occurredAt } : {}),
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

/**
 * The names an audit entry stores instead of ids (a unit, department or account as named at the
 * time of the action), null for a null or unknown id.
 */
export const auditNames = {
  async unit(tx: Tx, id: string | null | undefined): Promise<string | null> {
    return id ? ((await tx.unit.findUnique({ where: { id }, select: { name: true } }))?.name ?? null) : null;
  },
  async department(tx: Tx, id: string | null | undefined): Promise<string | null> {
    return id ? ((await tx.department.findUnique({ where: { id }, select: { name: true } }))?.name ?? null) : null;
  },
  async account(tx: Tx, id: string | null | undefined): Promise<string | null> {
    return id ? ((await tx.account.findUnique({ where: { id }, select: { name: true } }))?.name ?? null) : null;
  },
};
