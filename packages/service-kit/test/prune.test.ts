import { randomUUID } from "node:crypto";
import { createTestDatabase, dropTestDatabase, testTag } from "@ce/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { baseEnv, parseEnv } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { migrateEventTables } from "../src/migrate.ts";
import { pruneEventTables, retentionFromConfig, startEventPruner } from "../src/prune.ts";
import { eventually } from "../src/testing.ts";
import { pgClient } from "./support/pg-client.ts";

const tag = testTag("prune");
let databaseUrl: string;
let db: ReturnType<typeof pgClient>;
let other: ReturnType<typeof pgClient>;

beforeAll(async () => {
  databaseUrl = await createTestDatabase(tag);
  db = pgClient(databaseUrl);
  other = pgClient(databaseUrl);
  await migrateEventTables({ databaseUrl, schema: "kit" });
});
afterAll(async () => {
  await db.end();
  await other.end();
  await dropTestDatabase(databaseUrl);
});
beforeEach(async () => {
  await db.$executeRawUnsafe("TRUNCATE kit.outbox, kit.inbox");
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const defaults = retentionFromConfig(parseEnv(baseEnv, {}));

/** An outbox row created `createdAgoMs` ago and published `publishedAgoMs` ago (null: not yet). */
async function outboxRow(label: string, publishedAgoMs: number | null, createdAgoMs = publishedAgoMs ?? 0): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO kit.outbox (id, type, payload, created_at, published_at)
     VALUES ($1::uuid, 'ce.test.thing.happened.v1', $2::jsonb, now() - $3::double precision * interval '1 millisecond',
             CASE WHEN $4::double precision IS NULL THEN NULL ELSE now() - $4::double precision * interval '1 millisecond' END)`,
    randomUUID(),
    JSON.stringify({ label }),
    createdAgoMs,
    publishedAgoMs,
  );
}

async function inboxRow(consumer: string, receivedAgoMs: number): Promise<void> {
  await db.$executeRawUnsafe(
    "INSERT INTO kit.inbox (consumer, event_id, received_at) VALUES ($1, $2::uuid, now() - $3::double precision * interval '1 millisecond')",
    consumer,
    randomUUID(),
    receivedAgoMs,
  );
}

const outboxLabels = async () =>
  (await db.$queryRawUnsafe<Array<{ label: string }>>("SELECT payload->>'label' AS label FROM kit.outbox ORDER BY seq")).map((r) => r.label);
const inboxConsumers = async () =>
  (await db.$queryRawUnsafe<Array<{ consumer: string }>>("SELECT consumer FROM kit.inbox ORDER BY consumer")).map((r) => r.consumer);

describe("retention defaults", () => {
  it("keeps published outbox rows 168 hours and inbox rows 30 days, pruning hourly", () => {
    expect(defaults).toEqual({ outboxRetentionMs: 168 * HOUR, inboxRetentionMs: 30 * DAY, intervalMs: HOUR });
  });

  it.each([
    { env: { OUTBOX_RETENTION_HOURS: "0" }, bad: "OUTBOX_RETENTION_HOURS" },
    { env: { INBOX_RETENTION_DAYS: "-3" }, bad: "INBOX_RETENTION_DAYS" },
    { env: { INBOX_RETENTION_DAYS: "一个月" }, bad: "INBOX_RETENTION_DAYS" },
    { env: { EVENT_PRUNE_INTERVAL_MINUTES: "0.5" }, bad: "EVENT_PRUNE_INTERVAL_MINUTES" },
  ])("refuses $env", ({ env, bad }) => {
    expect(() => parseEnv(baseEnv, env)).toThrow(bad);
  });
});

describe("pruning the outbox and inbox", () => {
  // [label, published ago (null = never published), created ago, kept?]
  const outboxCases: Array<[string, number | null, number, boolean]> = [
    ["published a year ago", 365 * DAY, 365 * DAY, false],
    ["published 8 days ago", 8 * DAY, 8 * DAY, false],
    ["published 169 hours ago", 169 * HOUR, 169 * HOUR, false],
    ["published 167 hours ago", 167 * HOUR, 167 * HOUR, true],
    ["created long ago, published a minute ago", 60_000, 30 * DAY, true],
    ["published just now", 0, 0, true],
    ["never published, created 30 days ago", null, 30 * DAY, true],
    ["never published, created now", null, 0, true],
  ];
  // [consumer, received ago, kept?]
  const inboxCases: Array<[string, number, boolean]> = [
    ["a-received-a-year-ago", 365 * DAY, false],
    ["b-received-31-days-ago", 31 * DAY, false],
    ["c-received-29-days-ago", 29 * DAY, true],
    ["d-received-an-hour-ago", HOUR, true],
    ["e-received-now", 0, true],
  ];

  it("deletes old published outbox rows and old inbox rows; never an unpublished row, never a recent one", async () => {
    for (const [label, published, created] of outboxCases) await outboxRow(label, published, created);
    for (const [consumer, ago] of inboxCases) await inboxRow(consumer, ago);

    const result = await pruneEventTables(db, "kit", defaults);

    expect(result).toEqual({ outbox: outboxCases.filter((c) => !c[3]).length, inbox: inboxCases.filter((c) => !c[2]).length, skipped: false });
    expect(await outboxLabels()).toEqual(outboxCases.filter((c) => c[3]).map((c) => c[0]));
    expect(await inboxConsumers()).toEqual(inboxCases.filter((c) => c[2]).map((c) => c[0]));
    expect(await pruneEventTables(db, "kit", defaults)).toEqual({ outbox: 0, inbox: 0, skipped: false });
  });

  it("deletes in batches until nothing old is left", async () => {
    for (let i = 0; i < 7; i++) await outboxRow(`old ${i}`, 10 * DAY);
    await outboxRow("pending", null, 10 * DAY);
    for (let i = 0; i < 5; i++) await inboxRow(`old-${i}`, 40 * DAY);
    expect(await pruneEventTables(db, "kit", { ...defaults, batchSize: 2 })).toEqual({ outbox: 7, inbox: 5, skipped: false });
    expect(await outboxLabels()).toEqual(["pending"]);
  });

  it("leaves the work to the replica that holds the prune lock, and takes it once that is done", async () => {
    await outboxRow("old", 10 * DAY);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = other.$transaction(async (tx) => {
      await tx.$queryRawUnsafe("SELECT pg_advisory_xact_lock(hashtext('ce.event-prune'), hashtext('kit'))");
      locked();
      await released;
    });
    await isLocked;
    expect(await pruneEventTables(db, "kit", defaults)).toEqual({ outbox: 0, inbox: 0, skipped: true });
    expect(await outboxLabels()).toEqual(["old"]);
    release();
    await holder;
    expect(await pruneEventTables(db, "kit", defaults)).toEqual({ outbox: 1, inbox: 0, skipped: false });
  });

  it("lets two replicas prune side by side without deleting a row twice or failing", async () => {
    for (let i = 0; i < 40; i++) await outboxRow(`old ${i}`, 10 * DAY);
    for (let i = 0; i < 40; i++) await inboxRow(`old-${i}`, 40 * DAY);
    const runs = await Promise.all([db, other, db, other].map((client) => pruneEventTables(client, "kit", { ...defaults, batchSize: 3 })));
    expect(runs.reduce((n, r) => n + r.outbox, 0) + (await outboxLabels()).length).toBe(40);
    expect(runs.reduce((n, r) => n + r.inbox, 0) + (await inboxConsumers()).length).toBe(40);
    // A replica that found the lock taken stopped; the next scheduled run finishes the job.
    await pruneEventTables(db, "kit", { ...defaults, batchSize: 3 });
    expect(await outboxLabels()).toEqual([]);
    expect(await inboxConsumers()).toEqual([]);
  });

  it("runs on its schedule in the service process and stops cleanly", async () => {
    await outboxRow("old", 10 * DAY);
    await inboxRow("old", 40 * DAY);
    await outboxRow("pending", null);
    const pruner = startEventPruner({ db, schema: "kit", log: createLogger("test", "silent"), ...defaults, intervalMs: 100 });
    try {
      await eventually(async () => {
        expect(await outboxLabels()).toEqual(["pending"]);
        expect(await inboxConsumers()).toEqual([]);
      });
    } finally {
      await pruner.stop();
    }
  });
});
