import { randomUUID } from "node:crypto";
import { headers as natsHeaders } from "@nats-io/transport-node";
import { naming as makeNaming, unitPath, type UnitSnapshot } from "@ce/contracts";
import { connectNats, ensureStream, type Nats } from "@ce/service-kit";
import { createTestDatabase, dropTestDatabase, testTag, TEST_NATS_URL } from "@ce/testkit";
import { startReporting } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { migrate } from "../../src/db/migrate.ts";

/**
 * A reporting service on a fresh database and subject prefix, plus a NATS connection that
 * plays the identity service: it owns CE_IDENTITY and publishes envelopes as the relay does.
 */
export async function bootReporting(label: string) {
  const tag = testTag(label);
  const databaseUrl = await createTestDatabase(tag);
  await migrate(databaseUrl);
  const naming = makeNaming(tag);
  const producer: Nats = await connectNats(TEST_NATS_URL, `${tag}-identity`);
  await ensureStream(producer.jsm, naming, "CE_IDENTITY");

  const config = loadConfig({ DATABASE_URL: databaseUrl, SUBJECT_PREFIX: tag, PORT: "0", LOG_LEVEL: "warn" });
  let app = await startReporting(config);

  return {
    tag,
    naming,
    producer,
    get app() {
      return app;
    },
    async restart() {
      await app.stop();
      app = await startReporting(config);
    },
    /** Publishes an envelope; a given msgID stands in for a publish that escaped the dedupe window. */
    publish(envelope: object & { id: string; type: string }, msgID = envelope.id) {
      const h = natsHeaders();
      h.set("Ce-Type", envelope.type);
      return producer.js.publish(naming.subject(envelope.type), JSON.stringify(envelope), { msgID, headers: h });
    },
    async cleanup() {
      await app.stop();
      await producer.jsm.streams.delete(naming.stream("CE_IDENTITY")).catch(() => {});
      await producer.nc.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}

export function unitEnvelope(type: "ce.identity.unit.created.v1" | "ce.identity.unit.updated.v1", snapshot: Partial<UnitSnapshot> = {}) {
  const unitId = snapshot.unitId ?? randomUUID();
  return {
    id: randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    actor: null,
    correlationId: randomUUID(),
    causationId: null,
    data: {
      unitId,
      name: "济南市交通运输局",
      kind: "AUTHORITY",
      nature: "GOVERNMENT",
      industry: "G",
      region: "370100",
      code: null,
      superiorId: null,
      path: unitPath(null, unitId),
      status: "APPROVED",
      trainingLevel: null,
      version: 1,
      ...snapshot,
    } satisfies UnitSnapshot,
  };
}

/** Polls until the check passes or the time runs out. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
