// Replays one stream from a sequence into a schema holding reporting's tables, through the same
// handlers as the live consumers (events/read-model-handlers.ts) and an inbox of that schema, so a
// message the stream holds twice (a republish after the duplicate window) is applied once (ADR 013).
import { EventEnvelope, type Naming, parseEvent, type StreamName } from "@ce/contracts";
import { type EventHandler, isNotFound, type Logger, type Nats, quoteIdent, type SqlClient, STREAM_PRODUCER, type TransactionalClient } from "@ce/service-kit";
import { CONSUMER } from "../events/read-model-handlers.ts";

/** The rebuild's consumer (`reporting_rebuild_<stream>`): not durable, deleted when done, gone after a minute unused. */
export const REBUILD_CONSUMER = "reporting_rebuild";

/** Attempts of one event's transaction before the replay skips it, as the live consumer dead-letters a failing event. */
const ATTEMPTS = 3;

export interface ReplayResult {
  stream: StreamName;
  /** The last stream sequence replayed (the stream's last one when the replay began; 0 for an empty or absent stream). */
  lastSeq: number;
  applied: number;
  /** Messages whose event id the schema's inbox already held (the same event twice on the stream). */
  duplicates: number;
  /** Unparseable messages and events whose handler failed on every attempt (the live consumer dead-letters these too). */
  skipped: number;
}

type ConsumerConfig = Parameters<Nats["jsm"]["consumers"]["add"]>[1];

/** The stream's last sequence now, or 0 when it does not exist (its producer never started). */
export async function streamLastSeq(nats: Nats, naming: Naming, stream: StreamName): Promise<number> {
  try {
    return (await nats.jsm.streams.info(naming.stream(stream))).state.last_seq;
  } catch (e) {
    if (isNotFound(e)) return 0;
    throw e;
  }
}

/**
 * Applies messages `fromSeq`…(the stream's last sequence when called) of `stream`, in stream
 * order, to `schema`: each in its own transaction that first inserts the event id into
 * `<schema>.inbox` (consumer "reporting") and runs the handler only when that id is new. Uses one
 * pull consumer of its own, created for the replay and deleted after it. Returns what it did;
 * throws when NATS or the database fails outside an event's transaction.
 */
export async function replayStream(opts: {
  db: TransactionalClient;
  schema: string;
  nats: Nats;
  naming: Naming;
  stream: StreamName;
  handlers: EventHandler<SqlClient>[];
  log: Logger;
  fromSeq?: number;
}): Promise<ReplayResult> {
  const { db, nats, naming, stream, log } = opts;
  const fromSeq = opts.fromSeq ?? 1;
  const lastSeq = await streamLastSeq(nats, naming, stream);
  const result: ReplayResult = { stream, lastSeq, applied: 0, duplicates: 0, skipped: 0 };
  if (lastSeq < fromSeq) return { ...result, lastSeq: Math.max(lastSeq, fromSeq - 1) };

  const streamName = naming.stream(stream);
  const name = naming.consumer(REBUILD_CONSUMER, stream);
  await nats.jsm.consumers.delete(streamName, name).catch((e: unknown) => {
    if (!isNotFound(e)) throw e;
  });
  const config = {
    name,
    ack_policy: "explicit",
    deliver_policy: "by_start_sequence",
    opt_start_seq: fromSeq,
    filter_subject: naming.serviceWildcard(STREAM_PRODUCER[stream]),
    inactive_threshold: 60_000_000_000, // one minute, in nanoseconds: a crashed rebuild leaves nothing behind
    max_ack_pending: 1000,
  } as unknown as ConsumerConfig;
  await nats.jsm.consumers.add(streamName, config);

  const byType = new Map(opts.handlers.map((h) => [h.event.type, h]));
  const inbox = `${quoteIdent(opts.schema)}.inbox`;
  try {
    const consumer = await nats.js.consumers.get(streamName, name);
    const messages = await consumer.consume({ max_messages: 500 });
    for await (const m of messages) {
      await applyMessage(m.json(), m.seq);
      m.ack();
      // Done at the last sequence of the start (or earlier, when the stream's tail was deleted and nothing is pending).
      if (m.seq >= lastSeq || m.info.pending === 0) break;
    }
    await messages.close();
  } finally {
    await nats.jsm.consumers.delete(streamName, name).catch(() => {});
  }
  return result;

  async function applyMessage(raw: unknown, seq: number): Promise<void> {
    const envelope = EventEnvelope.safeParse(raw);
    if (!envelope.success) {
      log.error({ stream, seq, skipped: true }, "rebuild: unparseable message skipped (the live consumer dead-letters it too)");
      result.skipped++;
      return;
    }
    const handler = byType.get(envelope.data.type);
    if (!handler) return; // not an event reporting projects
    for (let attempt = 1; ; attempt++) {
      try {
        const event = parseEvent(handler.event, envelope.data);
        const applied = await db.$transaction(async (tx) => {
          const inserted = await tx.$executeRawUnsafe(
            `INSERT INTO ${inbox} (consumer, event_id) VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING`,
            CONSUMER,
            event.id,
          );
          if (inserted === 0) return false;
          await handler.handle(tx, event);
          return true;
        });
        if (applied) result.applied++;
        else result.duplicates++;
        return;
      } catch (err) {
        if (attempt < ATTEMPTS) continue;
        log.error({ err, stream, seq, type: envelope.data.type, eventId: envelope.data.id, skipped: true }, "rebuild: event failed on every attempt; skipped");
        result.skipped++;
        return;
      }
    }
  }
}
