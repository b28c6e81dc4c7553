import { type EventEnvelope, identityEvents, isNewerSnapshot, type UnitSnapshot } from "@ce/contracts";
import { type Infra, on, startConsumer } from "@ce/service-kit";
import { SCHEMA } from "../config.ts";
import type { Db, Tx } from "../db/client.ts";
import { registrationBucket } from "../domain/unit-replica.ts";
import { professionalHandlers } from "./professional-handlers.ts";

/** Durable consumer name on CE_IDENTITY: `reporting_CE_IDENTITY` (with the test prefix, if any). */
export const CONSUMER = "reporting";

async function upsertReplica(tx: Tx, event: EventEnvelope<UnitSnapshot>) {
  const s = event.data;
  const held = await tx.unitReplica.findUnique({ where: { id: s.unitId }, select: { version: true } });
  if (!isNewerSnapshot(s, held)) return;
  const row = {
    name: s.name,
    kind: s.kind,
    nature: s.nature,
    industry: s.industry,
    region: s.region,
    code: s.code,
    superiorId: s.superiorId,
    path: s.path,
    status: s.status,
    trainingLevel: s.trainingLevel,
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
    handlers: [
      on<Tx, typeof identityEvents.unitCreated.data>(identityEvents.unitCreated, async (tx, event) => {
        await upsertReplica(tx, event);
        const bucket = registrationBucket(event.data, event.occurredAt);
        // Not idempotent on its own: the inbox guarantees it runs once per event.
        await tx.$executeRaw`
          INSERT INTO reporting.unit_registration_daily (day, kind, region, count)
          VALUES (${bucket.day}::date, ${bucket.kind}, ${bucket.region}, 1)
          ON CONFLICT (day, kind, region) DO UPDATE SET count = unit_registration_daily.count + 1`;
      }),
      on<Tx, typeof identityEvents.unitUpdated.data>(identityEvents.unitUpdated, upsertReplica),
      ...professionalHandlers,
    ],
  });
}
