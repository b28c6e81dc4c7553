import {
  type EventEnvelope,
  identityEvents,
  isNewerSnapshot,
  type ProfessionalRemoved,
  type ProfessionalSnapshot,
  type ProfessionalTransferred,
} from "@ce/contracts";
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

/**
 * A professional removed (批量导入 undone: identity removes only people nobody touched, hours
 * declared included): they leave the replica, so nobody can declare hours for them any more. A
 * person who has declarations here all the same (one declared while the undo ran) stays — the
 * declarations reference them — and the replica is left as it is; identity keeps such people
 * once it hears of their hours. An older removal than the snapshot held changes nothing.
 */
async function removeProfessional(tx: Tx, event: EventEnvelope<ProfessionalRemoved>) {
  const { accountId, version } = event.data;
  const held = await tx.professionalReplica.findUnique({ where: { accountId }, select: { version: true } });
  if (!held || !isNewerSnapshot({ version }, held)) return;
  await tx.$executeRawUnsafe(
    `DELETE FROM ${SCHEMA}.professional_replica r WHERE r.account_id = $1::uuid
       AND NOT EXISTS (SELECT 1 FROM ${SCHEMA}.declaration d WHERE d.professional_id = r.account_id)`,
    accountId,
  );
}

/** Hours' handlers of CE_IDENTITY (its durable consumer `hours_CE_IDENTITY`): the unit and professional replicas. */
export const identityHandlers: EventHandler<Tx>[] = [
  ...unitReplica,
  on(identityEvents.professionalRegistered, professionalChanged),
  on(identityEvents.professionalApproved, professionalChanged),
  on(identityEvents.professionalRejected, professionalChanged),
  on(identityEvents.professionalUpdated, professionalChanged),
  on(identityEvents.professionalTransferred, professionalTransferred),
  on(identityEvents.professionalRemoved, removeProfessional),
];
