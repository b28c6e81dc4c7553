import { identityEvents, parseEvent, type UnitSnapshot } from "@ce/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../src/seed/demo.ts";
import { demoUnits } from "../src/seed/demo-data.ts";
import { demoLogins } from "../src/seed/demo-logins.ts";
import { updateUnit } from "../src/use-cases/units/write.ts";
import { bootIdentity, type TestIdentity } from "./support/boot.ts";

let t: TestIdentity;
beforeAll(async () => {
  t = await bootIdentity("events", { fixture: false });
});
afterAll(() => t?.cleanup());

/** Everything on this test's CE_IDENTITY stream, read with an ordered JetStream consumer. */
async function streamMessages(): Promise<{ subject: string; data: unknown }[]> {
  const consumer = await t.app.infra.nats.js.consumers.get(t.app.infra.naming.stream("CE_IDENTITY"));
  const out: { subject: string; data: unknown }[] = [];
  for (;;) {
    const batch = await consumer.fetch({ max_messages: 100, expires: 1000 });
    let n = 0;
    for await (const m of batch) {
      out.push({ subject: m.subject, data: m.json() });
      n++;
    }
    if (n === 0) return out;
  }
}

describe("demo data", () => {
  // 300 accounts and their events in one transaction: generous time for a loaded CI machine.
  it("loads once, announcing every unit and every professional with one schema-valid event each", { timeout: 120_000 }, async () => {
    expect(await seedDemo(t.app.db, t.app.pii)).toEqual({ created: true, units: demoUnits.length, professionals: 300 });
    await t.app.relay.flush();

    const messages = await streamMessages();
    const unitMessages = messages.filter((m) => m.subject === `${t.tag}.ce.identity.unit.created.v1`);
    const people = messages
      .filter((m) => m.subject === `${t.tag}.ce.identity.professional.registered.v1`)
      .map((m) => parseEvent(identityEvents.professionalRegistered, m.data));
    expect(unitMessages.length + people.length).toBe(messages.length);
    expect(new Set(people.map((p) => p.data.accountId)).size).toBe(300);
    // No clear ID number leaves identity: only the masked form and the blind index.
    expect(people.every((p) => /\*{4}/.test(p.data.idNumberMasked) && !JSON.stringify(p.data).match(/\d{17}[\dX]/))).toBe(true);
    const events = unitMessages.map((m) => parseEvent(identityEvents.unitCreated, m.data));
    expect(events.map((e) => e.data.name).sort()).toEqual(demoUnits.map((u) => u.name).sort());
    expect(new Set(events.map((e) => e.data.unitId)).size).toBe(demoUnits.length);
    expect(events.every((e) => e.data.version === 1 && e.correlationId === "seed:demo")).toBe(true);

    const province = events.find((e) => e.data.name === "山东省交通运输厅")?.data as UnitSnapshot;
    const jinanBus = events.find((e) => e.data.name === "济南公共交通集团有限公司")?.data as UnitSnapshot;
    expect(province).toMatchObject({ superiorId: null, kind: "AUTHORITY", region: "370000", path: `/${province.unitId}/` });
    expect(jinanBus.path.startsWith(province.path)).toBe(true);
  });

  it("does nothing the second time", async () => {
    expect(await seedDemo(t.app.db, t.app.pii)).toEqual({ created: false, units: 0, professionals: 0 });
    expect(await t.app.db.unit.count()).toBe(demoUnits.length);
    expect(await t.app.db.outbox.count()).toBe(demoUnits.length + 300);
  });

  it("signs in with the printed demo logins", async () => {
    for (const who of [demoLogins[0], demoLogins.find((l) => l.userType === "EMPLOYER"), demoLogins.find((l) => l.userType === "PROFESSIONAL")]) {
      if (!who) throw new Error("missing demo login");
      const { token } = await t.login(who);
      expect(await t.client({ token }).auth.me.query()).toMatchObject({ name: who.name, unitName: who.unit, userType: who.userType });
    }
  });

  it("shows the province admin all 18 units below it", async () => {
    const { token } = await t.login(demoLogins[0] as (typeof demoLogins)[number]);
    expect((await t.client({ token }).units.listSubordinates.query({ pageSize: 2 })).total).toBe(demoUnits.length - 1);
  });
});

describe("unit events", () => {
  it("announces an update with the whole snapshot and the next version", async () => {
    const unit = await t.app.db.unit.findFirstOrThrow({ where: { name: "青岛地铁集团有限公司" } });
    const before = (await streamMessages()).length;
    const meta = { actor: null, correlationId: "test:update" };
    await t.app.db.$transaction((tx) => updateUnit(tx, unit.id, { name: "青岛地铁集团有限公司（更名）" }, meta));
    await t.app.db.$transaction((tx) => updateUnit(tx, unit.id, { status: "DISABLED" }, meta));
    await t.app.relay.flush();

    const updates = (await streamMessages()).slice(before).map((m) => parseEvent(identityEvents.unitUpdated, m.data));
    expect(updates.map((e) => [e.data.unitId, e.data.version, e.data.name, e.data.status])).toEqual([
      [unit.id, 2, "青岛地铁集团有限公司（更名）", "APPROVED"],
      [unit.id, 3, "青岛地铁集团有限公司（更名）", "DISABLED"],
    ]);
    expect(updates[0]?.data).toMatchObject({ path: unit.path, superiorId: unit.superiorId, code: unit.code });
    expect((await t.app.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).version).toBe(3);
  });

  it("writes no event when the change is refused", async () => {
    const unit = await t.app.db.unit.findFirstOrThrow({ where: { name: "济南轨道交通集团有限公司" } });
    const taken = await t.app.db.unit.findFirstOrThrow({ where: { name: "青岛港国际股份有限公司" } });
    const outboxBefore = await t.app.db.outbox.count();
    const refused = t.app.db.$transaction((tx) => updateUnit(tx, unit.id, { code: taken.code }, { actor: null, correlationId: "test" }));
    await expect(refused).rejects.toMatchObject({ kind: "CONFLICT", field: "code" });
    expect(await t.app.db.outbox.count()).toBe(outboxBefore);
  });
});
