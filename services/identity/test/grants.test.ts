import { generateResidentId, type Permission } from "@ce/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";
import { type Credentials, FIXTURE_PASSWORD } from "./support/fixture.ts";

/**
 * Issue 8 fault 1, as a kind: nobody gives a permission they do not hold, by any path, and a
 * change of an admin's permissions ends their sessions at once.
 */
let t: TestIdentity;
let granter: { token: string; creds: Credentials };
const roles = {} as Record<"held" | "notHeld", string>;
const HELD: Permission = "hours.approve";
const NOT_HELD: Permission = "pii.unmask";
const REFUSED = "您没有以下权限，不能分配给他人：查看完整证件号与手机号";

beforeAll(async () => {
  t = await bootIdentity("grants");
  const creds = await t.fixture.newAdmin("jn", { permissions: ["admin.manage", "role.manage", HELD] });
  granter = { creds, token: (await t.login(creds)).token };
  for (const [key, permission] of [
    ["held", HELD],
    ["notHeld", NOT_HELD],
  ] as const) {
    roles[key] = (
      await t.app.db.role.create({ data: { id: crypto.randomUUID(), unitId: t.fixture.units.jn.id, name: `预置${key}`, permissions: [permission] } })
    ).id;
  }
});
afterAll(() => t?.cleanup());

const adminIdOf = async (who: { accountId: string }) => (await t.app.db.admin.findUniqueOrThrow({ where: { accountId: who.accountId } })).id;
let seq = 0;
const freshId = () => generateResidentId("370104", new Date(Date.UTC(1983, 4, 1 + ++seq)), 300 + seq);
const admins = () => t.client({ token: granter.token }).admins;

/** Each path gives `permission` (through a role holding it, or directly on a role) by the granter. */
const paths: [string, (permission: Permission) => Promise<unknown>][] = [
  ["role create", (p) => t.client({ token: granter.token }).roles.create.mutate({ name: `新角色${++seq}`, permissions: [p] })],
  [
    "role edit (a role already assigned to another admin)",
    async (p) => {
      const id = (
        await t.app.db.role.create({ data: { id: crypto.randomUUID(), unitId: t.fixture.units.jn.id, name: `已分配${++seq}`, permissions: ["stats.view"] } })
      ).id;
      await t.app.db.adminRole.create({ data: { adminId: await adminIdOf(await t.fixture.newAdmin("jn")), roleId: id } });
      return t.client({ token: granter.token }).roles.update.mutate({ id, name: `已分配${seq}`, permissions: ["stats.view", p] });
    },
  ],
  [
    "admin create, way (a) professional",
    async (p) => {
      const person = await t.fixture.newProfessional({ unit: "jnBus" });
      await t.app.db.professional.update({ where: { accountId: person.accountId }, data: { unitId: t.fixture.units.jn.id } });
      const draft = await admins().prepare.mutate({ way: "PROFESSIONAL", accountId: person.accountId });
      return admins().create.mutate({ draftId: draft.draftId, roleIds: [p === HELD ? roles.held : roles.notHeld] });
    },
  ],
  [
    "admin create, way (b) register",
    async (p) => {
      const draft = await admins().prepare.mutate({
        way: "REGISTER",
        idNumber: freshId(),
        password: "Admin2024",
        confirmPassword: "Admin2024",
        name: "傀儡",
        phone: "13912345678",
        email: "puppet@example.com",
      });
      return admins().create.mutate({ draftId: draft.draftId, roleIds: [p === HELD ? roles.held : roles.notHeld] });
    },
  ],
  [
    "admin create, way (c) existing account",
    async (p) => {
      const person = await t.fixture.newProfessional({ unit: "qdPort" });
      const draft = await admins().prepare.mutate({ way: "EXISTING", idNumber: person.idNumber, password: FIXTURE_PASSWORD });
      return admins().create.mutate({ draftId: draft.draftId, roleIds: [p === HELD ? roles.held : roles.notHeld] });
    },
  ],
  [
    "role assignment",
    async (p) => admins().assignRoles.mutate({ adminId: await adminIdOf(await t.fixture.newAdmin("jn")), roleIds: [p === HELD ? roles.held : roles.notHeld] }),
  ],
];

describe("nobody gives a permission they do not hold", () => {
  const holdersOfNotHeld = () => t.app.db.adminRole.count({ where: { role: { permissions: { has: NOT_HELD } } } });

  it.each(paths)("%s: a held module is given", async (_, give) => {
    const admins = await t.app.db.adminRole.count({ where: { role: { permissions: { has: HELD } } } });
    const roleCount = await t.app.db.role.count({ where: { permissions: { has: HELD } } });
    await give(HELD);
    const adminsAfter = await t.app.db.adminRole.count({ where: { role: { permissions: { has: HELD } } } });
    const rolesAfter = await t.app.db.role.count({ where: { permissions: { has: HELD } } });
    expect(adminsAfter + rolesAfter).toBeGreaterThan(admins + roleCount);
  });

  it.each(paths)("%s: a module not held is refused, and nobody gains it", async (_, give) => {
    const [holders, rolesWithIt, accounts] = [
      await holdersOfNotHeld(),
      await t.app.db.role.count({ where: { permissions: { has: NOT_HELD } } }),
      await t.app.db.account.count({ where: { name: "傀儡" } }),
    ];
    expect(await failure(give(NOT_HELD))).toMatchObject({ code: "FORBIDDEN", message: REFUSED });
    expect(await holdersOfNotHeld()).toBe(holders);
    expect(await t.app.db.role.count({ where: { permissions: { has: NOT_HELD } } })).toBe(rolesWithIt);
    expect(await t.app.db.account.count({ where: { name: "傀儡" } })).toBe(accounts);
  });

  it("keeps a module the admin already had when roles are swapped (nothing new is given)", async () => {
    const target = await t.fixture.newAdmin("jn");
    const adminId = await adminIdOf(target);
    await t.app.db.adminRole.create({ data: { adminId, roleId: roles.notHeld } });
    await admins().assignRoles.mutate({ adminId, roleIds: [roles.notHeld, roles.held] });
    await admins().assignRoles.mutate({ adminId, roleIds: [roles.held] });
    expect(await failure(admins().assignRoles.mutate({ adminId, roleIds: [roles.notHeld] }))).toMatchObject({ code: "FORBIDDEN", message: REFUSED });
  });

  it("lets only the super admin hand over the super admin (who then holds every module)", async () => {
    const successor = await t.fixture.newAdmin("jn");
    expect(await failure(admins().setSuper.mutate({ adminId: await adminIdOf(successor) }))).toMatchObject({
      code: "FORBIDDEN",
      message: "只有超级管理员可以进行此操作",
    });
  });
});

describe("a change of an admin's permissions ends their sessions at once", () => {
  const signedIn = async (who: Credentials) => (await t.login(who)).token;
  const alive = async (token: string) =>
    await t
      .client({ token })
      .auth.me.query()
      .then(
        () => true,
        () => false,
      );

  it.each([
    ["their roles are reassigned", async (who: Credentials) => admins().assignRoles.mutate({ adminId: await adminIdOf(who), roleIds: [] })],
    [
      "a role they hold is edited",
      async (who: Credentials) => {
        const role = await t.app.db.adminRole.findFirstOrThrow({ where: { admin: { accountId: who.accountId } } });
        await t.client({ token: granter.token }).roles.update.mutate({ id: role.roleId, name: `改名${++seq}`, permissions: [HELD] });
      },
    ],
    [
      "a role they hold is deleted",
      async (who: Credentials) => {
        const role = await t.app.db.adminRole.findFirstOrThrow({ where: { admin: { accountId: who.accountId } } });
        await t.client({ token: granter.token }).roles.delete.mutate({ id: role.roleId, confirm: true });
      },
    ],
    [
      "they are disabled",
      async (who: Credentials) =>
        t.client({ token: (await t.login(t.fixture.logins.jn)).token }).admins.setStatus.mutate({ adminId: await adminIdOf(who), status: "DISABLED" }),
    ],
    ["they are removed", async (who: Credentials) => admins().remove.mutate({ adminId: await adminIdOf(who) })],
  ] as const)("when %s", async (_, change) => {
    const who = await t.fixture.newAdmin("jn", { permissions: ["stats.view"] });
    const [a, b] = [await signedIn(who), await signedIn(who)];
    expect(await alive(a)).toBe(true);
    await change(who);
    expect(await alive(a)).toBe(false);
    expect(await alive(b)).toBe(false);
  });

  it("ends both the former and the new super admin's sessions on a handover", async () => {
    const superToken = await signedIn(t.fixture.logins.qd);
    const successor = await t.fixture.newAdmin("qd");
    const successorToken = await signedIn(successor);
    await t.client({ token: superToken }).admins.setSuper.mutate({ adminId: await adminIdOf(successor) });
    expect(await alive(superToken)).toBe(false);
    expect(await alive(successorToken)).toBe(false);
    const me = await t.client({ token: await signedIn(successor) }).auth.me.query();
    expect(me.isSuperAdmin).toBe(true);
  });
});
