import { randomUUID } from "node:crypto";
import { errorCode, eventually, professionalEnvelope, serviceClient, testEnvelope } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { jobTrainingClaim as jobTraining } from "./support/claims.ts";
import { adminOf, bus, busDriver, jinan, port, professionalSession, qingdao, useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("hoursreplica");
const client = (token?: string) => serviceClient<HoursRouter>(world.app.url, token);

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

  it("takes a rejected registration replaced by a new one with the same 证件号: registered again with the next version, in another unit", async () => {
    const person = professionalEnvelope("ce.identity.professional.registered.v1", bus, { name: "钱驳回", status: "PENDING" });
    await world.producer.publish(person);
    await world.producer.publish(testEnvelope("ce.identity.professional.rejected.v1", { ...person.data, status: "REJECTED", version: 2 }));
    const again = professionalEnvelope("ce.identity.professional.registered.v1", port, {
      ...person.data,
      name: "钱重报",
      unitId: port.data.unitId,
      unitPath: port.data.path,
      status: "PENDING",
      version: 3,
    });
    await world.producer.publish(again);
    await eventually(async () =>
      expect(await world.app.db.professionalReplica.findUnique({ where: { accountId: person.data.accountId } })).toMatchObject({
        name: "钱重报",
        unitId: port.data.unitId,
        status: "PENDING",
        version: 3,
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

  it("drops a person an undone 批量导入 removed, so nobody declares for them; keeps one who declared meanwhile", async () => {
    const imported = professionalEnvelope("ce.identity.professional.registered.v1", bus, { name: "撤销者", status: "APPROVED", activated: false });
    const declared = professionalEnvelope("ce.identity.professional.registered.v1", bus, { name: "已申报者", status: "APPROVED", activated: false });
    for (const p of [imported, declared]) await world.producer.publish(p);
    const replica = (accountId: string) => world.app.db.professionalReplica.findUnique({ where: { accountId } });
    await eventually(async () => expect(await replica(declared.data.accountId)).not.toBeNull());
    // 已申报者 declares (through hours, as their own session) before identity's removal reaches hours.
    await client(await professionalSession(world, declared)).declarations.declare.mutate(
      jobTraining({ professionalId: declared.data.accountId, requestedHours: 8 }),
    );
    const removed = (p: typeof imported, version: number) =>
      testEnvelope("ce.identity.professional.removed.v1", {
        accountId: p.data.accountId,
        unitId: p.data.unitId,
        unitPath: p.data.unitPath,
        reason: "IMPORT_UNDONE",
        version,
      });
    // An older removal than the snapshot held changes nothing; the real one removes.
    await world.producer.publish(removed(imported, 1));
    await world.producer.publish(removed(imported, 2));
    await eventually(async () => expect(await replica(imported.data.accountId)).toBeNull());
    await world.producer.publish(removed(declared, 2));
    // A later event on the same stream applied means the removal before it was handled.
    const marker = professionalEnvelope("ce.identity.professional.registered.v1", bus, { name: "标记" });
    await world.producer.publish(marker);
    await eventually(async () => expect(await replica(marker.data.accountId)).not.toBeNull());
    expect(await world.app.db.declaration.count({ where: { professionalId: declared.data.accountId } })).toBe(1);
    expect(await replica(declared.data.accountId)).toMatchObject({ name: "已申报者", version: 1 });
    // The removed one can be declared for no more.
    expect(await errorCode(client(await adminOf(world, bus)).declarations.declare.mutate(jobTraining({ professionalId: imported.data.accountId })))).toBe(
      "NOT_FOUND",
    );
  });
});
