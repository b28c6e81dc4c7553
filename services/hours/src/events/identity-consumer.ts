import { identityEvents, isNewerSnapshot, type EventEnvelope, type UnitSnapshot } from "@ce/contracts";
import { on, startConsumer, type Infra } from "@ce/service-kit";
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
    path: s.path,
    status: s.status,
    version: s.version,
    updatedAt: new Date(event.occurredAt),
  };
  await tx.unitReplica.upsert({ where: { id: s.unitId }, create: { id: s.unitId, ...row }, update: row });
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
    handlers: [on(identityEvents.unitCreated, upsertReplica), on(identityEvents.unitUpdated, upsertReplica)],
  });
}
