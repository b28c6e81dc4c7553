import type { AddressInfo } from "node:net";
import { type Clock, systemClock } from "@ce/contracts";
import { connectInfra, ensureStream, retentionFromConfig, startEventPruner, startHttpServer, startOutboxRelay } from "@ce/service-kit";
import { type Config, SCHEMA } from "./config.ts";
import { createDb } from "./db/client.ts";
import type { HoursDeps } from "./deps.ts";
import { startIdentityConsumer } from "./events/identity-consumer.ts";
import { createHoursRouter } from "./routers/index.ts";
import { openAttachmentStore } from "./storage/attachments.ts";

/**
 * Wires the hours service: database → NATS/Redis → its CE_HOURS stream, outbox relay and pruner →
 * identity consumer → HTTP. `now` pins the clock for tests.
 */
export async function startHours(config: Config, opts: { now?: Clock } = {}) {
  const infra = await connectInfra("hours", config);
  const db = createDb(config.DATABASE_URL);
  infra.lifecycle.onStop("database", () => db.$disconnect());

  await ensureStream(infra.nats.jsm, infra.naming, "CE_HOURS", config.NATS_STREAM_REPLICAS);
  const relay = startOutboxRelay({ db, schema: SCHEMA, js: infra.nats.js, naming: infra.naming, log: infra.log });
  infra.lifecycle.onStop("outbox relay", () => relay.stop());
  const pruner = startEventPruner({ db, schema: SCHEMA, log: infra.log, ...retentionFromConfig(config) });
  infra.lifecycle.onStop("event pruner", () => pruner.stop());

  const attachments = await openAttachmentStore(infra, db, config.NATS_STREAM_REPLICAS);

  const identityConsumer = await startIdentityConsumer(db, infra);
  infra.lifecycle.onStop("identity consumer", () => identityConsumer.stop());

  const deps: HoursDeps = {
    db,
    attachments,
    log: infra.log,
    nudgeOutbox: () => relay.nudge(),
    yearsBack: config.DECLARATION_YEARS_BACK,
    now: opts.now ?? systemClock,
  };
  const server = await startHttpServer({
    router: createHoursRouter(deps),
    port: config.PORT,
    host: config.HOST,
    redis: infra.redis,
    log: infra.log,
    audience: "hours",
    serviceAuth: config.SERVICE_AUTH_PUBLIC_KEYS,
    maxBodyBytes: config.SERVICE_MAX_BODY_BYTES,
    readiness: {
      database: () => db.$queryRaw`SELECT 1`,
      redis: () => infra.redis.ping(),
      nats: async () => infra.nats.nc.flush(),
      identityConsumer: async () => {
        if (!identityConsumer.isReady()) throw new Error("waiting for stream CE_IDENTITY");
      },
    },
  });
  infra.lifecycle.onStop("http", () => new Promise((r) => server.close(r)));

  const port = (server.address() as AddressInfo).port;
  infra.log.info({ port }, "hours service listening");
  return { url: `http://${config.HOST}:${port}/trpc`, port, db, infra, relay, pruner, attachments, deps, stop: () => infra.lifecycle.stop() };
}
