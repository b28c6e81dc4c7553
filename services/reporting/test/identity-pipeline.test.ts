import { eventually, unitEnvelope } from "@ce/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootReporting, type ReportingSystem } from "./support/boot.ts";
import { settled } from "./support/events.ts";

let sys: ReportingSystem;

beforeAll(async () => {
  sys = await bootReporting("pipeline");
});
afterAll(() => sys.cleanup());

const replica = (id: string) => sys.app.db.unitReplica.findUnique({ where: { id } });
const registeredCount = async () => (await sys.app.db.unitRegistrationDaily.findMany()).reduce((n, r) => n + r.count, 0);
const inboxCount = () => sys.app.db.inboxEvent.count();

describe("identity events reach the reporting read model exactly once", () => {
  const created = unitEnvelope("ce.identity.unit.created.v1", { name: "青岛市交通运输局", region: "370200" });

  it("applies a unit.created event to the replica and the registration counts", async () => {
    await sys.producer.publish(created);
    await eventually(async () => expect(await replica(created.data.unitId)).toMatchObject({ name: "青岛市交通运输局", version: 1 }));
    await settled(sys);
    expect(await registeredCount()).toBe(1);
  });

  it("drops a second publish with the same message id at the server", async () => {
    const ack = await sys.producer.publish(created);
    expect(ack.duplicate).toBe(true);
  });

  it("has no second effect when the same event arrives again under a new message id", async () => {
    await sys.producer.publish(created, `${created.id}-republished`);
    await settled(sys);
    expect(await registeredCount()).toBe(1);
    expect(await inboxCount()).toBe(1);
  });

  it("has no second effect when the service restarts and the stream is redelivered from the start", async () => {
    await sys.app.stop();
    // Losing the durable consumer makes JetStream deliver every message again.
    await sys.producer.jsm.consumers.delete(sys.naming.stream("CE_IDENTITY"), sys.naming.consumer("reporting", "CE_IDENTITY"));
    await sys.restart();
    await settled(sys);
    expect(await registeredCount()).toBe(1);
    expect(await inboxCount()).toBe(1);
    expect(await replica(created.data.unitId)).toMatchObject({ name: "青岛市交通运输局" });
  });

  it("replaces the replica with a newer snapshot and ignores an older one", async () => {
    const renamed = unitEnvelope("ce.identity.unit.updated.v1", { ...created.data, name: "青岛市交通运输局（新）", version: 3 });
    const stale = unitEnvelope("ce.identity.unit.updated.v1", { ...created.data, name: "旧名称", version: 2 });
    await sys.producer.publish(renamed);
    await sys.producer.publish(stale);
    await settled(sys);
    expect(await replica(created.data.unitId)).toMatchObject({ name: "青岛市交通运输局（新）", version: 3 });
    expect(await registeredCount()).toBe(1);
  });

  it("terminates a malformed message and goes on with the next one", async () => {
    await sys.producer.publish({ id: "not-a-uuid", type: "ce.identity.unit.created.v1", data: {} } as never, "garbage-1");
    const next = unitEnvelope("ce.identity.unit.created.v1", { name: "淄博市交通运输局", region: "370300" });
    await sys.producer.publish(next);
    await eventually(async () => expect(await replica(next.data.unitId)).not.toBeNull());
    await settled(sys);
    expect(await registeredCount()).toBe(2);
  });
});
