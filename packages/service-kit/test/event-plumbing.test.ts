import { EventEnvelope, hoursEvents, identityEvents, naming } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { STREAM_PRODUCER } from "../src/nats.ts";
import { eventMeta } from "../src/outbox.ts";

const account = "6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e";
const unit = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";

describe("eventMeta, the one event-metadata builder", () => {
  const cases = [
    {
      name: "an admin in a unit",
      ctx: { principal: { accountId: account, unitId: unit }, requestId: "req-1" },
      cause: null,
      actor: { accountId: account, unitId: unit },
    },
    {
      name: "a professional without a unit",
      ctx: { principal: { accountId: account, unitId: null }, requestId: "req-2" },
      cause: null,
      actor: { accountId: account, unitId: null },
    },
    { name: "the system (seed)", ctx: { principal: null, requestId: "seed:demo" }, cause: null, actor: null },
    { name: "a consumer reacting to an event", ctx: { principal: null, requestId: "req-3" }, cause: "evt-9", actor: null },
  ];
  it.each(cases)("$name", ({ ctx, cause, actor }) => {
    const meta = eventMeta(ctx, cause);
    expect(meta).toEqual({ actor, correlationId: ctx.requestId, causationId: cause });
    // What a consumer receives must parse as an envelope.
    expect(() =>
      EventEnvelope.parse({ id: account, type: "ce.identity.unit.created.v1", occurredAt: new Date().toISOString(), data: {}, ...meta }),
    ).not.toThrow();
  });

  it("leaves out the principal's other fields (no names, roles or scope on the wire)", () => {
    const principal = { accountId: account, unitId: unit, name: "张三", scopePath: "/a/", permissions: ["stats.view"] };
    expect(eventMeta({ principal, requestId: "r" }).actor).toEqual({ accountId: account, unitId: unit });
  });
});

describe("STREAM_PRODUCER, the one stream→service map", () => {
  const events = [...Object.values(identityEvents), ...Object.values(hoursEvents)];
  it.each(events.map((e) => [e.type, e] as const))("%s is published under its stream's producer", (_, def) => {
    const n = naming("t1");
    const wildcard = n.serviceWildcard(STREAM_PRODUCER[def.stream]).replace(/>$/, "");
    expect(n.subject(def.type).startsWith(wildcard)).toBe(true);
  });
});
