import {
  type EventEnvelope,
  identityEvents,
  isNewerSnapshot,
  type ProfessionalSnapshot,
  type ProfessionalTransferred,
  type UnitMoved,
  type UnitSnapshot,
} from "@ce/contracts";
import { type Infra, likePrefix, on, startConsumer } from "@ce/service-kit";
import { SCHEMA } from "../config.ts";
import type { Db, Tx } from "../db/client.ts";

/** Durable consumer name on CE_IDENTITY: `hours_CE_IDENTITY` (with the test prefix, if any). */
export const CONSUMER = "hours";

async function upsertReplica(tx: Tx, event: EventEnvelope<UnitSnapshot>) {
  const s = event.data;
  const held = await tx.unitReplica.findUnique({ where: { id: s.unitId }, select: { version: true } });
  if (!isNewerSnapshot(s, held)) return;
  const row = {
    name: s.name,
    kind: s.kind,
    superiorId: s.superiorId,
    region: s.region,
    path: s.path,
    status: s.status,
    version: s.version,
    updatedAt: new Date(event.occurredAt),
  };
  await tx.unitReplica.upsert({ where: { id: s.unitId }, create: { id: s.unitId, ...row }, update: row });
}

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

/** A unit moved: every replica path under its old path is rewritten, the subtree's people and declarations included. */
async function unitMoved(tx: Tx, event: EventEnvelope<UnitMoved>) {
  const m = event.data;
  const held = await tx.unitReplica.findUnique({ where: { id: m.unitId }, select: { version: true } });
  if (!held || !isNewerSnapshot(m, held)) return;
  const rewrite = (table: string, column: string) =>
    tx.$executeRawUnsafe(
      `UPDATE ${SCHEMA}.${table} SET ${column} = $2 || substr(${column}, length($1) + 1) WHERE ${column} LIKE $3`,
      m.oldPath,
      m.newPath,
      likePrefix(m.oldPath),
    );
  await rewrite("unit_replica", "path");
  await rewrite("professional_replica", "unit_path");
  await rewrite("declaration", "unit_path");
  await tx.unitReplica.update({ where: { id: m.unitId }, data: { superiorId: m.newSuperiorId, version: m.version, updatedAt: new Date(event.occurredAt) } });
}

export function startIdentityConsumer(db: Db, infra: Infra) {
  return startConsumer<Tx>({
    name: CONSUMER,
    stream: "CE_IDENTITY",
    db,
    schema: SCHEMA,
    js: infra.nats.js,
    jsm: infra.nats.jsm,
    naming: infra.naming,
    log: infra.log,
    handlers: [
      on(identityEvents.unitCreated, upsertReplica),
      on(identityEvents.unitUpdated, upsertReplica),
      on(identityEvents.unitMoved, unitMoved),
      on(identityEvents.professionalRegistered, professionalChanged),
      on(identityEvents.professionalApproved, professionalChanged),
      on(identityEvents.professionalRejected, professionalChanged),
      on(identityEvents.professionalUpdated, professionalChanged),
      on(identityEvents.professionalTransferred, professionalTransferred),
    ],
  });
}
