import { quoteIdent, type SqlClient, type TransactionalClient } from "./db.ts";
import type { Logger } from "./logger.ts";

/** How long event bookkeeping is kept; see ADR 004 for why these bounds are safe. */
export interface EventRetention {
  /** Published outbox rows older than this (since `published_at`) are deleted. Unpublished rows never are. */
  outboxRetentionMs: number;
  /** Inbox rows older than this (since `received_at`) are deleted. Must outlive any redelivery. */
  inboxRetentionMs: number;
  /** Rows deleted per statement, so one statement never holds many row locks for long. */
  batchSize?: number;
}

export interface PruneResult {
  outbox: number;
  inbox: number;
  /** True when another replica held the prune lock, so this run deleted nothing. */
  skipped: boolean;
}

const HOUR_MS = 3_600_000;

/** The retention and interval a service reads from its env (baseEnv), in milliseconds. */
export function retentionFromConfig(config: { OUTBOX_RETENTION_HOURS: number; INBOX_RETENTION_DAYS: number; EVENT_PRUNE_INTERVAL_MINUTES: number }) {
  return {
    outboxRetentionMs: config.OUTBOX_RETENTION_HOURS * HOUR_MS,
    inboxRetentionMs: config.INBOX_RETENTION_DAYS * 24 * HOUR_MS,
    intervalMs: config.EVENT_PRUNE_INTERVAL_MINUTES * 60_000,
  };
}

/**
 * Deletes one batch under a transaction-scoped advisory lock named after the schema: if another
 * replica is pruning the same schema this returns null at once instead of waiting. Rows are
 * picked `FOR UPDATE SKIP LOCKED`, so a row the relay is marking is simply left for next time.
 */
async function pruneBatch(db: TransactionalClient, schema: string, deleteSql: string, ageSeconds: number, limit: number): Promise<number | null> {
  return db.$transaction(async (tx: SqlClient) => {
    const [lock] = await tx.$queryRawUnsafe<Array<{ locked: boolean }>>(
      "SELECT pg_try_advisory_xact_lock(hashtext('ce.event-prune'), hashtext($1)) AS locked",
      schema,
    );
    if (!lock?.locked) return null;
    return tx.$executeRawUnsafe(deleteSql, ageSeconds, limit);
  });
}

/**
 * Prunes a service's `<schema>.outbox` (published rows older than `outboxRetentionMs`) and
 * `<schema>.inbox` (rows older than `inboxRetentionMs`), ages measured on the database clock.
 * Deletes in batches of `batchSize` (default 1000), each its own short transaction, until a
 * batch comes back short. Returns the rows deleted per table; `skipped` when another replica
 * holds the lock. Database errors propagate to the caller.
 */
export async function pruneEventTables(db: TransactionalClient, schema: string, retention: EventRetention): Promise<PruneResult> {
  const s = quoteIdent(schema);
  const limit = retention.batchSize ?? 1000;
  // Published rows are the oldest seqs, so walking the primary key finds them first.
  const outboxSql = `WITH doomed AS (
      SELECT seq FROM ${s}.outbox
      WHERE published_at IS NOT NULL AND published_at < now() - $1::double precision * interval '1 second'
      ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED)
    DELETE FROM ${s}.outbox o USING doomed WHERE o.seq = doomed.seq`;
  const inboxSql = `WITH doomed AS (
      SELECT consumer, event_id FROM ${s}.inbox
      WHERE received_at < now() - $1::double precision * interval '1 second'
      LIMIT $2 FOR UPDATE SKIP LOCKED)
    DELETE FROM ${s}.inbox i USING doomed WHERE i.consumer = doomed.consumer AND i.event_id = doomed.event_id`;

  const result: PruneResult = { outbox: 0, inbox: 0, skipped: false };
  for (const [table, sql, ms] of [
    ["outbox", outboxSql, retention.outboxRetentionMs],
    ["inbox", inboxSql, retention.inboxRetentionMs],
  ] as const) {
    for (;;) {
      const n = await pruneBatch(db, schema, sql, ms / 1000, limit);
      if (n === null) return { ...result, skipped: true };
      result[table] += n;
      if (n < limit) break;
    }
  }
  return result;
}

export interface EventPruner {
  /** Runs one prune now (tests, operators); never overlaps a scheduled run. */
  runOnce(): Promise<PruneResult>;
  stop(): Promise<void>;
}

/**
 * Prunes the outbox and inbox every `intervalMs` in the service process (first run one interval
 * after start). Safe with several replicas: the advisory lock lets one prune a schema at a
 * time. A failed run is logged and retried at the next interval; it never stops the service.
 */
export function startEventPruner(opts: EventRetention & { db: TransactionalClient; schema: string; log: Logger; intervalMs: number }): EventPruner {
  const log = opts.log.child({ job: "event-prune" });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<PruneResult> | null = null;

  function runOnce(): Promise<PruneResult> {
    running ??= pruneEventTables(opts.db, opts.schema, opts)
      .then((r) => {
        if (r.outbox + r.inbox > 0 || r.skipped) log.info(r, r.skipped ? "event prune skipped: another replica holds the lock" : "pruned event tables");
        return r;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce()
        .catch((err: unknown) => log.error({ err }, "event prune failed; will retry at the next interval"))
        .finally(schedule);
    }, opts.intervalMs);
    timer.unref();
  }
  schedule();

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => {});
    },
  };
}
