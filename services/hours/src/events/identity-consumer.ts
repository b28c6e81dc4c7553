import { type EventEnvelope, identityEvents, isNewerSnapshot, type ProfessionalSnapshot, type ProfessionalTransferred } from "@ce/contracts";
import { type EventHandler, on, unitReplicaHandlers } from "@ce/service-kit";
import { SCHEMA } from "../config.ts";
import type { Tx } from "../db/client.ts";

/** Hours' copy of a unit: what approval chains and scopes need; paths also live on people and declarations. */
const unitReplica = unitReplicaHandlers<Tx>({
  schema: SCHEMA,
  columns: (s) => ({ name: s.name, kind: s.kind, superior_id: s.superiorId, region: s.region, path: s.path, status: s.status }),
  pathColumns: [
    ["professional_replica", "unit_path"],
    ["declaration", "unit_path"],
  ],
});

async function upsertProfessional(tx: Tx, s: ProfessionalSnapshot, at: string) {
  const held = await tx.professionalReplica.findUnique({ where: { accountId: s.accountId }, select: { version: true } });
  if (!isNewerSnapshot(s, held)) return;
  const row = {
    name: s.name,
    idNumberMasked: s.idNumberMasked,
    unitId: s.unitId,
    unitPath: s.unitPath,
    status: s.status,
    version: s.version,
    updatedAt: new Date(at),
  };
  await tx.professionalReplica.upsert({ where: { accountId: s.accountId }, create: { accountId: s.accountId, ...row }, update: row });
}

const professionalChanged = (tx: Tx, event: EventEnvelope<ProfessionalSnapshot>) => upsertProfessional(tx, event.data, event.occurredAt);
// The person's declarations stay with their history; only where they work now changes.
const professionalTransferred = (tx: Tx, event: EventEnvelope<ProfessionalTransferred>) => upsertProfessional(tx, event.data.professional, event.occurredAt);

/** Hours' handlers of CE_IDENTITY (its durable consumer `hours_CE_IDENTITY`): the unit and professional replicas. */
export const identityHandlers: EventHandler<Tx>[] = [
  ...unitReplica,
  on(identityEvents.professionalRegistered, professionalChanged),
  on(identityEvents.professionalApproved, professionalChanged),
  on(identityEvents.professionalRejected, professionalChanged),
  on(identityEvents.professionalUpdated, professionalChanged),
  on(identityEvents.professionalTransferred, professionalTransferred),
];
