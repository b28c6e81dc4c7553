import type { Naming, StreamName } from "@ce/contracts";
import { type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager, RetentionPolicy, StorageType } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";

export interface Nats {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

/**
 * Splits `nats://user:pass@host:port` into the server address and its credentials, so that a
 * NATS URL carries a user the way a Redis URL does (the password never reaches a log line that
 * prints the server). Percent-escapes in the user and password are decoded.
 */
export function natsServer(url: string): { server: string; user?: string; pass?: string } {
  const parsed = new URL(url);
  if (!parsed.username) return { server: url };
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  parsed.username = "";
  parsed.password = "";
  return { server: parsed.toString().replace(/\/$/, ""), user, pass };
}

/**
 * Connects to NATS as the user in the URL (if any). Replies arrive on an inbox prefix of the
 * connection's own, `_INBOX_<name>`, so a server can let each service user subscribe to its
 * own replies only (deploy/local/credentials.mjs); a refused connection throws.
 */
export async function connectNats(url: string, name: string): Promise<Nats> {
  const { server, user, pass } = natsServer(url);
  const inboxPrefix = `_INBOX_${name.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const nc = await connect({ servers: server, name, maxReconnectAttempts: -1, inboxPrefix, ...(user ? { user, pass: pass ?? "" } : {}) });
  return { nc, js: jetstream(nc), jsm: await jetstreamManager(nc) };
}

/** The service that publishes each stream: its subjects are `ce.<service>.>` (the one stream→service map). */
export const STREAM_PRODUCER: Readonly<Record<StreamName, "identity" | "hours">> = { CE_IDENTITY: "identity", CE_HOURS: "hours" };

/**
 * Creates (or updates) the stream a service owns. The two-minute duplicate window lets the
 * server drop an outbox row that the relay publishes twice after a crash.
 */
export async function ensureStream(jsm: JetStreamManager, naming: Naming, stream: StreamName, replicas = 1): Promise<void> {
  const name = naming.stream(stream);
  const config = {
    subjects: [naming.serviceWildcard(STREAM_PRODUCER[stream])],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    duplicate_window: 120_000_000_000, // nanoseconds
    max_age: 0,
    num_replicas: replicas,
  };
  try {
    await jsm.streams.info(name);
    await jsm.streams.update(name, { subjects: config.subjects, duplicate_window: config.duplicate_window, num_replicas: replicas });
  } catch (e) {
    if (!isNotFound(e)) throw e;
    await jsm.streams.add({ name, ...config });
  }
}

export function isNotFound(e: unknown): boolean {
  const err = e as { code?: string | number; api_error?: { err_code?: number }; message?: string };
  return err?.api_error?.err_code === 10059 || err?.api_error?.err_code === 10014 || /not found/i.test(err?.message ?? "");
}
