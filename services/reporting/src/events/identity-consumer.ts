import { type Infra, startConsumer, unitReplicaHandlers } from "@ce/service-kit";
import { SCHEMA } from "../config.ts";
import type { Db, Tx } from "../db/client.ts";
import { registrationBucket } from "../domain/unit-replica.ts";
import { professionalHandlers } from "./professional-handlers.ts";

/** Durable consumer name on CE_IDENTITY: `reporting_CE_IDENTITY` (with the test prefix, if any). */
export const CONSUMER = "reporting";

/** Reporting's copy of a unit, with the fields statistics group by; a new unit also counts in its registration day. */
const unitReplica = unitReplicaHandlers<Tx>({
  schema: SCHEMA,
  columns: (s) => ({
    name: s.name,
    kind: s.kind,
    nature: s.nature,
    industry: s.industry,
    region: s.region,
    code: s.code,
    superior_id: s.superiorId,
    path: s.path,
    status: s.status,
    training_level: s.trainingLevel,
  }),
  pathColumns: [["professional_replica", "unit_path"]],
  async afterCreated(tx, event) {
    const bucket = registrationBucket(event.data, event.occurredAt);
    // Not idempotent on its own: the inbox guarantees it runs once per event.
    await tx.$executeRaw`
      INSERT INTO reporting.unit_registration_daily (day, kind, region, count)
      VALUES (${bucket.day}::date, ${bucket.kind}, ${bucket.region}, 1)
      ON CONFLICT (day, kind, region) DO UPDATE SET count = unit_registration_daily.count + 1`;
  },
});

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
    handlers: [...unitReplica, ...professionalHandlers],
  });
}
