import { Writable } from "node:stream";
import { identityEvents, naming as makeNaming } from "@ce/contracts";
import { createTestDatabase, dropTestDatabase, TEST_NATS_URL, testTag } from "@ce/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Consumer, on, startConsumer } from "../src/inbox.ts";
import { createLogger } from "../src/logger.ts";
import { connectNats, type Nats } from "../src/nats.ts";
import { eventually, fakeIdentityProducer, unitEnvelope } from "../src/testing.ts";
import { OUTBOX_DDL, pgClient } from "./support/pg-client.ts";

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
  await db.$executeRawUnsafe(OUTBOX_DDL);
  await db.$executeRawUnsafe("CREATE TABLE kit.units (name text PRIMARY KEY)");
  producer = await fakeIdentityProducer(naming);
  nats = await connectNats(TEST_NATS_URL, `${tag}-consumer`);
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  consumer = await startConsumer({
    name: "kit",
    stream: "CE_IDENTITY",
    db,
    schema: "kit",
    js: nats.js,
    jsm: nats.jsm,
    naming,
    log: createLogger("test", "warn", sink),
    maxDeliver: MAX_DELIVER,
    handlers: [
      on(identityEvents.unitCreated, async (tx, event) => {
        deliveries.set(event.data.name, (deliveries.get(event.data.name) ?? 0) + 1);
        // A handler bug that no retry can fix: this unit always fails.
        if (event.data.name.startsWith("毒")) throw new Error(`cannot apply ${event.data.name}`);
        await tx.$executeRawUnsafe("INSERT INTO kit.units (name) VALUES ($1)", event.data.name);
      }),
    ],
  });
  await eventually(async () => expect(consumer.isReady()).toBe(true));
});
afterAll(async () => {
  await consumer.stop();
  await nats.nc.close();
  await producer.close();
  await db.end();
  await dropTestDatabase(databaseUrl);
});

const applied = async () => (await db.$queryRawUnsafe<Array<{ name: string }>>("SELECT name FROM kit.units ORDER BY name")).map((r) => r.name);
const deadLettered = () => logLines.filter((l) => l.deadLettered === true);

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
    await eventually(async () => {
      const info = await nats.jsm.consumers.info(naming.stream("CE_IDENTITY"), naming.consumer("kit", "CE_IDENTITY"));
      expect(info.num_ack_pending).toBe(0);
      expect(info.num_pending).toBe(0);
      expect(info.config.max_deliver).toBe(MAX_DELIVER);
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(deliveries.get("毒单位")).toBe(MAX_DELIVER);
  });

  it("leaves the consumer running: later messages still apply, a second poison is dead-lettered on its own", async () => {
    await producer.publish(unitEnvelope("ce.identity.unit.created.v1", { name: "毒药二号" }));
    await producer.publish(unitEnvelope("ce.identity.unit.created.v1", { name: "青岛市交通运输局" }));
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
