import net from "node:net";
import { createTestDatabase, dropTestDatabase, TEST_NATS_URL, TEST_REDIS_URL, testTag } from "@ce/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseEnv, parseEnv, port } from "../src/config.ts";
import { migrateEventTables } from "../src/migrate.ts";
import type { Infra } from "../src/runtime.ts";
import { type ServiceDb, startService, type WireContext } from "../src/service.ts";
import { eventually } from "../src/testing.ts";
import { router } from "../src/trpc.ts";
import { pgClient } from "./support/pg-client.ts";

const tag = testTag("bootstrap");
let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await createTestDatabase(tag);
  await migrateEventTables({ databaseUrl, schema: "kit" });
});
afterAll(async () => {
  await dropTestDatabase(databaseUrl);
});

const config = (env: Record<string, string> = {}) =>
  // The test's NATS and Redis (the config's defaults are the machine's own ports, which a fresh machine may not have).
  parseEnv(
    { ...baseEnv, PORT: port(0) },
    { DATABASE_URL: databaseUrl, NATS_URL: TEST_NATS_URL, REDIS_URL: TEST_REDIS_URL, SUBJECT_PREFIX: tag, LOG_LEVEL: "silent", ...env },
  );

/** A real database client that remembers whether the bootstrap closed it. */
function trackedDb(url: string) {
  const client = pgClient(url);
  const state = { closed: false };
  const db: ServiceDb = {
    ...client,
    async $disconnect() {
      state.closed = true;
      await client.end();
    },
  };
  return { db, state };
}

type Step = (ctx: WireContext<ServiceDb>) => Promise<void>;
const fail =
  (message: string): Step =>
  async () => {
    throw new Error(message);
  };

describe("startService", () => {
  // Each row: where the start fails; every row must leave the database and NATS closed.
  const cases: Array<{ name: string; env?: Record<string, string>; wire: Step; error: RegExp; occupyPort?: boolean }> = [
    { name: "NATS unreachable", env: { NATS_URL: "nats://127.0.0.1:1" }, wire: async () => {}, error: /./ },
    { name: "wire throws before anything", wire: fail("store missing"), error: /store missing/ },
    {
      name: "wire throws after its stream and relay",
      wire: async (ctx) => {
        await ctx.publishTo("CE_HOURS");
        throw new Error("consumer refused");
      },
      error: /consumer refused/,
    },
    { name: "HTTP port taken", wire: async () => {}, error: /EADDRINUSE/, occupyPort: true },
  ];

  it.each(cases)("cleans up when $name", async ({ env, wire, error, occupyPort }) => {
    const blocker = occupyPort ? await listen() : null;
    const { db, state } = trackedDb(databaseUrl);
    let infra: Infra | null = null;
    const stopped: string[] = [];
    const started = startService({
      name: "hours",
      config: config({ ...env, ...(blocker ? { PORT: String(blocker.port) } : {}) }),
      schema: "kit",
      createDb: () => db,
      async wire(ctx) {
        infra = ctx.infra;
        ctx.infra.lifecycle.onStop("probe", () => stopped.push("probe"));
        await wire(ctx);
        return { router: router({}) };
      },
    });
    await expect(started).rejects.toThrow(error);
    blocker?.server.close();
    expect(state.closed).toBe(true);
    if (infra) {
      expect((infra as Infra).nats.nc.isClosed()).toBe(true);
      const redis = (infra as Infra).redis;
      // quit() of a client still connecting settles after the start has already failed.
      await eventually(async () => expect(redis.status).toBe("end"));
      expect(stopped).toEqual(["probe"]);
    }
  });

  it("serves /readyz once registered consumers are ready, and stop closes everything", async () => {
    const { db, state } = trackedDb(databaseUrl);
    let ready = false;
    const app = await startService({
      name: "reporting",
      config: config(),
      schema: "kit",
      createDb: () => db,
      async wire(ctx) {
        ctx.consumer("identity consumer", { isReady: () => ready, stop: async () => {} }, "CE_IDENTITY");
        return { router: router({}), extra: 42 };
      },
    });
    const readyz = () => fetch(app.url.replace(/\/trpc$/, "/readyz")).then((r) => r.status);
    expect(await readyz()).toBe(503);
    ready = true;
    expect(await readyz()).toBe(200);
    expect(app.extra).toBe(42);
    await app.stop();
    expect(state.closed).toBe(true);
    expect(app.infra.nats.nc.isClosed()).toBe(true);
  });
});

function listen(): Promise<{ server: net.Server; port: number }> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as net.AddressInfo).port }));
  });
}
