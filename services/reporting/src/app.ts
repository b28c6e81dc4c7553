import type { AddressInfo } from "node:net";
import { connectInfra, retentionFromConfig, startEventPruner, startHttpServer } from "@ce/service-kit";
import { type Config, SCHEMA } from "./config.ts";
import { createDb } from "./db/client.ts";
import { startIdentityConsumer } from "./events/identity-consumer.ts";
import { createReportingRouter } from "./routers/index.ts";

/** Wires the reporting service: database (and its event-table pruner) → NATS/Redis → identity consumer → HTTP. */
export async function startReporting(config: Config) {
  const infra = await connectInfra("reporting", config);
  const db = createDb(config.DATABASE_URL);
  infra.lifecycle.onStop("database", () => db.$disconnect());
  const pruner = startEventPruner({ db, schema: SCHEMA, log: infra.log, ...retentionFromConfig(config) });
  infra.lifecycle.onStop("event pruner", () => pruner.stop());

  const identityConsumer = await startIdentityConsumer(db, infra);
  infra.lifecycle.onStop("identity consumer", () => identityConsumer.stop());

  const server = await startHttpServer({
    router: createReportingRouter({ db }),
    port: config.PORT,
    host: config.HOST,
    redis: infra.redis,
    log: infra.log,
    audience: "reporting",
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
  infra.log.info({ port }, "reporting service listening");
  return { url: `http://${config.HOST}:${port}/trpc`, port, db, infra, pruner, stop: () => infra.lifecycle.stop() };
}
