import { errorCode, eventually, serviceClient } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { HoursRouter } from "../src/routers/index.ts";
import { seedPendingDeclarations } from "./support/declarations.ts";
import { adminOf, bus, busDriver, jinan, professionalSession, province, qingdao, useHoursWorld } from "./support/world.ts";

const world = useHoursWorld("hoursaudit", () => new Date("2026-06-15T08:00:00Z"));
const client = (token?: string) => serviceClient<HoursRouter>(world.app.url, token);
const chain = [bus, jinan, province].map((u) => ({ id: u.data.unitId, name: u.data.name }));

/** `count` declarations approved by 省厅 (the last level). */
async function approved(count: number): Promise<string[]> {
  const ids = await seedPendingDeclarations(world.app.db, { count, professional: busDriver.data, chain, stepIndex: 2 });
  await client(await adminOf(world, province)).approvals.batchApprove.mutate({ ids: ids });
  return ids;
}

describe("audits", () => {
  it("lists a subtree's approved records for 济南市, none for 青岛市, and not to the employer itself", async () => {
    const ids = await approved(2);
    const listed = (await client(await adminOf(world, jinan)).audits.list.query({ pageSize: 200 })).items.map((r) => r.id);
    expect(listed).toEqual(expect.arrayContaining(ids));
    expect((await client(await adminOf(world, qingdao)).audits.list.query({})).total).toBe(0);
    expect((await client(await adminOf(world, bus)).audits.list.query({})).total).toBe(0);
  });

  it("draws a stable random sample per unit and form by count or percentage", async () => {
    await approved(10);
    const admin = client(await adminOf(world, jinan));
    const all = (await admin.audits.list.query({})).total;
    const three = await admin.audits.list.query({ sample: "COUNT", sampleSize: 3, seed: "abc" });
    expect(three.total).toBe(3);
    expect((await admin.audits.list.query({ sample: "COUNT", sampleSize: 3, seed: "abc" })).items.map((r) => r.id).sort()).toEqual(
      three.items.map((r) => r.id).sort(),
    );
    expect((await admin.audits.list.query({ sample: "PERCENT", sampleSize: 50, seed: "x" })).total).toBe(Math.ceil(all / 2));
  });

  it("files a passed record (已备案) and voids a failed one with its reason, announcing both", async () => {
    const [ok, bad] = await approved(2);
    const admin = client(await adminOf(world, jinan));
    await admin.audits.pass.mutate({ ids: [ok!] });
    await admin.audits.fail.mutate({ ids: [bad!], reason: "证书编号无法核实" });
    expect((await admin.declarations.get.query({ declarationId: ok! })).status).toBe("FILED");
    const voided = await admin.declarations.get.query({ declarationId: bad! });
    expect(voided.status).toBe("VOIDED");
    expect(voided.history.at(-1)).toMatchObject({ kind: "AUDIT", decision: "AUDIT_FAILED", reason: "证书编号无法核实", unitName: "济南市交通运输局" });
    await world.app.relay.flush();
    await eventually(async () => {
      const types = (await world.app.db.outbox.findMany({ where: { publishedAt: { not: null } }, select: { type: true, payload: true } }))
        .filter((r) => [ok, bad].includes((r.payload as { data: { declarationId: string } }).data.declarationId))
        .map((r) => r.type)
        .sort();
      expect(types).toEqual([
        "ce.hours.declaration.approved.v1",
        "ce.hours.declaration.approved.v1",
        "ce.hours.declaration.auditFailed.v1",
        "ce.hours.declaration.audited.v1",
        "ce.hours.declaration.voided.v1",
      ]);
    });
  });

  it("records each approval and audit for 操作日志 (ce.hours.audit.recorded.v1, names not ids) in the same transaction", async () => {
    const [id] = await approved(1);
    await client(await adminOf(world, jinan)).audits.fail.mutate({ ids: [id!], reason: "证书编号无法核实" });
    const entries = (await world.app.db.outbox.findMany({ where: { type: "ce.hours.audit.recorded.v1" }, orderBy: { seq: "asc" }, select: { payload: true } }))
      .map((r) => (r.payload as { data: { entityId: string } }).data)
      .filter((d) => d.entityId === id);
    expect(entries).toEqual([
      {
        action: "declaration.approve",
        entityType: "declaration",
        entityId: id,
        unitId: bus.data.unitId,
        actorName: expect.any(String),
        before: { name: "王师傅", form: expect.any(String), status: "PENDING", recognizedHours: null, handler: province.data.name },
        after: { name: "王师傅", form: expect.any(String), status: "APPROVED", recognizedHours: expect.any(Number), handler: null, reason: null },
      },
      {
        action: "declaration.auditFail",
        entityType: "declaration",
        entityId: id,
        unitId: bus.data.unitId,
        actorName: expect.any(String),
        before: { name: "王师傅", form: expect.any(String), status: "APPROVED" },
        after: { name: "王师傅", form: expect.any(String), status: "VOIDED", reason: "证书编号无法核实" },
      },
    ]);
  });

  it("skips and names a record audited first, never auditing it twice", async () => {
    const [id] = await approved(1);
    const admin = client(await adminOf(world, jinan));
    await admin.audits.pass.mutate({ ids: [id!] });
    expect(await admin.audits.fail.mutate({ ids: [id!], reason: "重复" })).toEqual({
      decided: [],
      skipped: [{ id, label: "王师傅的记录", reason: "ALREADY_DECIDED", message: "已被其他管理员处理" }],
    });
    expect((await admin.declarations.get.query({ declarationId: id! })).status).toBe("FILED");
  });

  it("asks for the reason of a failed audit", async () => {
    const [id] = await approved(1);
    const err = await client(await adminOf(world, jinan))
      .audits.fail.mutate({ ids: [id!], reason: " " })
      .catch((e: { data?: unknown }) => e.data);
    expect(err).toMatchObject({ fieldErrors: { reason: ["请填写审验不通过的原因"] } });
  });

  it("refuses a sibling city, an admin without 成果备案, a professional and an anonymous caller", async () => {
    const [id] = await approved(1);
    expect(await errorCode(client(await adminOf(world, qingdao)).audits.pass.mutate({ ids: [id!] }))).toBe("NOT_FOUND");
    expect(await errorCode(client(await adminOf(world, jinan, ["hours.approve"])).audits.pass.mutate({ ids: [id!] }))).toBe("FORBIDDEN");
    expect(await errorCode(client(await adminOf(world, jinan, ["hours.approve"])).audits.list.query({}))).toBe("FORBIDDEN");
    expect(await errorCode(client(await professionalSession(world, busDriver)).audits.list.query({}))).toBe("FORBIDDEN");
    expect(await errorCode(client().audits.fail.mutate({ ids: [id!], reason: "x" }))).toBe("UNAUTHORIZED");
  });
});
