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

/**
 * A durable pull consumer whose effects are idempotent: the event id is inserted into the
 * service's inbox in the same transaction as the handler's writes, so a redelivered message
 * (crash before ack, ack lost, republished) commits nothing twice. Ack only after commit; nak
 * with backoff on a transient error; term a message that can never be parsed, or whose handler
 * has failed on `maxDeliver` deliveries (default 10): it is dead-lettered, logged at error with
 * `deadLettered: true`, its id and delivery count, and the consumer goes on with the next one.
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
}): Promise<Consumer> {
  const { db, js, jsm, naming } = opts;
  const stream = naming.stream(opts.stream);
  const durable = naming.consumer(opts.name, opts.stream);
  const inbox = `${quoteIdent(opts.schema)}.inbox`;
  const byType = new Map(opts.handlers.map((h) => [h.event.type, h]));
  const log = opts.log.child({ consumer: durable });
  const maxDeliver = opts.maxDeliver ?? MAX_DELIVER;

  const config = {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: (opts.ackWaitMs ?? 30_000) * 1_000_000,
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

  async function handle(m: JsMsg): Promise<void> {
    let envelope: EventEnvelope;
    try {
      envelope = EventEnvelope.parse(m.json());
    } catch (err) {
      log.error({ err, subject: m.subject, seq: m.seq, deadLettered: true }, "event dead-lettered: unparseable; terminated");
      m.term(); // no reason text: server 2.9 ignores "+TERM <reason>"
      return;
    }
    const handler = byType.get(envelope.type);
    if (!handler) {
      m.ack(); // not an event this consumer cares about
      return;
    }
    try {
      const event = parseEvent(handler.event, envelope);
      const applied = await db.$transaction(async (tx) => {
        const inserted = await tx.$executeRawUnsafe(
          `INSERT INTO ${inbox} (consumer, event_id) VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING`,
          opts.name,
          event.id,
        );
        if (inserted === 0) return false;
        await handler.handle(tx, event);
        return true;
      });
      m.ack();
      log.debug({ type: event.type, eventId: event.id, applied, correlationId: event.correlationId }, applied ? "event applied" : "duplicate event skipped");
    } catch (err) {
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
  }

  const loop = (async () => {
    await ensureConsumer();
    if (stopped) return;
    const consumer = await js.consumers.get(stream, durable);
    messages = await consumer.consume({ max_messages: 100 });
    ready = true;
    for await (const m of messages) await handle(m);
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
