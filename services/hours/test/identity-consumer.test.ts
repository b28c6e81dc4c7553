import { randomUUID } from "node:crypto";
import { eventually, testEnvelope } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import { bus, busDriver, jinan, professionalEnvelope, qingdao, useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("hoursreplica");

describe("identity consumer", () => {
  it("keeps the newest professional snapshot and ignores an older one", async () => {
    const person = professionalEnvelope("ce.identity.professional.registered.v1", bus, { name: "孙新人", status: "PENDING" });
    await world.producer.publish(person);
    const approved = professionalEnvelope("ce.identity.professional.approved.v1", bus, { ...person.data, status: "APPROVED", version: 2 });
    await world.producer.publish(approved);
    await world.producer.publish({ ...person, id: randomUUID() });
    await eventually(async () =>
      expect(await world.app.db.professionalReplica.findUnique({ where: { accountId: person.data.accountId } })).toMatchObject({
        status: "APPROVED",
        version: 2,
      }),
    );
  });

  it("rewrites the paths of a moved unit's subtree, its people included", async () => {
    const newPath = `${qingdao.data.path}${bus.data.unitId}/`;
    const moved = testEnvelope("ce.identity.unit.moved.v1", {
      unitId: bus.data.unitId,
      oldSuperiorId: jinan.data.unitId,
      newSuperiorId: qingdao.data.unitId,
      oldPath: bus.data.path,
      newPath,
      version: 2,
    });
    await world.producer.publish(moved);
    await eventually(async () => {
      expect(await world.app.db.unitReplica.findUnique({ where: { id: bus.data.unitId } })).toMatchObject({ path: newPath, superiorId: qingdao.data.unitId });
      expect((await world.app.db.professionalReplica.findUnique({ where: { accountId: busDriver.data.accountId } }))?.unitPath).toBe(newPath);
    });
  });
});
