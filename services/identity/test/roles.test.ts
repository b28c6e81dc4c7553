import { describe, expect, it } from "vitest";
import { failure, useIdentity } from "./support/boot.ts";

const t = useIdentity("roles", ["jn", "qd", "jnApprover"]);
const { tokens } = t;

const api = (token: string) => t.client({ token }).roles;

describe("角色管理", () => {
  it("adds, lists and edits roles; an edit signs the role's admins out so the change applies at once", async () => {
    const { id } = await api(tokens.jn).create.mutate({ name: "统计员", permissions: ["stats.view"] });
    const admin = await t.fixture.newAdmin("jn");
    await t
      .client({ token: tokens.jn })
      .admins.assignRoles.mutate({ adminId: (await t.app.db.admin.findUniqueOrThrow({ where: { accountId: admin.accountId } })).id, roleIds: [id] });
    const session = await t.login(admin);
    expect((await t.client({ token: session.token }).auth.me.query()).permissions).toEqual(["stats.view"]);

    await api(tokens.jn).update.mutate({ id, name: "统计审批员", permissions: ["stats.view", "hours.approve"] });
    const row = (await api(tokens.jn).list.query({ name: "统计" })).items[0];
    expect(row).toMatchObject({ name: "统计审批员", permissions: ["stats.view", "hours.approve"], adminCount: 1 });
    // The open session ends; the next login has the new permissions.
    expect((await failure(t.client({ token: session.token }).auth.me.query())).code).toBe("UNAUTHORIZED");
    expect((await t.client({ token: (await t.login(admin)).token }).auth.me.query()).permissions).toEqual(["hours.approve", "stats.view"]);
    const audit = await t.app.db.auditLog.findFirst({ where: { action: "role.update", entityId: id } });
    expect(audit).toMatchObject({ before: { permissions: "查询统计" }, after: { name: "统计审批员", permissions: "查询统计、学时审批" } });
  });

  it("validates the name and the modules, and refuses a duplicate name", async () => {
    await api(tokens.jn).create.mutate({ name: "重名角色", permissions: ["stats.view"] });
    expect(await failure(api(tokens.jn).create.mutate({ name: "重名角色", permissions: ["stats.view"] }))).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { name: ["本单位已有同名角色"] },
    });
    expect((await failure(api(tokens.jn).create.mutate({ name: "空角色", permissions: [] }))).fieldErrors?.permissions).toEqual(["请至少选择一个权限模块"]);
    expect((await failure(api(tokens.jn).create.mutate({ name: "x", permissions: ["root.everything" as never] }))).code).toBe("BAD_REQUEST");
  });

  it("asks before deleting a role in use, then removes it from its admins", async () => {
    const { id } = await api(tokens.jn).create.mutate({ name: "临时角色", permissions: ["hours.records"] });
    const admin = await t.fixture.newAdmin("jn");
    const adminId = (await t.app.db.admin.findUniqueOrThrow({ where: { accountId: admin.accountId } })).id;
    await t.client({ token: tokens.jn }).admins.assignRoles.mutate({ adminId, roleIds: [id] });
    expect(await failure(api(tokens.jn).delete.mutate({ id }))).toMatchObject({
      code: "CONFLICT",
      message: "该角色已分配给1名管理员，确认删除后这些管理员将不再拥有该角色",
    });
    expect(await api(tokens.jn).delete.mutate({ id, confirm: true })).toEqual({ removedFrom: 1 });
    expect(await t.app.db.adminRole.count({ where: { adminId } })).toBe(0);
    expect(await t.app.db.auditLog.count({ where: { action: "role.delete", entityId: id } })).toBe(1);
  });

  it("lets an admin with 角色管理 grant only modules it holds", async () => {
    const roleAdmin = await t.fixture.newAdmin("jn", { permissions: ["role.manage", "hours.approve"] });
    const token = (await t.login(roleAdmin)).token;
    await api(token).create.mutate({ name: "审批", permissions: ["hours.approve"] });
    expect(await failure(api(token).create.mutate({ name: "越权", permissions: ["review.employer"] }))).toMatchObject({
      code: "FORBIDDEN",
      message: "您没有以下权限，不能分配给他人：审核用人单位",
    });
  });
});

describe("角色管理 authorization", () => {
  it("shows a sibling unit none of the roles and NOT_FOUND on them", async () => {
    const { id } = await api(tokens.jn).create.mutate({ name: "济南专有", permissions: ["stats.view"] });
    expect((await api(tokens.qd).list.query({ name: "济南专有" })).total).toBe(0);
    expect((await failure(api(tokens.qd).update.mutate({ id, name: "x", permissions: ["stats.view"] }))).code).toBe("NOT_FOUND");
    expect((await failure(api(tokens.qd).delete.mutate({ id, confirm: true }))).code).toBe("NOT_FOUND");
  });

  it("refuses an admin without 角色管理 and an anonymous caller", async () => {
    const id = "00000000-0000-4000-8000-000000000001";
    const calls = (c: ReturnType<typeof api>) => [
      () => c.list.query({}),
      () => c.create.mutate({ name: "x", permissions: ["stats.view"] }),
      () => c.update.mutate({ id, name: "x", permissions: ["stats.view"] }),
      () => c.delete.mutate({ id }),
    ];
    for (const call of calls(api(tokens.jnApprover))) expect(await failure(call())).toMatchObject({ code: "FORBIDDEN", message: "没有“角色管理”的权限" });
    for (const call of calls(t.client().roles)) expect((await failure(call())).code).toBe("UNAUTHORIZED");
  });
});
