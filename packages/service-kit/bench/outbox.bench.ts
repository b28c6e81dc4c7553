// Outbox relay throughput: N committed events → published to JetStream and marked.
// Run: npm run bench (from the root) or `npm run bench` in packages/service-kit.
import { identityEvents, naming as makeNaming } from "@ce/contracts";
import { createTestDatabase, dropTestDatabase, recordBenchmark, repoRootOf, TEST_NATS_URL, testTag } from "@ce/testkit";
import { createLogger } from "../src/logger.ts";
import { migrateEventTables } from "../src/migrate.ts";
import { connectNats, ensureStream } from "../src/nats.ts";
import { enqueueEvent, startOutboxRelay } from "../src/outbox.ts";
import { unitEnvelope } from "../src/testing.ts";
import { pgClient } from "../test/support/pg-client.ts";

const EVENTS = 20_000;
const CONCURRENCY = 20;
const tag = testTag("benchoutbox");
const naming = makeNaming(tag);
const databaseUrl = await createTestDatabase(tag);
const db = pgClient(databaseUrl);
await migrateEventTables({ databaseUrl, schema: "kit" });
const nats = await connectNats(TEST_NATS_URL, tag);
await ensureStream(nats.jsm, naming, "CE_IDENTITY");
const meta = { actor: null, correlationId: "bench" };

try {
  // Write side: one transaction per event, CONCURRENCY at a time (as concurrent requests would).
  let next = 0;
  const writeStart = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < EVENTS) {
        next++;
        await db.$transaction((tx) => enqueueEvent(tx, "kit", identityEvents.unitCreated, unitEnvelope("ce.identity.unit.created.v1").data, meta));
      }
    }),
  );
  const writeMs = performance.now() - writeStart;

  // Relay side: drain everything.
  const relay = startOutboxRelay({ db, schema: "kit", js: nats.js, naming, log: createLogger("bench", "silent"), pollMs: 60_000 });
  const relayStart = performance.now();
  const published = await relay.flush();
  const relayMs = performance.now() - relayStart;
  await relay.stop();
  const stored = (await nats.jsm.streams.info(naming.stream("CE_IDENTITY"))).state.messages;

  recordBenchmark(repoRootOf(import.meta.dirname), "outbox", "Outbox: transactional write and relay to JetStream", [
    { metric: "write transactions (event row only)", value: `${Math.round(EVENTS / (writeMs / 1000))} tx/s`, note: `${EVENTS} tx, ${CONCURRENCY} concurrent` },
    {
      metric: "relay publish + mark",
      value: `${Math.round(published / (relayMs / 1000))} events/s`,
      note: `batch 100, ${published} events in ${Math.round(relayMs)} ms`,
    },
    { metric: "messages stored in the stream", value: String(stored), note: stored === EVENTS ? "= events written (none lost, none doubled)" : "MISMATCH" },
  ]);
  console.log(`outbox: ${EVENTS} events written in ${Math.round(writeMs)} ms, relayed in ${Math.round(relayMs)} ms; stream holds ${stored}`);
} finally {
  await nats.jsm.streams.delete(naming.stream("CE_IDENTITY")).catch(() => {});
  await nats.nc.close();
  await db.end();
  await dropTestDatabase(databaseUrl);
}
