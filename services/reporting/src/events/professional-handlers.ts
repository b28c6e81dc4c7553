import { type EventEnvelope, identityEvents, isNewerSnapshot, type ProfessionalSnapshot, type UnitMoved } from "@ce/contracts";
import { likePrefix, on } from "@ce/service-kit";
import type { Tx } from "../db/client.ts";
import { professionalReplicaRow } from "../domain/professional-replica.ts";

/** Upserts a professional snapshot unless the replica already holds a newer one. */
async function upsertProfessional(tx: Tx, snapshot: ProfessionalSnapshot, occurredAt: string) {
  const held = await tx.professionalReplica.findUnique({ where: { accountId: snapshot.accountId }, select: { version: true } });
  if (!isNewerSnapshot(snapshot, held)) return;
  const row = professionalReplicaRow(snapshot, occurredAt);
  await tx.professionalReplica.upsert({ where: { accountId: snapshot.accountId }, create: { accountId: snapshot.accountId, ...row }, update: row });
}

const snapshotHandler = (tx: Tx, event: EventEnvelope<ProfessionalSnapshot>) => upsertProfessional(tx, event.data, event.occurredAt);

/**
 * 更换上级部门 moved a subtree: every unit and professional path under the old prefix gets the
 * new one. The moved unit's own superior and version change only if the event is newer.
 */
async function applyUnitMoved(tx: Tx, event: EventEnvelope<UnitMoved>) {
  const m = event.data;
  const held = await tx.unitReplica.findUnique({ where: { id: m.unitId }, select: { version: true } });
  await tx.$executeRaw`
    UPDATE reporting.unit_replica SET path = ${m.newPath} || substr(path, ${m.oldPath.length + 1})
    WHERE path LIKE ${likePrefix(m.oldPath)}`;
  await tx.$executeRaw`
    UPDATE reporting.professional_replica SET unit_path = ${m.newPath} || substr(unit_path, ${m.oldPath.length + 1})
    WHERE unit_path LIKE ${likePrefix(m.oldPath)}`;
  if (held && isNewerSnapshot(m, held)) {
    await tx.unitReplica.update({ where: { id: m.unitId }, data: { superiorId: m.newSuperiorId, version: m.version, updatedAt: new Date(event.occurredAt) } });
  }
}

/** The reporting consumer's handlers for professional events and unit moves. */
export const professionalHandlers = [
  on<Tx, typeof identityEvents.professionalRegistered.data>(identityEvents.professionalRegistered, snapshotHandler),
  on<Tx, typeof identityEvents.professionalApproved.data>(identityEvents.professionalApproved, snapshotHandler),
  on<Tx, typeof identityEvents.professionalRejected.data>(identityEvents.professionalRejected, snapshotHandler),
  on<Tx, typeof identityEvents.professionalUpdated.data>(identityEvents.professionalUpdated, snapshotHandler),
  on<Tx, typeof identityEvents.professionalTransferred.data>(identityEvents.professionalTransferred, (tx, event) =>
    upsertProfessional(tx, event.data.professional, event.occurredAt),
  ),
  on<Tx, typeof identityEvents.unitMoved.data>(identityEvents.unitMoved, applyUnitMoved),
];
