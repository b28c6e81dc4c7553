import { type EventDefinition, EventEnvelope, type Naming, parseEvent, type StreamName } from "@ce/contracts";
import { AckPolicy, type ConsumerMessages, DeliverPolicy, type JetStreamClient, type JetStreamManager, type JsMsg } from "@nats-io/jetstream";
import type { z } from "zod";
import { quoteIdent, type SqlClient, type TransactionalClient } from "./db.ts";
import type { Logger } from "./logger.ts";
import { isNotFound, STREAM_PRODUCER } from "./nats.ts";

export interface EventHandler<Tx extends SqlClient, S extends z.ZodType = z.ZodType> {
  event: EventDefinition<S>;
  handle(tx: Tx, event: EventEnvelope<z.infer<S>>): Promise<void>;
}

/** Pairs an event definition with its handler, keeping the payload type. */
export function on<Tx extends SqlClient, S extends z.ZodType>(
  event: EventDefinition<S>,
  handle: (tx: Tx, event: EventEnvelope<z.infer<S>>) => Promise<void>,
): EventHandler<Tx, S> {
  return { event, handle };
}

export interface Consumer {
  /** True once the durable consumer exists and messages flow (readiness). */
  isReady(): boolean;
  stop(): Promise<void>;
}

/** Deliveries before a failing message is terminated (dead-lettered); ADR 004. */
export const MAX_DELIVER = 10;

/** The most messages applied in one transaction (one commit for all of them). */
export const MAX_BATCH = 100;

/** How long a batch waits for the next message the stream says is pending before applying what it has (ms). */
const BATCH_WAIT_MS = 20;

/**
 * A durable pull consumer whose effects are idempotent: the event id is inserted into the
 * service's inbox in the same transaction as the handler's writes, so a redelivered message
 * (crash before ack, ack lost, republished) commits nothing twice. Messages are applied in
 * batches — the ones already waiting (the server's pending count), at most `maxBatch` (default
 * MAX_BATCH) — in stream order in ONE transaction, each event under a savepoint of its own, and
 * acked only after that commit: one commit per batch instead of per event. A handler that fails
 * rolls back only its own event (to its savepoint) and the rest of the batch commits; that message
 * is nak'd with backoff, or — when unparseable, or failed on `maxDeliver` deliveries (default
 * 10) — terminated (dead-lettered), logged at error with `deadLettered: true`, its id and delivery
 * count, and the consumer goes on. A batch whose transaction fails as a whole (commit, lock wait,
 * time) wrote nothing: its events are then applied again one transaction each.
 */
export async function startConsumer<Tx extends SqlClient>(opts: {
  name: string;
  stream: StreamName;
  db: TransactionalClient<Tx>;
  schema: string;
  js: JetStreamClient;
  jsm: JetStreamManager;
  naming: Naming;
  log: Logger;
  handlers: EventHandler<Tx, any>[];
  ackWaitMs?: number;
  maxDeliver?: number;
  maxBatch?: number;
}): Promise<Consumer> {
  const { db, js, jsm, naming } = opts;
  const stream = naming.stream(opts.stream);
  const durable = naming.consumer(opts.name, opts.stream);
  const inbox = `${quoteIdent(opts.schema)}.inbox`;
  const byType = new Map(opts.handlers.map((h) => [h.event.type, h]));
  const log = opts.log.child({ consumer: durable });
  const maxDeliver = opts.maxDeliver ?? MAX_DELIVER;
  const maxBatch = Math.max(1, opts.maxBatch ?? MAX_BATCH);
  const ackWaitMs = opts.ackWaitMs ?? 30_000;

  const config = {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: ackWaitMs * 1_000_000,
    max_deliver: maxDeliver,
    filter_subject: naming.serviceWildcard(STREAM_PRODUCER[opts.stream]),
  };

  /** The producing service owns its stream; until it has created it, wait and retry. */
  async function ensureConsumer(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await jsm.consumers.info(stream, durable);
        await jsm.consumers.update(stream, durable, { ack_wait: config.ack_wait, max_deliver: config.max_deliver });
        return;
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
      try {
        await jsm.consumers.add(stream, config);
        return;
      } catch (e) {
        if (!isNotFound(e)) throw e;
        if (attempt % 30 === 0) log.info({ stream }, "waiting for the producer to create its stream");
        await new Promise((r) => setTimeout(r, 1000));
        if (stopped) return;
      }
    }
  }

  let stopped = false;
  let messages: ConsumerMessages | null = null;
  let ready = false;

  /** A message the handler could not apply on this delivery: retried with backoff, or dead-lettered on the last. */
  function failed(m: JsMsg, envelope: EventEnvelope, err: unknown): void {
    const attempt = m.info.deliveryCount;
    if (attempt >= maxDeliver) {
      // The server would stop delivering anyway; term() says so now and frees the ack slot.
      log.error(
        { err, type: envelope.type, eventId: envelope.id, deliveries: attempt, deadLettered: true },
        "event dead-lettered: failed on every delivery; terminated",
      );
      m.term();
    } else {
      log.warn({ err, type: envelope.type, eventId: envelope.id, attempt }, "event handler failed; will retry");
      m.nak(Math.min(30_000, 250 * 2 ** attempt));
    }
  }

  /** One batch in stream order: parsed, applied in one transaction (a savepoint per event), then acked / nak'd / terminated. */
  async function handleBatch(batch: readonly JsMsg[]): Promise<void> {
    const work: Work[] = [];
    for (const m of batch) {
      let envelope: EventEnvelope;
      try {
        envelope = EventEnvelope.parse(m.json());
      } catch (err) {
        log.error({ err, subject: m.subject, seq: m.seq, deadLettered: true }, "event dead-lettered: unparseable; terminated");
        m.term(); // no reason text: server 2.9 ignores "+TERM <reason>"
        continue;
      }
      const handler = byType.get(envelope.type);
      if (!handler)
        m.ack(); // not an event this consumer cares about
      else work.push({ m, envelope, handler });
    }
    if (work.length === 0) return;
    try {
      settle(work, await applyTogether(work));
    } catch (err) {
      // Nothing of the batch was committed (the commit failed, a lock wait or the time ran out):
      // one message alone gets its retry; several are tried again one transaction each, now.
      if (work.length === 1) return failed(work[0]!.m, work[0]!.envelope, err);
      log.warn({ err, events: work.length }, "event batch failed as a whole; applying its events one by one");
      for (const w of work) {
        try {
          settle([w], await applyTogether([w]));
        } catch (e) {
          failed(w.m, w.envelope, e);
        }
      }
    }
  }

  type Work = { m: JsMsg; envelope: EventEnvelope; handler: (typeof opts.handlers)[number] };
  type Outcome = { applied: boolean } | { err: unknown };

  /** Applies the events in one transaction, each under a savepoint: what became of each (a handler's error rolls back only its event). */
  async function applyTogether(work: readonly Work[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    await db.$transaction(
      async (tx) => {
        outcomes.length = 0;
        for (const { envelope, handler } of work) {
          await tx.$executeRawUnsafe("SAVEPOINT consumer_event");
          try {
            const event = parseEvent(handler.event, envelope);
            const inserted = await tx.$executeRawUnsafe(
              `INSERT INTO ${inbox} (consumer, event_id) VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING`,
              opts.name,
              event.id,
            );
            if (inserted > 0) await handler.handle(tx, event);
            await tx.$executeRawUnsafe("RELEASE SAVEPOINT consumer_event");
            outcomes.push({ applied: inserted > 0 });
          } catch (err) {
            await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT consumer_event");
            outcomes.push({ err });
          }
        }
      },
      { timeout: ackWaitMs, maxWait: ackWaitMs },
    );
    return outcomes;
  }

  /** After the commit: ack what was applied or skipped as a duplicate, retry or dead-letter what failed. */
  function settle(work: readonly Work[], outcomes: readonly Outcome[]): void {
    for (const [i, { m, envelope }] of work.entries()) {
      const outcome = outcomes[i]!;
      if ("err" in outcome) {
        failed(m, envelope, outcome.err);
        continue;
      }
      m.ack();
      log.debug(
        { type: envelope.type, eventId: envelope.id, applied: outcome.applied, correlationId: envelope.correlationId },
        outcome.applied ? "event applied" : "duplicate event skipped",
      );
    }
  }

  const loop = (async () => {
    await ensureConsumer();
    if (stopped) return;
    const consumer = await js.consumers.get(stream, durable);
    messages = await consumer.consume({ max_messages: Math.max(100, maxBatch) });
    ready = true;
    const it = messages[Symbol.asyncIterator]();
    let next = it.next();
    for (;;) {
      const first = await next;
      if (first.done) return;
      const batch = [first.value];
      next = it.next();
      let done = false;
      // Take what the stream already holds for us (pending > 0), briefly waiting for it to arrive.
      while (batch.length < maxBatch && batch[batch.length - 1]!.info.pending > 0) {
        let timer: NodeJS.Timeout | undefined;
        const r = await Promise.race([next, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), BATCH_WAIT_MS)))]);
        clearTimeout(timer);
        if (r === null) break; // `next` stays the promise of the message to come
        if (r.done) {
          done = true;
          break;
        }
        batch.push(r.value);
        next = it.next();
      }
      await handleBatch(batch);
      if (done) return;
    }
  })().catch((err: unknown) => log.error({ err }, "consumer stopped on an error"));

  return {
    isReady: () => ready,
    stop: async () => {
      stopped = true;
      await messages?.close();
      await loop;
    },
  };
}
