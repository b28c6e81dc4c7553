import { identityEvents, ProfessionalSnapshot, profileOf } from "@ce/contracts";
import { type EventMeta, enqueueEvent } from "@ce/service-kit";
import { SCHEMA } from "../config.ts";
import type { Tx } from "../db/client.ts";

type ProfessionalEvent = "professionalRegistered" | "professionalApproved" | "professionalRejected" | "professionalUpdated";

/**
 * The contract snapshot of a professional as stored now: masked ID and the blind index only,
 * never a clear ID or phone number.
 */
export async function professionalSnapshot(tx: Tx, accountId: string): Promise<ProfessionalSnapshot> {
  const row = await tx.professional.findUniqueOrThrow({
    where: { accountId },
    include: { account: { select: { name: true, idType: true, idNumberMasked: true, idNumberHash: true, activated: true } }, unit: { select: { path: true } } },
  });
  return ProfessionalSnapshot.parse({
    accountId: row.accountId,
    name: row.account.name,
    idType: row.account.idType,
    idNumberMasked: row.account.idNumberMasked,
    idNumberHash: row.account.idNumberHash,
    unitId: row.unitId,
    unitPath: row.unit.path,
    departmentId: row.departmentId,
    status: row.status,
    ...profileOf(row),
    registeredAt: row.createdAt.toISOString(),
    activated: row.account.activated,
    version: row.version,
  });
}

/** Writes one professional event (the current snapshot) to the outbox in the caller's transaction. */
export async function publishProfessional(tx: Tx, event: ProfessionalEvent, accountId: string, meta: EventMeta): Promise<ProfessionalSnapshot> {
  const snapshot = await professionalSnapshot(tx, accountId);
  await enqueueEvent(tx, SCHEMA, identityEvents[event], snapshot, meta);
  return snapshot;
}

/** ce.identity.professional.transferred.v1 with the snapshot after the move. */
export async function publishTransferred(tx: Tx, transfer: { transferId: string; accountId: string; fromUnitId: string; toUnitId: string }, meta: EventMeta) {
  const professional = await professionalSnapshot(tx, transfer.accountId);
  await enqueueEvent(
    tx,
    SCHEMA,
    identityEvents.professionalTransferred,
    { transferId: transfer.transferId, professional, fromUnitId: transfer.fromUnitId, toUnitId: transfer.toUnitId },
    meta,
  );
}

// Event metadata has one builder, in service-kit; re-exported for identity's existing importers.
export { eventMeta } from "@ce/service-kit";
