import { generateResidentId } from "@ce/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { failure, useIdentity } from "./support/boot.ts";
import { type Credentials, FIXTURE_PASSWORD } from "./support/fixture.ts";

const t = useIdentity("admins", ["jn", "qd", "jnBus", "jnApprover"]);
const { tokens } = t;
let jnRoleId: string;

beforeAll(async () => {
  jnRoleId = (await t.app.db.role.create({ data: { id: crypto.randomUUID(), unitId: t.fixture.units.jn.id, name: "审批员", permissions: ["hours.approve"] } }))
    .id;
});

const api = (token: string) => t.client({ token }).admins;
const adminIdOf = async (who: Credentials) => (await t.app.db.admin.findUniqueOrThrow({ where: { accountId: who.accountId } })).id;
let idSeq = 0;
const freshId = () => generateResidentId("370103", new Date(Date.UTC(1988, 2, 1 + ++idSeq)), 500 + idSeq);

describe("管理单位管理员 list", () => {
  it("lists the unit's admins, super admin first, numbers masked", async () => {
    const page = await api(tokens.jn).list.query({});
    expect(page.total).toBe(3);
    expect(page.items[0]).toMatchObject({ name: t.fixture.logins.jn.name, isSuper: true, status: "ACTIVE", phoneMasked: "187*****55" });
    expect(page.items[0]?.idNumberMasked).toMatch(/^\d{10}\*{4}\d{3}[\dX]$/);
    expect(page.items.find((a) => a.name === t.fixture.logins.jnApprover.name)?.roles.map((r) => r.name)).toHaveLength(1);
    expect(JSON.stringify(page)).not.toContain(t.fixture.logins.jn.idNumber);
  });
});

describe("新增管理员", () => {
  it("(a) 选择 pages through every candidate of the unit, total counted (it stopped at 20 without a word)", async () => {
    for (let i = 0; i < 23; i++) await t.fixture.newProfessional({ unit: "jnBus" });
    const all = await api(tokens.jnBus).candidates.query({ pageSize: 100 });
    expect(all.total).toBeGreaterThanOrEqual(23);
    expect(all.items).toHaveLength(all.total);
    const pages = Math.ceil(all.total / 10);
    const seen = (await Promise.all(Array.from({ length: pages }, (_, i) => api(tokens.jnBus).candidates.query({ page: i + 1, pageSize: 10 })))).flatMap((p) =>
      p.items.map((c) => c.accountId),
    );
    expect(seen).toEqual(all.items.map((c) => c.accountId));
    expect(await api(tokens.jnBus).candidates.query({ page: pages + 3, pageSize: 10 })).toMatchObject({ page: pages, total: all.total });
  });

  it("(a) makes an approved professional of the unit an admin with the chosen roles", async () => {
    const person = await t.fixture.newProfessional({ unit: "jnBus" });
    const busRole = await t.app.db.role.create({
      data: { id: crypto.randomUUID(), unitId: t.fixture.units.jnBus.id, name: "申报员", permissions: ["hours.declare"] },
    });
    const candidates = await api(tokens.jnBus).candidates.query({ q: person.name });
    expect(candidates.items.map((c) => c.accountId)).toEqual([person.accountId]);
    const draft = await api(tokens.jnBus).prepare.mutate({ way: "PROFESSIONAL", accountId: person.accountId });
    expect(draft).toMatchObject({ way: "PROFESSIONAL", name: person.name });
    const created = await api(tokens.jnBus).create.mutate({ draftId: draft.draftId, roleIds: [busRole.id] });
    expect(created.name).toBe(person.name);
    expect((await api(tokens.jnBus).candidates.query({ q: person.name })).total).toBe(0);
    const session = await t.login({ ...person, userType: "EMPLOYER" });
    expect((await t.client({ token: session.token }).auth.me.query()).permissions).toEqual(["hours.declare"]);
    // A draft is used once.
    expect((await failure(api(tokens.jnBus).create.mutate({ draftId: draft.draftId, roleIds: [] }))).message).toBe("管理员信息已过期，请重新填写");
    // A professional of another unit is not a candidate.
    const other = await t.fixture.newProfessional({ unit: "jnMetro" });
    expect((await failure(api(tokens.jnBus).prepare.mutate({ way: "PROFESSIONAL", accountId: other.accountId }))).fieldErrors).toEqual({
      accountId: ["该人员不是本单位已审核通过的人员"],
    });
  });

  it("(b) registers a new account as admin, and refuses a registered ID number pointing to way (c)", async () => {
    const idNumber = freshId();
    const dept = await t.client({ token: tokens.jn }).departments.create.mutate({ name: "人事处" });
    const input = {
      way: "REGISTER" as const,
      idType: "RESIDENT_ID" as const,
      idNumber,
      password: "Admin2024",
      confirmPassword: "Admin2024",
      name: "新管理员甲",
      phone: "13912345678",
      email: "jia@example.com",
      landline: "0531-88888888",
      departmentId: dept.id,
    };
    expect((await failure(api(tokens.jn).prepare.mutate({ ...input, confirmPassword: "Other2024" }))).fieldErrors?.confirmPassword).toEqual([
      "两次输入的密码不一致",
    ]);
    expect((await failure(api(tokens.jn).prepare.mutate({ ...input, idNumber: "370102199001011234" }))).fieldErrors?.idNumber).toHaveLength(1);
    const draft = await api(tokens.jn).prepare.mutate(input);
    expect(draft).toMatchObject({ name: "新管理员甲", departmentName: "人事处" });
    await api(tokens.jn).create.mutate({ draftId: draft.draftId, roleIds: [jnRoleId] });
    const row = (await api(tokens.jn).list.query({ name: "新管理员甲" })).items[0];
    expect(row).toMatchObject({ departmentName: "人事处", email: "jia@example.com", phoneMasked: "139*****78", roles: [{ name: "审批员" }] });
    expect((await t.app.db.account.findUniqueOrThrow({ where: { id: row?.accountId ?? "" } })).landline).toBe("0531-88888888");
    await t.login({ userType: "AUTHORITY", idNumber, password: "Admin2024" });

    const again = await failure(api(tokens.jn).prepare.mutate(input));
    expect(again).toMatchObject({ code: "CONFLICT", fieldErrors: { idNumber: ["该证件号已注册，请使用“添加成为管理员(已是本系统用户)”"] } });
    expect(await t.app.db.auditLog.count({ where: { action: "admin.create", unitId: t.fixture.units.jn.id } })).toBe(1);
  });

  it("(c) adds an existing account after its current password, counting wrong passwords in the login throttle", async () => {
    const person = await t.fixture.newProfessional({ unit: "qdPort" });
    const input = { way: "EXISTING" as const, idType: "RESIDENT_ID" as const, idNumber: person.idNumber, password: "Wrong1234" };
    expect(await failure(api(tokens.jn).prepare.mutate(input))).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { password: ["密码与该账户当前密码不一致"] },
    });
    const draft = await api(tokens.jn).prepare.mutate({ ...input, password: FIXTURE_PASSWORD });
    await api(tokens.jn).create.mutate({ draftId: draft.draftId, roleIds: [] });
    expect((await api(tokens.jn).list.query({ name: person.name })).total).toBe(1);
    expect((await failure(api(tokens.jn).prepare.mutate({ ...input, password: FIXTURE_PASSWORD }))).message).toBe("该账户已是管理员");
    expect((await failure(api(tokens.jn).prepare.mutate({ ...input, idNumber: freshId() }))).message).toContain("尚未注册");

    // Guessing the owner's password here counts in the login throttle of this address, not beyond it.
    const victim = await t.fixture.newProfessional();
    for (let i = 0; i < 3; i++) await failure(api(tokens.jn).prepare.mutate({ ...input, idNumber: victim.idNumber }));
    expect((await failure(api(tokens.jn).prepare.mutate({ ...input, idNumber: victim.idNumber }))).code).toBe("TOO_MANY_REQUESTS");
    expect((await failure(t.login(victim))).code).toBe("TOO_MANY_REQUESTS");
    expect((await t.login(victim, { ip: "203.0.113.77" })).token).toBeTruthy();
  });

  it("takes only the unit's own departments and roles", async () => {
    const qdRole = await t.app.db.role.create({ data: { id: crypto.randomUUID(), unitId: t.fixture.units.qd.id, name: "青岛角色", permissions: [] } });
    const draft = await api(tokens.jn).prepare.mutate({
      way: "REGISTER",
      idNumber: freshId(),
      password: "Admin2024",
      confirmPassword: "Admin2024",
      name: "乙",
      phone: "13912345678",
      email: "yi@example.com",
    });
    expect((await failure(api(tokens.jn).create.mutate({ draftId: draft.draftId, roleIds: [qdRole.id] }))).message).toBe("角色不属于本单位");
    // Another admin cannot finish someone else's draft.
    expect((await failure(api(tokens.qd).create.mutate({ draftId: draft.draftId, roleIds: [] }))).code).toBe("BAD_REQUEST");
  });
});

describe("super admin operations", () => {
  it("resets a password: a temporary one shown once, the admin's sessions end", async () => {
    const admin = await t.fixture.newAdmin("jn");
    const session = await t.login(admin);
    const { temporaryPassword } = await api(tokens.jn).resetPassword.mutate({ adminId: await adminIdOf(admin) });
    expect((await failure(t.client({ token: session.token }).auth.me.query())).code).toBe("UNAUTHORIZED");

    // The temporary password opens 修改密码 only: every other procedure, of any service, refuses.
    const temporary = await t.login({ ...admin, password: temporaryPassword });
    const limited = t.client({ token: temporary.token });
    expect(await limited.auth.me.query()).toMatchObject({ mustChangePassword: true });
    for (const call of [() => limited.departments.list.query({}), () => limited.admins.list.query({}), () => limited.roles.list.query({})]) {
      expect(await failure(call())).toMatchObject({ code: "FORBIDDEN", message: "您的密码由管理员设置，请先修改密码后再使用其他功能" });
    }
    // Choosing a new one opens everything again, this session included.
    await limited.auth.changePassword.mutate({ oldPassword: temporaryPassword, newPassword: "MyOwn2026pw", confirmPassword: "MyOwn2026pw" });
    expect(await limited.auth.me.query()).toMatchObject({ mustChangePassword: false });
    // The gate is lifted: what answers now is this admin's own (empty) permissions.
    expect((await failure(limited.departments.list.query({}))).message).toBe("没有“管理内设部门”的权限");
    expect((await t.app.db.account.findUniqueOrThrow({ where: { id: admin.accountId } })).mustChangePassword).toBe(false);
    const again = await t.login({ ...admin, password: "MyOwn2026pw" });
    expect(await t.client({ token: again.token }).auth.me.query()).toMatchObject({ mustChangePassword: false });
    // 退出 works while the password is still temporary.
    const second = await api(tokens.jn).resetPassword.mutate({ adminId: await adminIdOf(admin) });
    const before = await t.login({ ...admin, password: second.temporaryPassword });
    expect(await t.client({ token: before.token }).auth.logout.mutate()).toEqual({ ok: true });
  });

  it("disables (ending sessions) and enables; removes admin rights but keeps the account", async () => {
    const admin = await t.fixture.newAdmin("jn");
    const session = await t.login(admin);
    const adminId = await adminIdOf(admin);
    await api(tokens.jn).setStatus.mutate({ adminId, status: "DISABLED" });
    expect((await failure(t.client({ token: session.token }).auth.me.query())).code).toBe("UNAUTHORIZED");
    expect((await failure(t.login(admin))).message).toBe("管理员权限已被禁用，请联系单位超级管理员");
    await api(tokens.jn).setStatus.mutate({ adminId, status: "ACTIVE" });
    await t.login(admin);
    await api(tokens.jn).remove.mutate({ adminId });
    expect(await t.app.db.admin.count({ where: { id: adminId } })).toBe(0);
    expect(await t.app.db.account.count({ where: { id: admin.accountId } })).toBe(1);
    expect(await t.app.db.auditLog.count({ where: { entityId: adminId } })).toBe(3);
  });

  it("assigns roles, effective at the next login", async () => {
    const admin = await t.fixture.newAdmin("jn");
    await api(tokens.jn).assignRoles.mutate({ adminId: await adminIdOf(admin), roleIds: [jnRoleId] });
    const session = await t.login(admin);
    expect((await t.client({ token: session.token }).auth.me.query()).permissions).toEqual(["hours.approve"]);
  });

  it("refuses acting on yourself or on the super admin, and leaves super-only actions to the super admin", async () => {
    const superId = await adminIdOf(t.fixture.logins.jn);
    expect((await failure(api(tokens.jn).remove.mutate({ adminId: superId }))).message).toBe("不能对自己进行此操作");
    expect((await failure(api(tokens.jn).setStatus.mutate({ adminId: superId, status: "DISABLED" }))).message).toBe("不能对自己进行此操作");
    const manager = await t.fixture.newAdmin("jn", { permissions: ["admin.manage"] });
    const managerToken = (await t.login(manager)).token;
    const other = await adminIdOf(await t.fixture.newAdmin("jn"));
    expect((await failure(api(managerToken).remove.mutate({ adminId: superId }))).message).toContain("不能对超级管理员进行此操作");
    for (const call of [
      () => api(managerToken).resetPassword.mutate({ adminId: other }),
      () => api(managerToken).setStatus.mutate({ adminId: other, status: "DISABLED" }),
      () => api(managerToken).setSuper.mutate({ adminId: other }),
    ]) {
      expect(await failure(call())).toMatchObject({ code: "FORBIDDEN", message: "只有超级管理员可以进行此操作" });
    }
    await api(managerToken).remove.mutate({ adminId: other });
  });

  it("设为超级管理员 moves the role: the former super admin loses admin rights and is signed out", async () => {
    const successor = await t.fixture.newAdmin("qd");
    const formerId = await adminIdOf(t.fixture.logins.qd);
    await api(tokens.qd).setSuper.mutate({ adminId: await adminIdOf(successor) });
    expect((await failure(api(tokens.qd).list.query({}))).code).toBe("UNAUTHORIZED");
    expect(await t.app.db.admin.count({ where: { id: formerId } })).toBe(0);
    expect((await failure(t.login(t.fixture.logins.qd))).message).toBe("该账户不是所选用户类型的管理员，请选择正确的用户类型");
    const session = await t.login(successor);
    const me = await t.client({ token: session.token }).auth.me.query();
    expect(me.isSuperAdmin).toBe(true);
    expect((await api(session.token).list.query({})).items[0]).toMatchObject({ name: successor.name, isSuper: true });
    expect(await t.app.db.auditLog.count({ where: { action: "admin.setSuper", unitId: t.fixture.units.qd.id } })).toBe(1);
  });
});

describe("管理单位管理员 authorization", () => {
  it("gives a sibling unit's admin none of the data and NOT_FOUND on its admins", async () => {
    const jnAdmin = await adminIdOf(t.fixture.logins.jnApprover);
    const qdToken = (await t.login(await t.fixture.newAdmin("qd", { isSuper: false, permissions: ["admin.manage"] }))).token;
    expect((await api(qdToken).list.query({ name: t.fixture.logins.jnApprover.name })).total).toBe(0);
    expect((await failure(api(qdToken).remove.mutate({ adminId: jnAdmin }))).code).toBe("NOT_FOUND");
    expect((await failure(api(qdToken).assignRoles.mutate({ adminId: jnAdmin, roleIds: [] }))).code).toBe("NOT_FOUND");
    expect((await api(qdToken).candidates.query({ q: "" })).total).toBe(0);
  });

  it("refuses an admin without 管理单位管理员 and an anonymous caller on every procedure", async () => {
    const id = "00000000-0000-4000-8000-000000000001";
    const calls = (c: ReturnType<typeof api>) => [
      () => c.list.query({}),
      () => c.options.query(),
      () => c.candidates.query({}),
      () => c.prepare.mutate({ way: "PROFESSIONAL", accountId: id }),
      () => c.create.mutate({ draftId: "x", roleIds: [] }),
      () => c.setSuper.mutate({ adminId: id }),
      () => c.setStatus.mutate({ adminId: id, status: "DISABLED" }),
      () => c.remove.mutate({ adminId: id }),
      () => c.assignRoles.mutate({ adminId: id, roleIds: [] }),
      () => c.resetPassword.mutate({ adminId: id }),
    ];
    for (const call of calls(api(tokens.jnApprover))) expect(await failure(call())).toMatchObject({ code: "FORBIDDEN", message: "没有“管理单位管理员”的权限" });
    for (const call of calls(t.client().admins)) expect((await failure(call())).code).toBe("UNAUTHORIZED");
  });
});
