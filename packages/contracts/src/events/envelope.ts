import { z } from "zod";

export const Actor = z.object({
  accountId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
});
export type Actor = z.infer<typeof Actor>;

/**
 * Every message on JetStream. `id` doubles as the Nats-Msg-Id, so a re-published outbox row
 * inside the stream's duplicate window is dropped by the server.
 */
export const EventEnvelope = z.object({
  id: z.uuid(),
  type: z.string().regex(/^ce\.[a-z]+\.[a-zA-Z]+\.[a-zA-Z]+\.v\d+$/),
  occurredAt: z.iso.datetime(),
  actor: Actor.nullable(),
  correlationId: z.string().min(1),
  causationId: z.string().nullable(),
  data: z.unknown(),
});
export type EventEnvelope<T = unknown> = Omit<z.infer<typeof EventEnvelope>, "data"> & { data: T };

/** An event type: its subject (without prefix), the stream that carries it, its payload schema. */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  type: string;
  stream: StreamName;
  data: S;
}

export type StreamName = "CE_IDENTITY" | "CE_HOURS";

export function defineEvent<S extends z.ZodType>(type: string, stream: StreamName, data: S): EventDefinition<S> {
  EventEnvelope.shape.type.parse(type);
  return { type, stream, data };
}

/** Parses an envelope and its payload; throws a ZodError naming the bad field. */
export function parseEvent<S extends z.ZodType>(def: EventDefinition<S>, raw: unknown): EventEnvelope<z.infer<S>> {
  const envelope = EventEnvelope.parse(raw);
  if (envelope.type !== def.type) throw new Error(`expected ${def.type}, got ${envelope.type}`);
  return { ...envelope, data: def.data.parse(envelope.data) };
}
