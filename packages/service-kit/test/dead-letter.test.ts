import { Writable } from "node:stream";
import { type EventEnvelope, identityEvents, naming as makeNaming, type UnitSnapshot } from "@ce/contracts";
import { createTestDatabase, dropTestDatabase, TEST_NATS_URL, testTag } from "@ce/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlClient } from "../src/db.ts";
import { type Consumer, on, startConsumer } from "../src/inbox.ts";
import { createLogger } from "../src/logger.ts";
import { migrateEventTables } from "../src/migrate.ts";
import { connectNats, type Nats } from "../src/nats.ts";
import { eventually, fakeIdentityProducer, unitEnvelope } from "../src/testing.ts";
import { pgClient } from "./support/pg-client.ts";

const tag = testTag("deadletter");
const naming = makeNaming(tag);
const MAX_DELIVER = 3;
let databaseUrl: string;
let db: ReturnType<typeof pgClient>;
let nats: Nats;
let producer: Awaited<ReturnType<typeof fakeIdentityProducer>>;
let consumer: Consumer;
const logLines: Array<Record<string, unknown>> = [];
/** Every delivery the handler saw, by unit name. */
const deliveries = new Map<string, number>();

beforeAll(async () => {
  databaseUrl = await createTestDatabase(tag);
  db = pgClient(databaseUrl);
  await migrateEventTables({ databaseUrl, schema: "kit" });
  await db.$executeRawUnsafe("CREATE TABLE kit.units (name text PRIMARY KEY)");
  producer = await fakeIdentityProducer(naming);
  nats = await connectNats(TEST_NATS_URL, `${tag}-consumer`);
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  consumer = await unitConsumer(
    "kit",
    MAX_DELIVER,
    async (tx, event) => {
      deliveries.set(event.data.name, (deliveries.get(event.data.name) ?? 0) + 1);
      // A handler bug that no retry can fix: this unit always fails.
      if (event.data.name.startsWith("毒")) throw new Error(`cannot apply ${event.data.name}`);
      await tx.$executeRawUnsafe("INSERT INTO kit.units (name) VALUES ($1)", event.data.name);
    },
    createLogger("test", "warn", sink),
  );
  await eventually(async () => expect(consumer.isReady()).toBe(true));
});
afterAll(async () => {
  await consumer.stop();
  await nats.nc.close();
  await producer.close();
  await db.end();
  await dropTestDatabase(databaseUrl);
});

/** The names in one of this file's kit tables, in order. */
const namesIn = async (table: string) => (await db.$queryRawUnsafe<Array<{ name: string }>>(`SELECT name FROM kit.${table} ORDER BY name`)).map((r) => r.name);
const applied = () => namesIn("units");
const deadLettered = () => logLines.filter((l) => l.deadLettered === true);
const quietLog = () => createLogger("test", "warn", new Writable({ write: (_c, _e, done) => done() }));

/** A consumer `name` of CE_IDENTITY on this file's database and kit schema, with one unit.created handler. */
function unitConsumer(name: string, maxDeliver: number, handler: (tx: SqlClient, event: EventEnvelope<UnitSnapshot>) => Promise<void>, log = quietLog()) {
  return startConsumer({
    name,
    stream: "CE_IDENTITY",
    db,
    schema: "kit",
    js: nats.js,
    jsm: nats.jsm,
    naming,
    log,
    maxDeliver,
    handlers: [on(identityEvents.unitCreated, handler)],
  });
}

/** Publishes a unit.created event for each name, in order. */
async function publishUnits(names: readonly string[]) {
  for (const name of names) await producer.publish(unitEnvelope("ce.identity.unit.created.v1", { name }));
}

/** Waits until the server holds nothing for consumer `name`: nothing pending, nothing awaiting an ack; returns its info. */
async function drained(name: string) {
  return eventually(async () => {
    const info = await nats.jsm.consumers.info(naming.stream("CE_IDENTITY"), naming.consumer(name, "CE_IDENTITY"));
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_pending).toBe(0);
    return info;
  });
}

describe("a message that fails on every delivery", () => {
  it("is delivered max_deliver times, then terminated and logged as dead-lettered, while the next messages apply", async () => {
    // Poison first: the consumer must not wait on it to apply what comes after.
    const poison = unitEnvelope("ce.identity.unit.created.v1", { name: "毒单位" });
    await producer.publish(poison);
    await producer.publish(unitEnvelope("ce.identity.unit.created.v1", { name: "济南市交通运输局" }));

    await eventually(async () => expect(deadLettered()).toHaveLength(1), 20_000);
    expect(deadLettered()[0]).toMatchObject({ eventId: poison.id, deliveries: MAX_DELIVER, consumer: naming.consumer("kit", "CE_IDENTITY") });
    expect(deliveries.get("毒单位")).toBe(MAX_DELIVER);
    expect(await applied()).toEqual(["济南市交通运输局"]);
    // Nothing of the poison reached the inbox, so a fixed handler could still apply it on a replay.
    expect(await db.$queryRawUnsafe("SELECT 1 FROM kit.inbox WHERE event_id = $1::uuid", poison.id)).toEqual([]);

    // Terminated means the server delivers it no more: nothing pending, nothing awaiting an ack.
    expect((await drained("kit")).config.max_deliver).toBe(MAX_DELIVER);
    await new Promise((r) => setTimeout(r, 1500));
    expect(deliveries.get("毒单位")).toBe(MAX_DELIVER);
  });

  it("leaves the consumer running: later messages still apply, a second poison is dead-lettered on its own", async () => {
    await publishUnits(["毒药二号", "青岛市交通运输局"]);
    await eventually(async () => expect(await applied()).toEqual(["济南市交通运输局", "青岛市交通运输局"]));
    await eventually(async () => expect(deadLettered()).toHaveLength(2), 20_000);
    expect(deliveries.get("毒药二号")).toBe(MAX_DELIVER);
    expect(deliveries.get("青岛市交通运输局")).toBe(1);
  });

  it("dead-letters an unparseable message at once, without a handler call", async () => {
    await nats.js.publish(naming.subject("ce.identity.unit.created.v1"), "not json at all");
    await eventually(async () => expect(deadLettered()).toHaveLength(3));
    expect(deadLettered()[2]).toMatchObject({ msg: expect.stringContaining("unparseable") });
  });
});

/**
 * Publishes `names` (before the consumer exists, so it finds them all pending at once), creates
 * kit.<table> and starts consumer `name` (one delivery), which records each of those names there
 * once with its transaction id — counting every handler call per name in `seen` — and lets
 * `culprit` fail as `fail` does. Answers the names that should land (`good`), `seen` and the consumer.
 */
async function recordingConsumer(name: string, table: string, names: string[], culprit: string, fail: (tx: SqlClient) => Promise<void>) {
  await publishUnits(names);
  await db.$executeRawUnsafe(`CREATE TABLE kit.${table} (name text PRIMARY KEY, tx bigint NOT NULL)`);
  const seen = new Map<string, number>();
  const consumer = await unitConsumer(name, 1, async (tx, event) => {
    if (!names.includes(event.data.name)) return;
    seen.set(event.data.name, (seen.get(event.data.name) ?? 0) + 1);
    if (event.data.name === culprit) return fail(tx);
    await tx.$executeRawUnsafe(`INSERT INTO kit.${table} (name, tx) VALUES ($1, txid_current())`, event.data.name);
  });
  return { good: names.filter((n) => n !== culprit), seen, consumer };
}

describe("messages already waiting", () => {
  it("are applied in batches — one transaction for many — each once, a failing one rolled back alone", async () => {
    const names = Array.from({ length: 40 }, (_, i) => (i === 17 ? "毒批量" : `批量单位${String(i).padStart(2, "0")}`));
    const { good, seen, consumer } = await recordingConsumer("kitbatch", "batched", names, "毒批量", async () => {
      throw new Error("cannot apply");
    });
    try {
      await eventually(async () => expect(await namesIn("batched")).toEqual(good), 20_000);
      const [row] = await db.$queryRawUnsafe<Array<{ txs: number }>>("SELECT count(DISTINCT tx)::int AS txs FROM kit.batched");
      expect(row?.txs).toBeLessThan(good.length / 4);
      expect([...seen.entries()].filter(([, n]) => n !== 1)).toEqual([]);
      expect(seen.get("毒批量")).toBe(1);
      await drained("kitbatch");
    } finally {
      await consumer.stop();
    }
  });
});

describe("a batch whose transaction fails as a whole", () => {
  it("is applied again one transaction per event: the others commit, the culprit alone is retried or dead-lettered", async () => {
    const names = Array.from({ length: 12 }, (_, i) => (i === 5 ? "坏事务" : `逐个单位${String(i).padStart(2, "0")}`));
    // Releases the consumer's savepoint, so rolling back to it fails: the whole transaction is lost.
    const { good, seen, consumer } = await recordingConsumer("kitonebyone", "one_by_one", names, "坏事务", async (tx) => {
      await tx.$executeRawUnsafe("RELEASE SAVEPOINT consumer_event");
      throw new Error("broke the transaction");
    });
    try {
      await eventually(async () => expect(await namesIn("one_by_one")).toEqual(good), 20_000);
      await drained("kitonebyone");
      // Once in the batch, once alone — and no other event twice in the table (primary key).
      expect(seen.get("坏事务")).toBe(2);
    } finally {
      await consumer.stop();
    }
  });
});
