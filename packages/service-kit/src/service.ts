import type { AddressInfo } from "node:net";
import type { StreamName } from "@ce/contracts";
import type { AnyRouter } from "@trpc/server";
import { ConfigError } from "./config.ts";
import type { TransactionalClient } from "./db.ts";
import { type DownloadHandler, type HttpRoutes, type ReadinessChecks, startHttpServer } from "./http.ts";
import { type Consumer, type EventHandler, startConsumer } from "./inbox.ts";
import { ensureStream } from "./nats.ts";
import { type OutboxRelay, startOutboxRelay } from "./outbox.ts";
import { type EventPruner, retentionFromConfig, startEventPruner } from "./prune.ts";
import { connectInfra, type Infra, type InfraConfig } from "./runtime.ts";
import type { ServicePublicKeys } from "./service-auth.ts";

/** The variables of `baseEnv` (plus PORT) the bootstrap reads. */
export interface ServiceConfig extends InfraConfig {
  DATABASE_URL: string;
  PORT: number;
  HOST: string;
  SERVICE_AUTH_PUBLIC_KEYS: ServicePublicKeys;
  SERVICE_MAX_BODY_BYTES: number;
  NATS_STREAM_REPLICAS: number;
  OUTBOX_RETENTION_HOURS: number;
  INBOX_RETENTION_DAYS: number;
  EVENT_PRUNE_INTERVAL_MINUTES: number;
}

/** A service's generated Prisma client, seen through the slice the bootstrap uses. */
export interface ServiceDb extends TransactionalClient {
  $disconnect(): Promise<void>;
}

/** The interactive-transaction client of a service's database client. */
export type TxOf<D> = D extends TransactionalClient<infer Tx> ? Tx : never;

/** What a service's `wire` step gets: its database, the shared infrastructure and two registrars. */
export interface WireContext<D extends ServiceDb> {
  db: D;
  infra: Infra;
  /** Creates (or updates) the stream this service owns and starts its outbox relay and stops it at shutdown. */
  publishTo(stream: StreamName): Promise<OutboxRelay>;
  /**
   * Starts this service's durable consumer of `stream` (named after the service, e.g.
   * `reporting_CE_HOURS`) applying `handlers` through the inbox; stopped at shutdown, and /readyz
   * fails until it is ready — unless `readiness: false`, for a consumer the service serves without
   * (identity's of CE_HOURS: its events wait in the stream, and the two services may start in any order).
   */
  consume(stream: StreamName, handlers: EventHandler<TxOf<D>, any>[], opts?: { readiness?: boolean }): Promise<Consumer>;
  /** Registers a consumer started otherwise (what `consume` does after starting one): stopped at shutdown, in /readyz. */
  consumer(label: string, consumer: Consumer, stream: StreamName): void;
}

/** What `wire` returns: the router to serve, and anything the caller (tests) should get back. */
export interface Wired {
  router: AnyRouter;
  readiness?: ReadinessChecks;
  /** Streamed downloads served at /downloads/<name> (http.ts DownloadHandler). */
  downloads?: Record<string, DownloadHandler>;
  /** Other HTTP handlers on the same port by path prefix, each authenticating its own callers (no service credential), e.g. reporting's "/api/v1/" for API tokens. */
  routes?: HttpRoutes;
}

export interface ServiceApp<D extends ServiceDb> {
  /** The tRPC endpoint, e.g. http://127.0.0.1:4002/trpc */
  url: string;
  port: number;
  db: D;
  infra: Infra;
  pruner: EventPruner;
  stop(): Promise<void>;
}

/**
 * The one service bootstrap (issue 9 item 2): database → NATS/Redis → event-table pruner →
 * the service's own `wire` (stream + outbox relay, stores, consumers, deps, router) → HTTP with
 * readiness for the database, Redis, NATS and every registered consumer. Everything started is
 * registered with the lifecycle, and a start that fails at any step stops what was started
 * (reverse order) before rethrowing, so a failed start leaks no connection. With PORT 0 it takes
 * a free port, so tests run services in-process. `name` is the service (and its tRPC audience).
 */
export async function startService<D extends ServiceDb, W extends Wired>(spec: {
  name: "identity" | "hours" | "reporting";
  config: ServiceConfig;
  schema: string;
  createDb(url: string): D;
  wire(ctx: WireContext<D>): Promise<W>;
}): Promise<ServiceApp<D> & Omit<W, "router" | "readiness" | "downloads" | "routes">> {
  const { name, config, schema } = spec;
  const db = spec.createDb(config.DATABASE_URL);
  let infra: Infra;
  try {
    infra = await connectInfra(name, config);
  } catch (e) {
    await db.$disconnect();
    throw e;
  }
  const { log, lifecycle, redis, nats, naming } = infra;
  lifecycle.onStop("database", () => db.$disconnect());
  try {
    const pruner = startEventPruner({ db, schema, log, ...retentionFromConfig(config) });
    lifecycle.onStop("event pruner", () => pruner.stop());
    const consumers: ReadinessChecks = {};
    const register = (label: string, consumer: Consumer, stream: StreamName) => {
      lifecycle.onStop(label, () => consumer.stop());
      consumers[label] = async () => {
        if (!consumer.isReady()) throw new Error(`waiting for stream ${stream}`);
      };
    };
    const { router, readiness, downloads, routes, ...rest } = await spec.wire({
      db,
      infra,
      async publishTo(stream) {
        await ensureStream(nats.jsm, naming, stream, config.NATS_STREAM_REPLICAS);
        const relay = startOutboxRelay({ db, schema, js: nats.js, naming, log });
        lifecycle.onStop("outbox relay", () => relay.stop());
        return relay;
      },
      async consume(stream, handlers, opts) {
        // D is a TransactionalClient<TxOf<D>> by TxOf's definition; TypeScript cannot see through the conditional type.
        const client = db as unknown as TransactionalClient<TxOf<D>>;
        const consumer = await startConsumer<TxOf<D>>({ name, stream, db: client, schema, js: nats.js, jsm: nats.jsm, naming, log, handlers });
        if (opts?.readiness === false) lifecycle.onStop(`${stream} consumer`, () => consumer.stop());
        else register(`${stream} consumer`, consumer, stream);
        return consumer;
      },
      consumer: register,
    });
    const server = await startHttpServer({
      router,
      port: config.PORT,
      host: config.HOST,
      redis,
      log,
      audience: name,
      serviceAuth: config.SERVICE_AUTH_PUBLIC_KEYS,
      maxBodyBytes: config.SERVICE_MAX_BODY_BYTES,
      downloads,
      routes,
      readiness: {
        database: () => db.$queryRawUnsafe("SELECT 1"),
        redis: () => redis.ping(),
        nats: () => nats.nc.flush(),
        ...consumers,
        ...readiness,
      },
    });
    lifecycle.onStop("http", () => {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      return closed;
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://${config.HOST}:${port}/trpc`;
    log.info({ url, subjectPrefix: naming.prefix || null }, `${name} service listening`);
    return { url, port, db, infra, pruner, stop: () => lifecycle.stop(), ...rest };
  } catch (e) {
    await lifecycle.stop();
    throw e;
  }
}

/**
 * A service's entry point: loads the configuration and starts the service inside `start`, then
 * shuts down on SIGTERM/SIGINT. A bad configuration prints `<name>: invalid configuration …`
 * (no stack); any failed start prints the error; both exit with status 1.
 */
export async function runService(name: string, start: () => Promise<{ infra: Infra }>): Promise<void> {
  try {
    const app = await start();
    app.infra.lifecycle.handleSignals();
  } catch (err) {
    console.error(err instanceof ConfigError ? `${name}: ${err.message}` : err);
    process.exit(1);
  }
}
