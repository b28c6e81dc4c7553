import { randomUUID } from "node:crypto";
import { type AuditRecorded, auditView, calendarDate, hoursEvents, naming as namingOf } from "@ce/contracts";
import { connectNats, ensureStream } from "@ce/service-kit";
import { eventually, testEnvelope } from "@ce/service-kit/testing";
import { TEST_NATS_URL } from "@ce/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { failure, useIdentity } from "./support/boot.ts";

const t = useIdentity("audit", ["sd", "jn", "qd", "jnBus", "jnApprover"]);
const { tokens } = t;

beforeAll(async () => {
  await t.client({ token: tokens.jn }).departments.create.mutate({ name: "审计测试处" });
  const { id } = await t.client({ token: tokens.jnBus }).departments.create.mutate({ name: "公交车队" });
  await t.client({ token: tokens.jnBus }).departments.update.mutate({ id, name: "第一车队", sortOrder: 1 });
});

const list = (who: keyof typeof tokens, input: Record<string, string> = {}) => t.client({ token: tokens[who] }).audit.list.query(input);

describe("操作日志", () => {
  it("lists the unit's rows newest first with before and after", async () => {
    const page = await list("jnBus");
    expect(page.items.map((r) => r.action)).toEqual(["department.update", "department.create"]);
    expect(page.items[0]).toMatchObject({
      actorName: t.fixture.logins.jnBus.name,
      entityType: "department",
      before: { name: "公交车队", sortOrder: 0 },
      after: { name: "第一车队", sortOrder: 1 },
    });
  });

  it("shows an authority its subtree, and a sibling nothing of it", async () => {
    expect((await list("jn")).total).toBe(3);
    expect((await list("sd")).total).toBe(3);
    expect((await list("qd")).total).toBe(0);
  });

  it("filters by 操作人, 操作类型 and date", async () => {
    expect((await list("jn", { action: "department.update" })).total).toBe(1);
    expect((await list("jn", { actor: t.fixture.logins.jn.name })).total).toBe(1);
    const today = calendarDate(new Date());
    expect((await list("jn", { from: today, to: today })).total).toBe(3);
    expect((await list("jn", { to: "2000-01-01" })).total).toBe(0);
    expect((await failure(list("jn", { from: "2024/01/01" }))).code).toBe("BAD_REQUEST");
  });

  it("refuses an admin without 查看操作日志 and an anonymous caller", async () => {
    expect(await failure(list("jnApprover"))).toMatchObject({ code: "FORBIDDEN", message: "没有“查看操作日志”的权限" });
    expect((await failure(t.client().audit.list.query({}))).code).toBe("UNAUTHORIZED");
  });
});

describe("操作日志 date filter", () => {
  it.each(["2024/01/01", "2026-02-30", "2026-13-01", "0000-01-01", "2026-2-3", "2026-02-28T99:00", "2100-02-29"])(
    "refuses the impossible date %j as a field error naming the field, not a 500",
    async (date) => {
      expect(await failure(list("jn", { from: date }))).toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: { from: ["开始时间不是有效日期，请按YYYY-MM-DD填写"] },
      });
      expect(await failure(list("jn", { to: date }))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { to: ["结束时间不是有效日期，请按YYYY-MM-DD填写"] } });
    },
  );

  it("refuses 结束时间 before 开始时间 on `to` (periodInOrder, as every range filter), and takes one day", async () => {
    expect(await failure(list("jn", { from: "2026-12-31", to: "2026-01-01" }))).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { to: ["结束时间不能早于开始时间"] },
    });
    expect((await list("jn", { from: "2026-01-01", to: "2026-01-01" })).page).toBe(1);
  });

  it("counts a row on its Beijing day: 15:59:59.999Z is still 12-31, 16:00Z is already 01-01", async () => {
    const rows = await t.app.db.auditLog.findMany({ where: { actorName: t.fixture.logins.jnBus.name }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(2);
    await t.app.db.auditLog.update({ where: { id: rows[0]!.id }, data: { occurredAt: new Date("2025-12-31T15:59:59.999Z") } });
    await t.app.db.auditLog.update({ where: { id: rows[1]!.id }, data: { occurredAt: new Date("2025-12-31T16:00:00.000Z") } });
    const day = async (from: string, to = from) => (await list("jnBus", { from, to })).items.map((r) => r.action);
    expect(await day("2025-12-31")).toEqual(["department.create"]);
    expect(await day("2026-01-01")).toEqual(["department.update"]);
    expect(await day("2025-12-31", "2026-01-01")).toEqual(["department.update", "department.create"]);
    expect(await day("2026-01-02", "2026-12-31")).toEqual([]);
  });
});

describe("操作日志 holds hours' admin actions (ADR 015)", () => {
  it("stores ce.hours.audit.recorded.v1 once, at hours' time, in the unit's log and its authorities', in the guide's words", async () => {
    const naming = namingOf(t.tag);
    const nats = await connectNats(TEST_NATS_URL, `${t.tag}-hours`);
    try {
      await ensureStream(nats.jsm, naming, "CE_HOURS");
      const jn = t.fixture.logins.jn;
      const data: AuditRecorded = {
        action: "declaration.approve",
        entityType: "declaration",
        entityId: randomUUID(),
        unitId: t.fixture.units.jnBus.id,
        actorName: jn.name,
        before: { name: "李四", form: "培训", status: "PENDING", recognizedHours: null, handler: "济南公交" },
        after: { name: "李四", form: "培训", status: "APPROVED", recognizedHours: 8, handler: null, reason: null },
      };
      const envelope = {
        ...testEnvelope(hoursEvents.auditRecorded.type, data),
        occurredAt: "2026-03-01T01:02:03.000Z",
        actor: { accountId: jn.accountId, unitId: t.fixture.units.jn.id },
      };
      await nats.js.publish(naming.subject(envelope.type), JSON.stringify(envelope), { msgID: envelope.id });
      const row = await eventually(async () => {
        const [found] = (await list("jnBus", { action: "declaration.approve" })).items;
        if (!found) throw new Error("not stored yet");
        return found;
      });
      expect(row).toMatchObject({ occurredAt: "2026-03-01T01:02:03.000Z", actorName: jn.name, entityId: data.entityId });
      expect(auditView(row)).toEqual({
        action: "学时审核通过",
        object: "学时申报 · 李四",
        changes: [
          { field: "recognizedHours", label: "认定学时", from: "—", to: "8" },
          { field: "handler", label: "当前审核单位", from: "济南公交", to: "—" },
          { field: "status", label: "状态", from: "待审核", to: "审核通过" },
        ],
      });
      expect((await list("sd", { action: "declaration.approve" })).total).toBe(1);
      expect((await list("qd", { action: "declaration.approve" })).total).toBe(0);
      await t.app.db.inboxEvent.findFirstOrThrow({ where: { eventId: envelope.id } });
      expect(await t.app.db.auditLog.count({ where: { entityId: data.entityId } })).toBe(1);
    } finally {
      await nats.jsm.streams.delete(naming.stream("CE_HOURS")).catch(() => {});
      await nats.nc.close();
    }
  });
});
