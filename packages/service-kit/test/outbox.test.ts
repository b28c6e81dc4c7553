import { identityEvents, naming as makeNaming, parseEvent } from "@ce/contracts";
import { createTestDatabase, dropTestDatabase, TEST_NATS_URL, testTag } from "@ce/testkit";
import { AckPolicy, DeliverPolicy } from "@nats-io/jetstream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { migrateEventTables } from "../src/migrate.ts";
import { connectNats, ensureStream, type Nats } from "../src/nats.ts";
import { enqueueEvent, enqueueEvents, type OutboxRelay, startOutboxRelay } from "../src/outbox.ts";
import { unitEnvelope } from "../src/testing.ts";
import { pgClient } from "./support/pg-client.ts";

const tag = testTag("outbox");
const naming = makeNaming(tag);
let databaseUrl: string;
let db: ReturnType<typeof pgClient>;
let nats: Nats;
let relay: OutboxRelay;

beforeAll(async () => {
  databaseUrl = await createTestDatabase(tag);
  db = pgClient(databaseUrl);
  await migrateEventTables({ databaseUrl, schema: "kit" });
  nats = await connectNats(TEST_NATS_URL, tag);
  await ensureStream(nats.jsm, naming, "CE_IDENTITY");
  relay = startOutboxRelay({ db, schema: "kit", js: nats.js, naming, log: createLogger("test", "silent"), pollMs: 60_000 });
});
afterAll(async () => {
  await relay.stop();
  await nats.jsm.streams.delete(naming.stream("CE_IDENTITY")).catch(() => {});
  await nats.nc.close();
  await db.end();
  await dropTestDatabase(databaseUrl);
});

const meta = { actor: null, correlationId: "test" };
const outboxCount = async (where = "") => Number((await db.$queryRawUnsafe<Array<{ n: string }>>(`SELECT count(*) AS n FROM kit.outbox ${where}`))[0]?.n);

async function readStream(): Promise<unknown[]> {
  const stream = naming.stream("CE_IDENTITY");
  const durable = `reader${Date.now()}`;
  await nats.jsm.consumers.add(stream, { durable_name: durable, ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All });
  const consumer = await nats.js.consumers.get(stream, durable);
  const out: unknown[] = [];
  const info = await nats.jsm.streams.info(stream);
  if (info.state.messages > 0) {
    const batch = await consumer.fetch({ max_messages: 1000, expires: 1000 });
    for await (const m of batch) {
      out.push(m.json());
      if (m.info.pending === 0) break;
    }
  }
  await nats.jsm.consumers.delete(stream, durable);
  return out;
}

describe("outbox relay", () => {
  it("publishes nothing for a transaction that rolls back", async () => {
    await db
      .$transaction(async (tx) => {
        await enqueueEvent(tx, "kit", identityEvents.unitCreated, unitEnvelope("ce.identity.unit.created.v1").data, meta);
        throw new Error("domain change failed");
      })
      .catch(() => {});
    expect(await relay.flush()).toBe(0);
    expect(await outboxCount()).toBe(0);
  });

  it("publishes committed events in order, once, as schema-valid envelopes", async () => {
    const names = ["济南市交通运输局", "青岛市交通运输局", "淄博市交通运输局"];
    for (const name of names) {
      await db.$transaction((tx) => enqueueEvent(tx, "kit", identityEvents.unitCreated, unitEnvelope("ce.identity.unit.created.v1", { name }).data, meta));
    }
    expect(await relay.flush()).toBe(3);
    expect(await relay.flush()).toBe(0);
    const published = (await readStream()).map((raw) => parseEvent(identityEvents.unitCreated, raw));
    expect(published.map((e) => e.data.name)).toEqual(names);
    expect(await outboxCount("WHERE published_at IS NULL")).toBe(0);
  });

  it("refuses to enqueue a payload that breaks its contract", async () => {
    const bad = { ...unitEnvelope("ce.identity.unit.created.v1").data, kind: "PLANET" };
    const before = await outboxCount();
    await expect(enqueueEvent(db, "kit", identityEvents.unitCreated, bad as never, meta)).rejects.toThrow(/kind/);
    expect(await outboxCount()).toBe(before);
  });

  it("lets the server drop a row published again after a crash (same message id)", async () => {
    const [row] = await db.$queryRawUnsafe<Array<{ id: string; type: string; payload: unknown }>>(
      "SELECT id::text AS id, type, payload FROM kit.outbox ORDER BY seq LIMIT 1",
    );
    if (!row) throw new Error("no outbox row");
    const ack = await nats.js.publish(naming.subject(row.type), JSON.stringify(row.payload), { msgID: row.id });
    expect(ack.duplicate).toBe(true);
  });

  it("writes a batch as one row per event in input order, with the envelopes it returns, and nothing for an empty batch", async () => {
    expect(await enqueueEvents(db, "kit", identityEvents.unitCreated, [], meta)).toEqual([]);
    const names = ["烟台市交通运输局", "潍坊市交通运输局", "威海市交通运输局"];
    const data = names.map((name) => unitEnvelope("ce.identity.unit.created.v1", { name }).data);
    const envelopes = await db.$transaction((tx) => enqueueEvents(tx, "kit", identityEvents.unitCreated, data, meta));
    expect(new Set(envelopes.map((e) => e.id)).size).toBe(names.length);
    const rows = await db.$queryRawUnsafe<Array<{ id: string; payload: unknown }>>(
      "SELECT id::text AS id, payload FROM kit.outbox WHERE published_at IS NULL ORDER BY seq",
    );
    expect(rows).toEqual(envelopes.map((e) => ({ id: e.id, payload: e })));
    expect(await relay.flush()).toBe(names.length);
  });
});
