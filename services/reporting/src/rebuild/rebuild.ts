// The rebuild (issue 10 item 3, ADR 013): both streams replayed from their first message into a
// fresh schema holding empty copies of the read-model tables, compared row for row with the live
// tables and, when asked, switched in: the live tables take the rebuilt rows in one transaction.
import { fileURLToPath } from "node:url";
import { naming as makeNaming, type Naming, type StreamName } from "@ce/contracts";
import { connectNats, createLogger, type Logger, type Nats, quoteIdent, type SqlClient, type TransactionalClient } from "@ce/service-kit";
import { loadConfig, SCHEMA } from "../config.ts";
import { createDb } from "../db/client.ts";
import { READ_MODEL_TABLES, readModelHandlers } from "../events/read-model-handlers.ts";
import { type ReplayResult, replayStream } from "./replay.ts";

/** The schema a rebuild writes into (dropped and made anew by each run; dropped after a switch). */
export const REBUILD_SCHEMA = "reporting_rebuild";

const STREAMS: StreamName[] = ["CE_IDENTITY", "CE_HOURS"];

/** One read-model table compared: its rows live and rebuilt, and the rows only one side holds (as whole rows, duplicates counted). */
export interface TableComparison {
  table: string;
  live: number;
  rebuilt: number;
  onlyLive: number;
  onlyRebuilt: number;
}

export interface RebuildReport {
  replays: ReplayResult[];
  tables: TableComparison[];
  /** True when every table holds the same rows live and rebuilt (before any switch). */
  identical: boolean;
  switched: boolean;
}

interface RebuildOptions {
  db: TransactionalClient;
  nats: Nats;
  naming: Naming;
  log: Logger;
  /** The live schema (`reporting`). */
  live: string;
  /** Where to rebuild; default REBUILD_SCHEMA. */
  target?: string;
  /** Switch the rebuilt rows into the live tables after comparing (else compare only). */
  switchLive?: boolean;
}

/** Drops `target` and makes it anew with an empty copy (columns, defaults, constraints, indexes) of each read-model table and the inbox of `live`. */
export async function prepareSchema(db: SqlClient, live: string, target: string): Promise<void> {
  const t = quoteIdent(target);
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${t} CASCADE`);
  await db.$executeRawUnsafe(`CREATE SCHEMA ${t}`);
  for (const table of [...READ_MODEL_TABLES, "inbox"]) {
    await db.$executeRawUnsafe(`CREATE TABLE ${t}.${quoteIdent(table)} (LIKE ${quoteIdent(live)}.${quoteIdent(table)} INCLUDING ALL)`);
  }
}

/** Compares every read-model table of two schemas row for row (EXCEPT ALL both ways: every column, duplicates counted). */
export async function compareReadModels(db: SqlClient, live: string, rebuilt: string): Promise<TableComparison[]> {
  const out: TableComparison[] = [];
  for (const table of READ_MODEL_TABLES) {
    const a = `${quoteIdent(live)}.${quoteIdent(table)}`;
    const b = `${quoteIdent(rebuilt)}.${quoteIdent(table)}`;
    const [row] = await db.$queryRawUnsafe<Array<{ live: number; rebuilt: number; only_live: number; only_rebuilt: number }>>(
      `SELECT (SELECT count(*) FROM ${a})::int AS live, (SELECT count(*) FROM ${b})::int AS rebuilt,
              (SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b}) x)::int AS only_live,
              (SELECT count(*) FROM (SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a}) x)::int AS only_rebuilt`,
    );
    out.push({ table, live: row!.live, rebuilt: row!.rebuilt, onlyLive: row!.only_live, onlyRebuilt: row!.only_rebuilt });
  }
  return out;
}

/**
 * Replays CE_IDENTITY and CE_HOURS from their first message into a fresh `target` schema (the
 * same handlers as the live consumers), then compares it with `live` table by table. With
 * `switchLive`, it then locks the live inbox and read models against writes (readers go on),
 * replays what was published meanwhile, replaces the live rows with the rebuilt ones and adds the
 * rebuilt inbox's event ids to the live inbox — all in one transaction — so the live consumers,
 * blocked meanwhile, skip what the rebuild applied and go on with the rest exactly once. The
 * rebuilt schema is kept after a compare (to inspect) and dropped after a switch.
 */
export async function rebuildReadModels(opts: RebuildOptions): Promise<RebuildReport> {
  const { db, nats, naming, log, live } = opts;
  const target = opts.target ?? REBUILD_SCHEMA;
  await prepareSchema(db, live, target);
  const handlers = readModelHandlers<SqlClient>(target);
  const replays: ReplayResult[] = [];
  for (const stream of STREAMS) {
    const r = await replayStream({ db, schema: target, nats, naming, stream, handlers: handlers[stream], log });
    log.info({ ...r }, "rebuild: stream replayed");
    replays.push(r);
  }
  const tables = await compareReadModels(db, live, target);
  const identical = tables.every((t) => t.onlyLive === 0 && t.onlyRebuilt === 0);
  if (!opts.switchLive) return { replays, tables, identical, switched: false };

  const liveTables = ["inbox", ...READ_MODEL_TABLES].map((t) => `${quoteIdent(live)}.${quoteIdent(t)}`);
  await db.$transaction(
    async (tx) => {
      // The inbox first: a live consumer's transaction starts there, so none can hold a read model while waiting for it.
      await tx.$executeRawUnsafe(`LOCK TABLE ${liveTables.join(", ")} IN EXCLUSIVE MODE`);
      for (const r of replays) {
        const more = await replayStream({ db, schema: target, nats, naming, stream: r.stream, handlers: handlers[r.stream], log, fromSeq: r.lastSeq + 1 });
        log.info({ ...more }, "rebuild: caught up before the switch");
      }
      for (const table of READ_MODEL_TABLES) {
        const a = `${quoteIdent(live)}.${quoteIdent(table)}`;
        await tx.$executeRawUnsafe(`TRUNCATE ${a}`);
        await tx.$executeRawUnsafe(`INSERT INTO ${a} SELECT * FROM ${quoteIdent(target)}.${quoteIdent(table)}`);
      }
      await tx.$executeRawUnsafe(
        `INSERT INTO ${quoteIdent(live)}.inbox (consumer, event_id, received_at)
         SELECT consumer, event_id, received_at FROM ${quoteIdent(target)}.inbox ON CONFLICT DO NOTHING`,
      );
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  await db.$executeRawUnsafe(`DROP SCHEMA ${quoteIdent(target)} CASCADE`);
  log.info({ target, live }, "rebuild: switched into the live tables");
  return { replays, tables, identical, switched: true };
}

/**
 * `npm run rebuild -w @ce/reporting [-- --switch]` (README.md, "Rebuilding the read models"): runs
 * rebuildReadModels with the service's own environment (DATABASE_URL, NATS_URL as the reporting
 * NATS user, SUBJECT_PREFIX) and prints what it did. Resolves to the exit status: 0 identical or
 * switched, 2 different, 1 failed.
 */
export async function runRebuildCli(argv: readonly string[]): Promise<number> {
  const config = loadConfig();
  const log = createLogger("reporting-rebuild", config.LOG_LEVEL);
  const db = createDb(config.DATABASE_URL);
  // Named "reporting": the reporting NATS user receives replies on _INBOX_reporting.> only.
  const nats = await connectNats(config.NATS_URL, "reporting");
  try {
    const report = await rebuildReadModels({ db, nats, naming: makeNaming(config.SUBJECT_PREFIX), log, live: SCHEMA, switchLive: argv.includes("--switch") });
    for (const r of report.replays)
      console.log(`${r.stream}: replayed to sequence ${r.lastSeq}, ${r.applied} applied, ${r.duplicates} duplicates, ${r.skipped} skipped`);
    console.table(report.tables);
    console.log(report.identical ? "the rebuilt read models equal the live ones" : "the rebuilt read models differ from the live ones");
    if (report.switched) console.log("switched: the live tables now hold the rebuilt rows");
    return report.identical || report.switched ? 0 : 2;
  } catch (err) {
    log.error({ err }, "rebuild failed");
    return 1;
  } finally {
    await nats.nc.drain().catch(() => {});
    await db.$disconnect();
  }
}

// `npm run rebuild` in this folder
if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(await runRebuildCli(process.argv.slice(2)));
