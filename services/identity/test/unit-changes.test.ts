import { generateCreditCode } from "@ce/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";

let t: TestIdentity;
const tokens = {} as Record<"sd" | "jn" | "qd" | "jnBus" | "jnMetro" | "jnApprover" | "professional", string>;

beforeAll(async () => {
  t = await bootIdentity("unitchanges");
  const metro = await t.fixture.newAdmin("jnMetro", { isSuper: true });
  for (const key of ["sd", "jn", "qd", "jnBus", "jnApprover", "professional"] as const) tokens[key] = (await t.login(t.fixture.logins[key])).token;
  tokens.jnMetro = (await t.login({ ...metro, userType: "EMPLOYER" })).token;
});
afterAll(() => t?.cleanup());

const as = (who: keyof typeof tokens) => t.client({ token: tokens[who] });
const pendingIds = async (who: keyof typeof tokens) => (await as(who).unitChanges.list.query({ tab: "PENDING" })).items.map((r) => r.approvalId);

describe("基本信息修改", () => {
  it("edits the free fields, bumps the version and announces unit.updated", async () => {
    await as("jnBus").unitProfile.update.mutate({ nature: "PUBLIC_INSTITUTION", industry: "G", region: "370103" });
    const { unit, superiorName, pending } = await as("jnBus").unitProfile.get.query();
    expect(unit).toMatchObject({ nature: "PUBLIC_INSTITUTION", region: "370103", version: 2 });
    expect(superiorName).toBe("济南市交通运输局");
    expect(pending).toBeNull();
    const audit = await t.app.db.auditLog.findFirst({ where: { action: "unit.updateProfile", entityId: t.fixture.units.jnBus.id } });
    expect(audit).toMatchObject({ before: { nature: "ENTERPRISE" }, after: { nature: "PUBLIC_INSTITUTION" } });
  });
});

describe("修改单位信息 (code)", () => {
  it("validates the code, allows one open request, and applies it when the superior approves", async () => {
    expect((await failure(as("jnBus").unitProfile.requestCodeChange.mutate({ code: "12345" }))).fieldErrors?.code).toHaveLength(1);
    const code = generateCreditCode("370103", "37001234", "91");
    await as("jnBus").unitProfile.requestCodeChange.mutate({ code });
    expect((await failure(as("jnBus").unitProfile.requestCodeChange.mutate({ code }))).message).toContain("已有待审核的机构信息修改申请");
    const row = (await as("jn").unitChanges.list.query({ tab: "PENDING" })).items[0];
    expect(row).toMatchObject({ unitName: "济南公共交通集团有限公司", kind: "CODE", adminName: t.fixture.logins.jnBus.name, phoneMasked: "187*****55" });
    // The reviewer sees the requested code itself, not only the unit's current one.
    const before = (await as("jnBus").unitProfile.get.query()).unit.code;
    expect(row).toMatchObject({ code: before, oldCode: before, newCode: code, newCodeCheckMismatch: false });
    expect((await as("qd").unitChanges.list.query({})).total).toBe(0);
    expect((await failure(as("qd").unitChanges.decide.mutate({ ids: [row?.approvalId ?? ""], decision: "APPROVE" }))).code).toBe("NOT_FOUND");
    expect(await as("jn").unitChanges.decide.mutate({ ids: [row?.approvalId ?? ""], decision: "APPROVE" })).toMatchObject({
      decided: [{ id: row?.approvalId }],
      skipped: [],
      applied: 1,
    });
    expect((await as("jnBus").unitProfile.get.query()).unit.code).toBe(code);
    expect((await as("jn").unitChanges.list.query({ tab: "DONE" })).items.map((r) => r.status)).toEqual(["APPROVED"]);
  });

  it("requires a reason to reject, and one of two concurrent deciders gets CONFLICT", async () => {
    await as("jnBus").unitProfile.requestCodeChange.mutate({ code: generateCreditCode("370103", "37005678", "91") });
    const [id] = await pendingIds("jn");
    expect((await failure(as("jn").unitChanges.decide.mutate({ ids: [id ?? ""], decision: "REJECT" }))).fieldErrors?.reason).toEqual(["请填写驳回原因"]);
    const other = (await t.login(await t.fixture.newAdmin("jn", { permissions: ["review.unitChange"] }))).token;
    const results = await Promise.allSettled([
      as("jn").unitChanges.decide.mutate({ ids: [id ?? ""], decision: "REJECT", reason: "代码有误" }),
      t.client({ token: other }).unitChanges.decide.mutate({ ids: [id ?? ""], decision: "APPROVE" }),
    ]);
    // One batch decides it; the other, waiting on the lock, finds it decided and names it as skipped.
    const outcomes = results.map((r) => (r.status === "fulfilled" ? r.value : null));
    expect(outcomes.every((o) => o !== null)).toBe(true);
    expect(outcomes.map((o) => o?.decided.length).sort()).toEqual([0, 1]);
    expect(outcomes.flatMap((o) => o?.skipped ?? [])).toEqual([
      { id, label: expect.stringMatching(/的申请$/), reason: "ALREADY_DECIDED", message: "已被其他管理员处理" },
    ]);
  });

  it("drops a withdrawn request from both tabs", async () => {
    await as("jnBus").unitProfile.requestCodeChange.mutate({ code: generateCreditCode("370103", "37009999", "91") });
    const before = (await as("jn").unitChanges.list.query({ tab: "DONE" })).total;
    const pending = (await as("jnBus").unitProfile.get.query()).pending;
    expect(pending?.kind).toBe("CODE");
    await as("jnBus").unitProfile.withdraw.mutate({ requestId: pending?.id ?? "" });
    expect(await pendingIds("jn")).toEqual([]);
    expect((await as("jn").unitChanges.list.query({ tab: "DONE" })).total).toBe(before);
  });

  it("shows the unit its latest decided request: 驳回 with the reason the deciding unit gave (F25)", async () => {
    const code = generateCreditCode("370103", "37004321", "91");
    await as("jnBus").unitProfile.requestCodeChange.mutate({ code });
    const [id] = await pendingIds("jn");
    await as("jn").unitChanges.decide.mutate({ ids: [id ?? ""], decision: "REJECT", reason: "请附营业执照后再申请" });
    const { pending, lastDecided } = await as("jnBus").unitProfile.get.query();
    expect(pending).toBeNull();
    expect(lastDecided).toMatchObject({ kind: "CODE", newCode: code, status: "REJECTED", reason: "请附营业执照后再申请" });
  });
});

describe("更换上级部门", () => {
  it("refuses the current superior and a unit of its own subtree", async () => {
    expect((await failure(as("jnMetro").unitProfile.requestSuperiorChange.mutate({ superiorId: t.fixture.units.jn.id }))).message).toBe(
      "所选单位已是本单位的上级部门",
    );
    expect((await failure(as("jn").unitProfile.requestSuperiorChange.mutate({ superiorId: t.fixture.units.jn.id }))).message).toContain("下级单位");
    expect((await failure(as("jnMetro").unitProfile.requestSuperiorChange.mutate({ superiorId: t.fixture.units.qdPort.id }))).message).toBe(
      "上级部门必须是审核通过的主管部门",
    );
  });

  it("moves only when both the old and the new superior approved; either rejection rejects", async () => {
    await as("jnMetro").unitProfile.requestSuperiorChange.mutate({ superiorId: t.fixture.units.qd.id });
    const [jnApproval] = await pendingIds("jn");
    const [qdApproval] = await pendingIds("qd");
    expect((await as("qd").unitChanges.list.query({})).items[0]?.detail).toBe("新上级部门：青岛市交通运输局");
    await as("jn").unitChanges.decide.mutate({ ids: [jnApproval ?? ""], decision: "APPROVE" });
    expect((await t.app.db.unit.findUniqueOrThrow({ where: { id: t.fixture.units.jnMetro.id } })).superiorId).toBe(t.fixture.units.jn.id);
    expect(await pendingIds("jn")).toEqual([]);
    expect((await as("jn").unitChanges.list.query({ tab: "DONE" })).items.find((r) => r.kind === "SUPERIOR")?.status).toBe("APPROVED");
    await as("qd").unitChanges.decide.mutate({ ids: [qdApproval ?? ""], decision: "APPROVE" });
    const moved = await t.app.db.unit.findUniqueOrThrow({ where: { id: t.fixture.units.jnMetro.id } });
    expect(moved).toMatchObject({ superiorId: t.fixture.units.qd.id, path: `${t.fixture.units.qd.path}${moved.id}/`, depth: 2, version: 2 });
    expect((await as("qd").units.listSubordinates.query({})).items.map((u) => u.name)).toContain("济南轨道交通集团有限公司");
    expect((await as("jn").units.listSubordinates.query({})).items.map((u) => u.name)).not.toContain("济南轨道交通集团有限公司");
    const event = await t.app.db.outbox.findFirst({ where: { type: { contains: "unit.moved" } } });
    expect(event?.payload).toMatchObject({ data: { unitId: moved.id, newSuperiorId: t.fixture.units.qd.id, version: 2 } });

    await as("jnBus").unitProfile.requestSuperiorChange.mutate({ superiorId: t.fixture.units.qd.id });
    const [qdSecond] = await pendingIds("qd");
    await as("qd").unitChanges.decide.mutate({ ids: [qdSecond ?? ""], decision: "REJECT", reason: "不同意" });
    expect(await pendingIds("jn")).toEqual([]);
    expect((await as("jnBus").unitProfile.get.query()).pending).toBeNull();
  });

  it("rewrites the path of a moved authority's whole subtree", async () => {
    await as("jn").unitProfile.requestSuperiorChange.mutate({ superiorId: t.fixture.units.qd.id });
    for (const who of ["sd", "qd"] as const) await as(who).unitChanges.decide.mutate({ ids: await pendingIds(who), decision: "APPROVE" });
    // The moved bureau's admin and its employers' admins held the old path as scope: signed out.
    expect((await failure(as("jn").auth.me.query())).code).toBe("UNAUTHORIZED");
    expect((await failure(as("jnBus").auth.me.query())).code).toBe("UNAUTHORIZED");
    expect((await as("qd").auth.me.query()).unitId).toBe(t.fixture.units.qd.id);
    const jn = await t.app.db.unit.findUniqueOrThrow({ where: { id: t.fixture.units.jn.id } });
    expect(jn.path).toBe(`${t.fixture.units.qd.path}${jn.id}/`);
    const bus = await t.app.db.unit.findUniqueOrThrow({ where: { id: t.fixture.units.jnBus.id } });
    expect(bus).toMatchObject({ path: `${jn.path}${bus.id}/`, depth: 3, superiorId: jn.id });
  });
});

describe("authorization", () => {
  it("refuses callers without the modules and anonymous callers", async () => {
    // The move above signed the 济南 subtree's admins out.
    for (const key of ["jnApprover", "jnBus"] as const) tokens[key] = (await t.login(t.fixture.logins[key])).token;
    const id = "00000000-0000-4000-8000-000000000001";
    expect(await failure(as("jnApprover").unitChanges.list.query({}))).toMatchObject({ code: "FORBIDDEN", message: "没有“审核机构信息修改”的权限" });
    expect((await failure(as("jnApprover").unitChanges.decide.mutate({ ids: [id], decision: "APPROVE" }))).code).toBe("FORBIDDEN");
    expect((await failure(as("jnApprover").unitProfile.get.query())).code).toBe("FORBIDDEN");
    expect((await failure(as("professional").unitProfile.requestCodeChange.mutate({ code: "x" }))).code).toBe("FORBIDDEN");
    for (const call of [
      () => t.client().unitChanges.list.query({}),
      () => t.client().unitProfile.get.query(),
      () => t.client().unitProfile.withdraw.mutate({ requestId: id }),
    ]) {
      expect((await failure(call())).code).toBe("UNAUTHORIZED");
    }
    expect((await failure(as("jnBus").unitProfile.withdraw.mutate({ requestId: id }))).code).toBe("NOT_FOUND");
  });
});
