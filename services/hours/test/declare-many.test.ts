// 学时申报 for many people (issue 13.5): a 继续教育基地 declares one class for the people it trained,
// who work in any unit of the province; each declaration goes into the person's own unit's chain.
import { randomUUID } from "node:crypto";
import { errorCode, eventually, serviceClient, signIn, unitEnvelope } from "@ce/service-kit/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { jobTrainingClaim } from "./support/claims.ts";
import { adminOf, bus, busDriver, busPending, jinan, port, portWorker, useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("declaremany", () => new Date("2026-06-15T08:00:00Z"));
const client = (token?: string) => serviceClient<HoursRouter>(world.app.url, token);
const base = unitEnvelope("ce.identity.unit.created.v1", {
  name: "济南交通职业培训基地",
  kind: "TRAINING_BASE",
  nature: "PUBLIC_INSTITUTION",
  superiorId: jinan.data.unitId,
  superiorPath: jinan.data.path,
});
let baseAdmin: string;

beforeAll(async () => {
  await world.producer.publish(base);
  await eventually(async () => expect(await world.app.db.unitReplica.count()).toBe(6));
  baseAdmin = await signIn(world.app.infra.redis, {
    unitId: base.data.unitId,
    unitName: base.data.name,
    scopePath: base.data.path,
    kind: "TRAINING_BASE",
    permissions: ["hours.declare", "hours.records"],
  });
});

/** One class (岗位培训, 2026-03-02) for `professionalIds`. */
const classFor = (professionalIds: string[], className = "2026年驾驶员岗位培训班") => {
  const { professionalId: _one, ...cls } = jobTrainingClaim({ className, requestedHours: 16 });
  return { ...cls, professionalIds };
};

describe("a CE base declares a class for the people it trained", () => {
  it("finds approved people of every unit of the province by name — none pending", async () => {
    const names = (await client(baseAdmin).declarations.declarables.query({})).items.map((p) => p.name).sort();
    expect(names).toEqual([busDriver.data.name, portWorker.data.name].sort());
  });

  it("declares once per person, each in the chain of the person's own unit, and records who declared it", async () => {
    const outcome = await client(baseAdmin).declarations.declareMany.mutate(classFor([busDriver.data.accountId, portWorker.data.accountId]));
    expect(outcome.skipped).toEqual([]);
    expect(outcome.decided.map((d) => d.label).sort()).toEqual([busDriver.data.name, portWorker.data.name].sort());
    const rows = await world.app.db.declaration.findMany({
      where: { className: "2026年驾驶员岗位培训班", declaredByUnit: base.data.unitId },
      include: { attachments: true },
    });
    const handlerOf = new Map(rows.map((r) => [r.professionalName, r.currentHandlerId]));
    expect(handlerOf).toEqual(
      new Map([
        [busDriver.data.name, bus.data.unitId],
        [portWorker.data.name, port.data.unitId],
      ]),
    );
    expect(rows.every((r) => r.status === "PENDING" && r.attachments.length === 1)).toBe(true);
    // Each declaration holds its own copy of the class's certificate.
    expect(new Set(rows.map((r) => r.attachments[0]!.id)).size).toBe(2);
    // The submitted events name the CE base as the declaring unit (reporting's CE base dashboard counts by it).
    const submitted = await world.app.db.outbox.findMany({ where: { type: { endsWith: "ce.hours.declaration.submitted.v1" } }, select: { payload: true } });
    const declaredBy = submitted.map((a) => (a.payload as { data: { declarationId: string; declaredByUnitId?: string | null } }).data);
    expect(rows.map((r) => declaredBy.find((e) => e.declarationId === r.id)?.declaredByUnitId)).toEqual([base.data.unitId, base.data.unitId]);
    const audit = await world.app.db.outbox.findMany({ where: { type: "ce.hours.audit.recorded.v1" }, select: { payload: true } });
    const entries = audit.map((a) => (a.payload as { data: { action: string; unitId: string; after: { name: string; trainer: string } } }).data);
    expect(
      entries
        .filter((e) => e.action === "declaration.declareFor")
        .map((e) => [e.unitId, e.after.trainer, e.after.name])
        .sort(),
    ).toEqual(
      [
        [base.data.unitId, base.data.name, busDriver.data.name],
        [base.data.unitId, base.data.name, portWorker.data.name],
      ].sort(),
    );
  });

  it("lists the class in the CE base's 查看申报记录 with who declared for whom, and opens each record; the people's own units see it too", async () => {
    const mine = await client(baseAdmin).declarations.records.query({});
    const shown = mine.items.map((r) => [r.professionalName, r.declaredByUnitName, r.status]).sort();
    expect(shown).toEqual(
      [
        [busDriver.data.name, base.data.name, "PENDING"],
        [portWorker.data.name, base.data.name, "PENDING"],
      ].sort(),
    );
    expect(mine.total).toBe(2);
    const detail = await client(baseAdmin).declarations.get.query({ declarationId: mine.items[0]!.id });
    expect(detail.declaredByUnitName).toBe(base.data.name);
    // The person's employer sees its own person's record, declared by the base, and not the other city's.
    const employer = await adminOf(world, bus, ["hours.records"]);
    const theirs = await client(employer).declarations.records.query({});
    expect(theirs.items.filter((r) => r.declaredByUnitName === base.data.name).map((r) => r.professionalName)).toEqual([busDriver.data.name]);
  });

  it("skips and names a person who already has this class, declaring nothing twice", async () => {
    const again = await client(baseAdmin).declarations.declareMany.mutate(classFor([busDriver.data.accountId]));
    expect(again).toEqual({
      decided: [],
      skipped: [{ id: busDriver.data.accountId, label: busDriver.data.name, reason: "ALREADY_DECIDED", message: "已申报过该培训班" }],
    });
    expect(await world.app.db.declaration.count({ where: { className: "2026年驾驶员岗位培训班", professionalId: busDriver.data.accountId } })).toBe(1);
  });

  it("refuses the whole batch for a person not approved, an unknown id, or a claim the form refuses, writing nothing", async () => {
    const before = await world.app.db.declaration.count();
    const api = client(baseAdmin).declarations.declareMany;
    const pending = await api
      .mutate(classFor([portWorker.data.accountId, busPending.data.accountId], "二班"))
      .catch((e: { data?: unknown; message: string }) => e);
    expect(pending).toMatchObject({ message: `${busPending.data.name}的注册信息尚未审核通过` });
    expect(await errorCode(api.mutate(classFor([portWorker.data.accountId, randomUUID()], "二班")))).toBe("NOT_FOUND");
    const tooMany = await api
      .mutate({ ...classFor([portWorker.data.accountId], "二班"), requestedHours: 999 })
      .catch((e: { data?: { fieldErrors?: Record<string, string[]> } }) => e.data?.fieldErrors);
    expect(Object.values(tooMany ?? {}).flat()[0]).toMatch(new RegExp(`^${portWorker.data.name}：`));
    expect(await world.app.db.declaration.count()).toBe(before);
  });

  it("keeps an employer to its own subtree: another city's person refuses the batch", async () => {
    const employer = await adminOf(world, bus, ["hours.declare"]);
    expect(await errorCode(client(employer).declarations.declareMany.mutate(classFor([portWorker.data.accountId], "三班")))).toBe("NOT_FOUND");
    expect((await client(employer).declarations.declarables.query({})).items.map((p) => p.name)).toEqual([busDriver.data.name]);
  });
});
