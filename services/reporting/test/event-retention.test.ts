// The pruner the reporting service starts, run against its own migrated schema through Prisma:
// an event applied long ago loses its inbox row, a recent one keeps it (ADR 004's retention).

import { eventually, unitEnvelope } from "@ce/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootReporting, type ReportingSystem } from "./support/boot.ts";

let sys: ReportingSystem;

beforeAll(async () => {
  sys = await bootReporting("retention");
});
afterAll(() => sys.cleanup());

describe("event-table retention in the reporting service", () => {
  it("prunes inbox rows older than INBOX_RETENTION_DAYS and old published outbox rows, keeping the rest", async () => {
    const old = unitEnvelope("ce.identity.unit.created.v1", { name: "淄博市交通运输局" });
    const recent = unitEnvelope("ce.identity.unit.created.v1", { name: "烟台市交通运输局" });
    await sys.producer.publish(old);
    await sys.producer.publish(recent);
    const db = sys.app.db;
    await eventually(async () => expect(await db.inboxEvent.count()).toBe(2));
    await db.$executeRawUnsafe("UPDATE reporting.inbox SET received_at = now() - interval '31 days' WHERE event_id = $1::uuid", old.id);
    await db.$executeRawUnsafe(
      `INSERT INTO reporting.outbox (id, type, payload, created_at, published_at) VALUES
        (gen_random_uuid(), 'ce.reporting.test.old.v1', '{}', now() - interval '9 days', now() - interval '8 days'),
        (gen_random_uuid(), 'ce.reporting.test.pending.v1', '{}', now() - interval '9 days', NULL),
        (gen_random_uuid(), 'ce.reporting.test.recent.v1', '{}', now(), now())`,
    );

    expect(await sys.app.pruner.runOnce()).toEqual({ outbox: 1, inbox: 1, skipped: false });
    expect((await db.inboxEvent.findMany()).map((r) => r.eventId)).toEqual([recent.id]);
    expect((await db.outbox.findMany({ orderBy: { seq: "asc" } })).map((r) => r.type)).toEqual(["ce.reporting.test.pending.v1", "ce.reporting.test.recent.v1"]);
    // The read model the pruned row guarded is untouched.
    expect(await db.unitReplica.count()).toBe(2);
  });
});
