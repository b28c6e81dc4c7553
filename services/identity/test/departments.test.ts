import { describe, expect, it } from "vitest";
import { failure, useIdentity } from "./support/boot.ts";

const t = useIdentity("departments", ["jn", "qd", "jnApprover", "professional"]);
const { tokens } = t;

const api = (who: keyof typeof tokens) => t.client({ token: tokens[who] }).departments;
const tree = async (who: keyof typeof tokens, name?: string) =>
  (await api(who).list.query(name ? { name } : {})).map((n) => `${"-".repeat(n.depth)}${n.name}${n.status === "DISABLED" ? "(禁用)" : ""}`);

describe("管理内设部门", () => {
  it("adds roots and children and lists the tree in 排序号 order, filtered by 名称", async () => {
    const office = await api("jn").create.mutate({ name: "办公室", sortOrder: 2 });
    const transport = await api("jn").create.mutate({ name: "运输管理处", sortOrder: 1 });
    await api("jn").create.mutate({ parentId: transport.id, name: "客运科" });
    await api("jn").create.mutate({ parentId: office.id, name: "文秘科" });
    expect(await tree("jn")).toEqual(["运输管理处", "-客运科", "办公室", "-文秘科"]);
    expect(await tree("jn", "客运")).toEqual(["运输管理处", "-客运科"]);
    const audits = await t.app.db.auditLog.findMany({ where: { action: "department.create", unitId: t.fixture.units.jn.id } });
    expect(audits).toHaveLength(4);
  });

  it("renames and reorders, refusing a duplicate sibling name with a message on 名称", async () => {
    const a = await api("jn").create.mutate({ name: "财务科" });
    await api("jn").create.mutate({ name: "审计科" });
    expect(await failure(api("jn").update.mutate({ id: a.id, name: "审计科", sortOrder: 0 }))).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { name: ["同一上级下已有同名部门"] },
    });
    await api("jn").update.mutate({ id: a.id, name: "财务审计科", sortOrder: 9 });
    const audit = await t.app.db.auditLog.findFirst({ where: { action: "department.update", entityId: a.id } });
    expect(audit).toMatchObject({ before: { name: "财务科", sortOrder: 0 }, after: { name: "财务审计科", sortOrder: 9 } });
    expect(await failure(api("jn").create.mutate({ name: "  " }))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { name: ["请输入部门名称"] } });
  });

  it("refuses to disable a department with active children or people, and to enable or add under a disabled parent", async () => {
    const parent = await api("jn").create.mutate({ name: "安全监督处" });
    const child = await api("jn").create.mutate({ parentId: parent.id, name: "应急科" });
    expect(await failure(api("jn").setStatus.mutate({ id: parent.id, status: "DISABLED" }))).toMatchObject({
      code: "CONFLICT",
      message: "该部门还有启用的下级部门，请先禁用下级部门",
    });

    const admin = await t.fixture.newAdmin("jn");
    await t.app.db.admin.update({ where: { accountId: admin.accountId }, data: { departmentId: child.id } });
    expect((await failure(api("jn").setStatus.mutate({ id: child.id, status: "DISABLED" }))).message).toContain("请先调整他们的工作部门");
    await t.app.db.admin.update({ where: { accountId: admin.accountId }, data: { departmentId: null } });

    await api("jn").setStatus.mutate({ id: child.id, status: "DISABLED" });
    await api("jn").setStatus.mutate({ id: parent.id, status: "DISABLED" });
    expect(await tree("jn", "安全监督")).toEqual(["安全监督处(禁用)"]);
    expect((await failure(api("jn").setStatus.mutate({ id: child.id, status: "ACTIVE" }))).message).toBe("上级部门已禁用，请先启用上级部门");
    expect((await failure(api("jn").create.mutate({ parentId: parent.id, name: "新科" }))).code).toBe("CONFLICT");
    await api("jn").setStatus.mutate({ id: parent.id, status: "ACTIVE" });
    await api("jn").setStatus.mutate({ id: child.id, status: "ACTIVE" });
    expect(await tree("jn", "应急")).toEqual(["安全监督处", "-应急科"]);
    expect(await t.app.db.auditLog.count({ where: { entityId: parent.id, action: { in: ["department.disable", "department.enable"] } } })).toBe(2);
  });
});

describe("管理内设部门 authorization", () => {
  it("shows a sibling unit none of the tree and refuses to touch its departments", async () => {
    const own = await api("jn").create.mutate({ name: "济南专用科" });
    expect(await tree("qd")).toEqual([]);
    expect((await failure(api("qd").update.mutate({ id: own.id, name: "改名", sortOrder: 0 }))).code).toBe("NOT_FOUND");
    expect((await failure(api("qd").setStatus.mutate({ id: own.id, status: "DISABLED" }))).code).toBe("NOT_FOUND");
    expect((await failure(api("qd").create.mutate({ parentId: own.id, name: "挂靠科" }))).code).toBe("NOT_FOUND");
    expect(await t.app.db.department.count({ where: { unitId: t.fixture.units.qd.id } })).toBe(0);
  });

  it("refuses an admin without 管理内设部门, a professional and an anonymous caller on every procedure", async () => {
    const id = "00000000-0000-4000-8000-000000000001";
    const calls = (c: ReturnType<typeof api>) => [
      () => c.list.query({}),
      () => c.create.mutate({ name: "x" }),
      () => c.update.mutate({ id, name: "x", sortOrder: 0 }),
      () => c.setStatus.mutate({ id, status: "DISABLED" }),
    ];
    for (const call of calls(api("jnApprover"))) expect(await failure(call())).toMatchObject({ code: "FORBIDDEN", message: "没有“管理内设部门”的权限" });
    for (const call of calls(api("professional"))) expect((await failure(call())).code).toBe("FORBIDDEN");
    for (const call of calls(t.client().departments)) expect((await failure(call())).code).toBe("UNAUTHORIZED");
  });
});
