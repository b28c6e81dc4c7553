import { randomUUID } from "node:crypto";
import { type ProfessionalSnapshot, unitPath } from "@ce/contracts";
import { eventually, testEnvelope, unitEnvelope } from "@ce/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootReporting, type ReportingSystem } from "./support/boot.ts";
import { professional, settled } from "./support/events.ts";

let sys: ReportingSystem;

beforeAll(async () => {
  sys = await bootReporting("profpipe");
});
afterAll(() => sys.cleanup());

const envelope = testEnvelope;
/** A pending registration in a unit of its own; `overrides` replace fields. */
const snapshot = (overrides: Partial<ProfessionalSnapshot> = {}): ProfessionalSnapshot => {
  const unitId = overrides.unitId ?? randomUUID();
  return professional("张三", { data: { unitId, path: unitPath(null, unitId) } }, { registeredAt: "2026-03-01T08:00:00.000Z", ...overrides });
};

const replica = (accountId: string) => sys.app.db.professionalReplica.findUnique({ where: { accountId } });

describe("professional events keep the reporting replica", () => {
  it("takes a registration, then the approval, and ignores an older snapshot arriving late", async () => {
    const registered = snapshot();
    await sys.producer.publish(envelope("ce.identity.professional.registered.v1", registered));
    await eventually(async () =>
      expect(await replica(registered.accountId)).toMatchObject({ status: "PENDING", version: 1, idNumberMasked: "3701021988****1234" }),
    );

    await sys.producer.publish(envelope("ce.identity.professional.approved.v1", { ...registered, status: "APPROVED", version: 2 }));
    await sys.producer.publish(envelope("ce.identity.professional.updated.v1", { ...registered, name: "旧名", version: 1 }));
    await settled(sys);
    expect(await replica(registered.accountId)).toMatchObject({ status: "APPROVED", version: 2, name: "张三", unitPath: registered.unitPath });
  });

  it("takes a rejected registration replaced by a new one with the same 证件号 (registered again, next version, another unit, new 注册时间)", async () => {
    const first = snapshot();
    await sys.producer.publish(envelope("ce.identity.professional.registered.v1", first));
    await sys.producer.publish(envelope("ce.identity.professional.rejected.v1", { ...first, status: "REJECTED", version: 2 }));
    const otherUnit = randomUUID();
    const again = {
      ...first,
      name: "张三丰",
      unitId: otherUnit,
      unitPath: unitPath(null, otherUnit),
      status: "PENDING" as const,
      version: 3,
      registeredAt: "2026-04-01T08:00:00.000Z",
    };
    await sys.producer.publish(envelope("ce.identity.professional.registered.v1", again));
    await settled(sys);
    expect(await replica(first.accountId)).toMatchObject({
      status: "PENDING",
      version: 3,
      name: "张三丰",
      unitId: otherUnit,
      registeredAt: new Date(again.registeredAt),
    });
  });

  it("keeps 未激活: an imported person is unactivated until identity says they signed in; an event without the field means activated", async () => {
    const imported = snapshot({ status: "APPROVED", activated: false });
    await sys.producer.publish(envelope("ce.identity.professional.registered.v1", imported));
    await eventually(async () => expect(await replica(imported.accountId)).toMatchObject({ activated: false, version: 1 }));
    await sys.producer.publish(envelope("ce.identity.professional.updated.v1", { ...imported, activated: true, version: 2 }));
    await eventually(async () => expect(await replica(imported.accountId)).toMatchObject({ activated: true, version: 2 }));

    // Published before snapshots carried `activated` (everyone registered then was activated).
    const { activated: _, ...older } = snapshot({ status: "APPROVED" });
    await sys.producer.publish(envelope("ce.identity.professional.registered.v1", older as ProfessionalSnapshot));
    await eventually(async () => expect(await replica(older.accountId)).toMatchObject({ activated: true, status: "APPROVED" }));
  });

  it("applies each event once under redelivery with a new message id and after losing the durable consumer", async () => {
    const p = snapshot();
    const updated = envelope("ce.identity.professional.updated.v1", { ...p, major: "交通运输", version: 3 });
    await sys.producer.publish(updated);
    await sys.producer.publish(updated, `${updated.id}-again`);
    await settled(sys);
    const inbox = await sys.app.db.inboxEvent.count();

    await sys.app.stop();
    await sys.producer.jsm.consumers.delete(sys.naming.stream("CE_IDENTITY"), sys.naming.consumer("reporting", "CE_IDENTITY"));
    await sys.restart();
    await settled(sys);
    expect(await sys.app.db.inboxEvent.count()).toBe(inbox);
    expect(await replica(p.accountId)).toMatchObject({ major: "交通运输", version: 3 });
  });

  it("drops a professional removed by an undone 批量导入 from the replica and the history, once", async () => {
    const p = snapshot({ status: "APPROVED" });
    await sys.producer.publish(envelope("ce.identity.professional.registered.v1", p));
    await eventually(async () => expect(await replica(p.accountId)).toMatchObject({ status: "APPROVED" }));
    const removed = envelope("ce.identity.professional.removed.v1", {
      accountId: p.accountId,
      unitId: p.unitId,
      unitPath: p.unitPath,
      reason: "IMPORT_UNDONE",
      version: 2,
    });
    await sys.producer.publish(removed);
    await sys.producer.publish(removed, `${removed.id}-again`);
    await settled(sys);
    expect(await replica(p.accountId)).toBeNull();
    expect(await sys.app.db.personHistory.count({ where: { accountId: p.accountId } })).toBe(0);
  });

  it("moves a transferred professional to the new unit and path", async () => {
    const p = snapshot({ status: "APPROVED", version: 2 });
    await sys.producer.publish(envelope("ce.identity.professional.approved.v1", p));
    const toUnit = randomUUID();
    const moved = { ...p, unitId: toUnit, unitPath: unitPath(null, toUnit), version: 3 };
    await sys.producer.publish(
      envelope("ce.identity.professional.transferred.v1", { transferId: randomUUID(), professional: moved, fromUnitId: p.unitId, toUnitId: toUnit }),
    );
    await settled(sys);
    expect(await replica(p.accountId)).toMatchObject({ unitId: toUnit, unitPath: moved.unitPath, version: 3 });
  });

  it("rewrites unit and professional paths under a moved unit, and nothing outside it", async () => {
    const province = unitEnvelope("ce.identity.unit.created.v1", { name: "省厅" });
    const cityA = unitEnvelope("ce.identity.unit.created.v1", { name: "甲市", superiorId: province.data.unitId, superiorPath: province.data.path });
    const cityB = unitEnvelope("ce.identity.unit.created.v1", { name: "乙市", superiorId: province.data.unitId, superiorPath: province.data.path });
    const employer = unitEnvelope("ce.identity.unit.created.v1", {
      name: "甲市公交",
      kind: "EMPLOYER",
      superiorId: cityA.data.unitId,
      superiorPath: cityA.data.path,
    });
    for (const e of [province, cityA, cityB, employer]) await sys.producer.publish(e);
    const inside = snapshot({ unitId: employer.data.unitId, unitPath: employer.data.path });
    const outside = snapshot({ unitId: cityB.data.unitId, unitPath: cityB.data.path });
    await sys.producer.publish(envelope("ce.identity.professional.registered.v1", inside));
    await sys.producer.publish(envelope("ce.identity.professional.registered.v1", outside));

    // 甲市 moves under 乙市.
    const newPath = unitPath(cityB.data.path, cityA.data.unitId);
    const move = envelope("ce.identity.unit.moved.v1", {
      unitId: cityA.data.unitId,
      oldSuperiorId: province.data.unitId,
      newSuperiorId: cityB.data.unitId,
      oldPath: cityA.data.path,
      newPath,
      version: 2,
    });
    await sys.producer.publish(move);
    await sys.producer.publish(move, `${move.id}-again`);
    await settled(sys);

    const unit = (id: string) => sys.app.db.unitReplica.findUniqueOrThrow({ where: { id } });
    expect(await unit(cityA.data.unitId)).toMatchObject({ path: newPath, superiorId: cityB.data.unitId, version: 2 });
    expect((await unit(employer.data.unitId)).path).toBe(`${newPath}${employer.data.unitId}/`);
    expect((await unit(cityB.data.unitId)).path).toBe(cityB.data.path);
    expect((await replica(inside.accountId))?.unitPath).toBe(`${newPath}${employer.data.unitId}/`);
    expect((await replica(outside.accountId))?.unitPath).toBe(cityB.data.path);

    // A move no newer than the held unit (a new event id, so not an inbox duplicate) changes nothing: the one rule, unitMoveApplies.
    await sys.producer.publish(
      envelope("ce.identity.unit.moved.v1", { ...move.data, oldPath: newPath, newPath: cityA.data.path, newSuperiorId: province.data.unitId }),
    );
    await settled(sys);
    expect(await unit(cityA.data.unitId)).toMatchObject({ path: newPath, superiorId: cityB.data.unitId, version: 2 });
    expect((await replica(inside.accountId))?.unitPath).toBe(`${newPath}${employer.data.unitId}/`);
  });
});
