import { type EventEnvelope, identityEvents, isNewerSnapshot, type ProfessionalSnapshot } from "@ce/contracts";
import { on } from "@ce/service-kit";
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
/** The reporting consumer's handlers for professional events (unit events: the shared unit-replica handlers). */
export const professionalHandlers = [
  on<Tx, typeof identityEvents.professionalRegistered.data>(identityEvents.professionalRegistered, snapshotHandler),
  on<Tx, typeof identityEvents.professionalApproved.data>(identityEvents.professionalApproved, snapshotHandler),
  on<Tx, typeof identityEvents.professionalRejected.data>(identityEvents.professionalRejected, snapshotHandler),
  on<Tx, typeof identityEvents.professionalUpdated.data>(identityEvents.professionalUpdated, snapshotHandler),
  on<Tx, typeof identityEvents.professionalTransferred.data>(identityEvents.professionalTransferred, (tx, event) =>
    upsertProfessional(tx, event.data.professional, event.occurredAt),
  ),
];
