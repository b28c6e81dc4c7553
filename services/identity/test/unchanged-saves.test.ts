import type { IndustryCode } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { useIdentity } from "./support/boot.ts";

// New-user pass F12: 保存 with nothing changed wrote an 操作日志 row whose 变更前 and 变更后 were the
// same (and bumped the unit's version, announced it, and signed a role's admins out). Every direct
// edit saved unchanged now writes nothing (contracts unchangedFields); a real change still does.
const t = useIdentity("unchanged", ["jn", "jnBus"]);
const { tokens } = t;
const as = (who: keyof typeof tokens) => t.client({ token: tokens[who] });

/** What a save leaves behind: 操作日志 rows, outbox events and the bus company's unit version. */
async function traces() {
  const [audit, events, unit] = await Promise.all([
    t.app.db.auditLog.count(),
    t.app.db.outbox.count(),
    t.app.db.unit.findUniqueOrThrow({ where: { id: t.fixture.units.jnBus.id }, select: { version: true } }),
  ]);
  return { audit, events, version: unit.version };
}

/** An admin of 济南市 holding `roleId`, signed in: their token. */
async function holderOf(roleId: string): Promise<string> {
  const admin = await t.fixture.newAdmin("jn");
  const adminId = (await t.app.db.admin.findUniqueOrThrow({ where: { accountId: admin.accountId } })).id;
  await as("jn").admins.assignRoles.mutate({ adminId, roleIds: [roleId] });
  return (await t.login(admin)).token;
}
const alive = (token: string) =>
  t
    .client({ token })
    .auth.me.query()
    .then(
      () => true,
      () => false,
    );

describe("an edit saved unchanged writes nothing; changed, it writes as before", () => {
  it.each([
    [
      "基本信息修改 (the unit's free fields, in the stored spelling)",
      async () => {
        const { unit } = await as("jnBus").unitProfile.get.query();
        return (n: number) =>
          as("jnBus").unitProfile.update.mutate({
            nature: unit.nature,
            industry: (unit.industry ?? "G") as IndustryCode,
            region: n === 0 ? (unit.region ?? "370103") : "370104",
          });
      },
    ],
    [
      "管理内设部门 › 修改 (the same name and order)",
      async () => {
        const { id } = await as("jnBus").departments.create.mutate({ name: "未改部门" });
        return (n: number) => as("jnBus").departments.update.mutate({ id, name: n === 0 ? "未改部门" : "已改部门", sortOrder: 0 });
      },
    ],
    [
      "角色管理 › 编辑角色 (the same modules in another order)",
      async () => {
        const { id } = await as("jn").roles.create.mutate({ name: "未改角色", permissions: ["stats.view", "hours.records"] });
        return (n: number) =>
          as("jn").roles.update.mutate({ id, name: "未改角色", permissions: n === 0 ? ["hours.records", "stats.view", "stats.view"] : ["stats.view"] });
      },
    ],
  ])("%s", async (_, prepare) => {
    const save = await prepare();
    // Settle a first save so the stored values are the ones saved again.
    await save(0);
    const before = await traces();
    await save(0);
    expect(await traces()).toEqual(before);
    await save(1);
    const after = await traces();
    expect(after.audit).toBe(before.audit + 1);
  });

  it("基本信息修改 unchanged keeps the unit's version and announces nothing", async () => {
    const { unit } = await as("jnBus").unitProfile.get.query();
    const fields = { nature: unit.nature, industry: (unit.industry ?? "G") as IndustryCode, region: unit.region ?? "370103" };
    await as("jnBus").unitProfile.update.mutate(fields);
    const before = await traces();
    await as("jnBus").unitProfile.update.mutate(fields);
    expect(await traces()).toEqual(before);
    await as("jnBus").unitProfile.update.mutate({ ...fields, region: fields.region === "370102" ? "370103" : "370102" });
    const after = await traces();
    expect(after.version).toBe(before.version + 1);
    expect(after.events).toBeGreaterThan(before.events);
  });

  it("an unchanged role edit or the same roles reassigned signs nobody out; a real change does", async () => {
    const { id } = await as("jn").roles.create.mutate({ name: "会话角色", permissions: ["stats.view"] });
    const token = await holderOf(id);
    const admin = await t.app.db.admin.findFirstOrThrow({ where: { roles: { some: { roleId: id } } } });
    await as("jn").roles.update.mutate({ id, name: "会话角色", permissions: ["stats.view"] });
    await as("jn").admins.assignRoles.mutate({ adminId: admin.id, roleIds: [id, id] });
    expect(await alive(token)).toBe(true);
    expect(await t.app.db.auditLog.count({ where: { entityId: { in: [id, admin.id] }, action: { in: ["role.update", "admin.assignRoles"] } } })).toBe(1);
    await as("jn").roles.update.mutate({ id, name: "会话角色", permissions: ["stats.view", "hours.records"] });
    expect(await alive(token)).toBe(false);
  });
});
