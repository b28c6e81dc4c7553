import type { AddressInfo } from "node:net";
import {
  connectInfra,
  type EventPruner,
  ensureStream,
  type Infra,
  type OutboxRelay,
  retentionFromConfig,
  startEventPruner,
  startHttpServer,
  startOutboxRelay,
} from "@ce/service-kit";
import { type Config, SCHEMA } from "./config.ts";
import { createDb, type Db } from "./db/client.ts";
import type { IdentityDeps } from "./deps.ts";
import { createMailer } from "./mail/mailer.ts";
import { createIdentityRouter } from "./routers/index.ts";
import { createPii, type Pii } from "./security/pii.ts";
import { openTransferAttachmentStore } from "./storage/transfer-attachments.ts";

export interface IdentityApp {
  /** The tRPC endpoint, e.g. http://127.0.0.1:4001/trpc */
  url: string;
  port: number;
  db: Db;
  pii: Pii;
  relay: OutboxRelay;
  pruner: EventPruner;
  infra: Infra;
  deps: IdentityDeps;
  stop(): Promise<void>;
}

/**
 * Starts the identity service: database, NATS and Redis, its JetStream stream, the outbox relay and event pruner
 * and the tRPC server. With PORT 0 it takes a free port, so tests run it in-process.
 */
export async function startIdentity(config: Config): Promise<IdentityApp> {
  const db = createDb(config.DATABASE_URL);
  const infra = await connectInfra("identity", config);
  const { log, lifecycle, redis, nats, naming } = infra;
  lifecycle.onStop("database", () => db.$disconnect());
  try {
    await ensureStream(nats.jsm, naming, "CE_IDENTITY", config.NATS_STREAM_REPLICAS);
    const relay = startOutboxRelay({ db, schema: SCHEMA, js: nats.js, naming, log });
    lifecycle.onStop("outbox relay", () => relay.stop());
    const pruner = startEventPruner({ db, schema: SCHEMA, log, ...retentionFromConfig(config) });
    lifecycle.onStop("event pruner", () => pruner.stop());

    const pii = createPii({ encryptionKey: config.PII_ENCRYPTION_KEY, indexKey: config.PII_INDEX_KEY });
    const transferAttachments = await openTransferAttachmentStore(infra, db, config.NATS_STREAM_REPLICAS);
    const deps: IdentityDeps = { db, redis, pii, log, config, mailer: createMailer(config, redis, log), transferAttachments, nudgeOutbox: () => relay.nudge() };
    const server = await startHttpServer({
      router: createIdentityRouter(deps),
      port: config.PORT,
      host: config.HOST,
      redis,
      log,
      audience: "identity",
      serviceAuth: config.SERVICE_AUTH_PUBLIC_KEYS,
      maxBodyBytes: config.SERVICE_MAX_BODY_BYTES,
      readiness: { database: () => db.$queryRaw`SELECT 1`, nats: () => nats.nc.flush(), redis: () => redis.ping() },
    });
    lifecycle.onStop("http", () => {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      return closed;
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://${config.HOST}:${port}/trpc`;
    log.info({ url, subjectPrefix: naming.prefix || null }, "identity service listening");
    return { url, port, db, pii, relay, pruner, infra, deps, stop: () => lifecycle.stop() };
  } catch (e) {
    await lifecycle.stop();
    throw e;
  }
}
