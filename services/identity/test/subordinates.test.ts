import { generateCreditCode } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { failure, useIdentity } from "./support/boot.ts";

const t = useIdentity("subordinates", ["sd", "jn", "qd", "jnViewer", "jnApprover"]);
const { tokens } = t;

const units = (who: keyof typeof tokens) => t.client({ token: tokens[who] }).units;

describe("管理下级单位: 详细 and 管理员信息", () => {
  it("shows every field of a subordinate unit", async () => {
    const d = await units("jn").detail.query({ unitId: t.fixture.units.jnBus.id });
    expect(d).toMatchObject({
      name: "济南公共交通集团有限公司",
      kind: "EMPLOYER",
      nature: "ENTERPRISE",
      superiorName: "济南市交通运输局",
      region: "370000",
      professionalCount: 1,
      adminCount: 1,
    });
    expect((await units("jnViewer").detail.query({ unitId: t.fixture.units.jnBus.id })).id).toBe(t.fixture.units.jnBus.id);
  });

  it("lists a subordinate unit's admins with masked numbers", async () => {
    const rows = await units("jn").admins.query({ unitId: t.fixture.units.jnBus.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: t.fixture.logins.jnBus.name, isSuper: true, phoneMasked: "187*****55" });
    expect(rows[0]?.idNumberMasked).toBe(`${t.fixture.logins.jnBus.idNumber.slice(0, 10)}****${t.fixture.logins.jnBus.idNumber.slice(14)}`);
  });

  it("removes a subordinate unit's admin (not its super admin) and signs it out", async () => {
    const admin = await t.fixture.newAdmin("jnMetro");
    const session = await t.login(admin);
    const adminId = (await units("jn").admins.query({ unitId: t.fixture.units.jnMetro.id })).find((a) => a.name === admin.name)?.adminId ?? "";
    await units("jn").removeAdmin.mutate({ unitId: t.fixture.units.jnMetro.id, adminId });
    expect((await failure(t.client({ token: session.token }).auth.me.query())).code).toBe("UNAUTHORIZED");
    const superId = (await units("jn").admins.query({ unitId: t.fixture.units.jnBus.id }))[0]?.adminId ?? "";
    expect((await failure(units("jn").removeAdmin.mutate({ unitId: t.fixture.units.jnBus.id, adminId: superId }))).message).toBe("不能删除该单位的超级管理员");
  });
});

describe("删除下级单位", () => {
  it("refuses a unit with subordinates or people, deletes an empty one and announces it", async () => {
    expect((await failure(units("sd").delete.mutate({ unitId: t.fixture.units.qd.id }))).message).toBe("该单位还有下级单位，请先处理其下级单位");
    expect((await failure(units("jn").delete.mutate({ unitId: t.fixture.units.jnBus.id }))).message).toBe("该单位还有专业技术人员（含待审核），不能删除");
    const session = await t.login(t.fixture.logins.qd);
    await units("qd").delete.mutate({ unitId: t.fixture.units.qdPort.id });
    expect((await units("qd").listSubordinates.query({})).items.map((u) => u.name)).toEqual(["青岛地铁集团有限公司"]);
    const unit = await t.app.db.unit.findUniqueOrThrow({ where: { id: t.fixture.units.qdPort.id } });
    expect(unit).toMatchObject({ status: "DISABLED", version: 2 });
    const event = await t.app.db.outbox.findFirst({ where: { type: { contains: "unit.updated" } }, orderBy: { seq: "desc" } });
    expect(event?.payload).toMatchObject({ data: { unitId: t.fixture.units.qdPort.id, status: "DISABLED", version: 2 } });
    expect((await failure(units("qd").detail.query({ unitId: t.fixture.units.qdPort.id }))).code).toBe("NOT_FOUND");
    expect(session.token).toBeTruthy();
  });
});

describe("删除下级单位 with a pending request", () => {
  it("refuses while the unit's change request waits, then deletes it, audits it and signs its admins out", async () => {
    const unitId = t.fixture.units.jnMetro.id;
    const admin = await t.fixture.newAdmin("jnMetro", { isSuper: true });
    const session = await t.login(admin);
    const own = t.client({ token: session.token }).unitProfile;
    await own.requestCodeChange.mutate({ code: generateCreditCode("370103", "37004321", "91") });
    expect((await failure(units("jn").delete.mutate({ unitId }))).message).toBe("该单位还有待审核的申请，请处理后再删除");
    await own.withdraw.mutate({ requestId: (await own.get.query()).pending?.id ?? "" });
    await units("jn").delete.mutate({ unitId });
    expect((await failure(own.get.query())).code).toBe("UNAUTHORIZED");
    const audit = await t.app.db.auditLog.findFirstOrThrow({ where: { entityId: unitId, action: "unit.delete" } });
    expect(audit).toMatchObject({ actorId: t.fixture.logins.jn.accountId, unitId: t.fixture.units.jn.id });
    expect(audit.before).toEqual({ name: "济南轨道交通集团有限公司", status: "APPROVED" });
    expect(audit.after).toEqual({ name: "济南轨道交通集团有限公司", status: "DISABLED" });
  });
});

describe("管理继续教育基地", () => {
  it("lists CE bases in scope with the filters", async () => {
    expect((await t.client({ token: tokens.sd }).units.trainingBases.query({})).items.map((u) => u.name)).toEqual(["山东交通职业学院继续教育基地"]);
    expect((await t.client({ token: tokens.sd }).units.trainingBases.query({ trainingLevel: "NATIONAL" })).total).toBe(0);
    expect((await t.client({ token: tokens.sd }).units.trainingBases.query({ industry: "P", name: "交通" })).total).toBe(1);
    expect((await t.client({ token: tokens.jn }).units.trainingBases.query({})).total).toBe(0);
  });
});

describe("管理下级单位 authorization", () => {
  it("hides units outside the caller's subtree", async () => {
    const qdUnit = t.fixture.units.qdMetro.id;
    for (const call of [
      () => units("jn").detail.query({ unitId: qdUnit }),
      () => units("jn").admins.query({ unitId: qdUnit }),
      () => units("jn").delete.mutate({ unitId: qdUnit }),
      () => units("jn").detail.query({ unitId: t.fixture.units.jn.id }),
      () => units("jn").detail.query({ unitId: t.fixture.units.sd.id }),
    ]) {
      expect((await failure(call())).code).toBe("NOT_FOUND");
    }
  });

  it("refuses callers without the modules and anonymous callers", async () => {
    const unitId = t.fixture.units.jnBus.id;
    expect((await failure(units("jnApprover").detail.query({ unitId }))).code).toBe("FORBIDDEN");
    expect((await failure(units("jnViewer").delete.mutate({ unitId }))).message).toBe("没有“管理下级单位（删除、管理员）”的权限");
    expect((await failure(units("jnViewer").removeAdmin.mutate({ unitId, adminId: unitId }))).code).toBe("FORBIDDEN");
    expect((await failure(units("jnViewer").trainingBases.query({}))).code).toBe("FORBIDDEN");
    const anon = t.client().units;
    for (const call of [
      () => anon.detail.query({ unitId }),
      () => anon.admins.query({ unitId }),
      () => anon.delete.mutate({ unitId }),
      () => anon.trainingBases.query({}),
      () => anon.removeAdmin.mutate({ unitId, adminId: unitId }),
    ]) {
      expect((await failure(call())).code).toBe("UNAUTHORIZED");
    }
  });
});
