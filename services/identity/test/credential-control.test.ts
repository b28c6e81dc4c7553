// Credential control (docs/security.md): who may reset whose password, in the matrix style — every
// caller × every account shape, through every path that resets credentials. The probe's case: a
// 用人单位 admin reset the password of a province admin who is also that employer's professional.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";
import type { Credentials } from "./support/fixture.ts";

let t: TestIdentity;
type Caller = "sd" | "jn" | "qd" | "jnBus" | "jnStats";
const tokens = {} as Record<Caller, string>;
const accounts = {} as Record<Caller, Credentials>;

/** Gives an existing account a professional record (approved) in `unit`, as 选择成为管理员's reverse: one account, two roles. */
async function alsoProfessional(who: Credentials, unit: "jnBus" | "jnMetro"): Promise<Credentials> {
  await t.app.db.$transaction((tx) => t.fixture.professionalRecord(tx, who.accountId, unit));
  return who;
}

const hashOf = async (accountId: string) => (await t.app.db.account.findUniqueOrThrow({ where: { id: accountId } })).passwordHash;

beforeAll(async () => {
  t = await bootIdentity("credential-control");
  accounts.sd = t.fixture.logins.sd;
  accounts.jn = t.fixture.logins.jn;
  accounts.qd = t.fixture.logins.qd;
  accounts.jnBus = t.fixture.logins.jnBus;
  accounts.jnStats = await alsoProfessional(await t.fixture.newAdmin("jn", { permissions: ["stats.view", "admin.manage"] }), "jnBus");
  for (const key of Object.keys(accounts) as Caller[]) tokens[key] = (await t.login(accounts[key])).token;
});
afterAll(() => t?.cleanup());

describe("专业技术人员信息查询 › 重置密码 over every account shape", () => {
  // [target shape, caller, expected: "OK" or the tRPC code]
  type Shape = "provinceAdminAtBus" | "cityAdminAtBus" | "busAdminAtBus" | "plainAtBus" | "self";
  const shapes: Record<Exclude<Shape, "self">, () => Promise<Credentials>> = {
    provinceAdminAtBus: async () => alsoProfessional(await t.fixture.newAdmin("sd", { permissions: ["stats.view"] }), "jnBus"),
    cityAdminAtBus: async () => alsoProfessional(await t.fixture.newAdmin("jn", { permissions: ["hours.approve"] }), "jnBus"),
    busAdminAtBus: async () => alsoProfessional(await t.fixture.newAdmin("jnBus", { permissions: ["hours.declare"] }), "jnBus"),
    plainAtBus: () => t.fixture.newProfessional({ unit: "jnBus" }),
  };
  const table: [Shape, Caller, "OK" | "FORBIDDEN" | "NOT_FOUND"][] = [
    // The probe: an employer (and the city between) never over a province admin.
    ["provinceAdminAtBus", "jnBus", "FORBIDDEN"],
    ["provinceAdminAtBus", "jn", "FORBIDDEN"],
    ["provinceAdminAtBus", "jnStats", "FORBIDDEN"],
    ["provinceAdminAtBus", "qd", "NOT_FOUND"],
    ["provinceAdminAtBus", "sd", "OK"],
    // A city admin: not by the employer below, not by a fellow (non-super) city admin; by the city's super admin and the province.
    ["cityAdminAtBus", "jnBus", "FORBIDDEN"],
    ["cityAdminAtBus", "jnStats", "FORBIDDEN"],
    ["cityAdminAtBus", "jn", "OK"],
    ["cityAdminAtBus", "sd", "OK"],
    // The employer's own (non-super) admin: its super admin and everyone above.
    ["busAdminAtBus", "jnBus", "OK"],
    ["busAdminAtBus", "jnStats", "OK"],
    ["busAdminAtBus", "qd", "NOT_FOUND"],
    // A person holding no grant: as before.
    ["plainAtBus", "jnBus", "OK"],
    ["plainAtBus", "jn", "OK"],
    ["plainAtBus", "qd", "NOT_FOUND"],
    // One's own account is changed only with the old password.
    ["self", "jnStats", "FORBIDDEN"],
  ];
  it.each(table)("%s by %s → %s", async (shape, caller, expected) => {
    const target = shape === "self" ? accounts[caller] : await shapes[shape]();
    const before = await hashOf(target.accountId);
    const call = t.client({ token: tokens[caller] }).professionals.resetPassword.mutate({ accountId: target.accountId });
    if (expected === "OK") {
      const { temporaryPassword } = await call;
      expect((await t.login({ ...target, userType: "PROFESSIONAL", password: temporaryPassword })).token).toBeTruthy();
      return;
    }
    const refused = await failure(call);
    expect(refused.code).toBe(expected);
    if (expected === "FORBIDDEN") expect(refused.message).toContain("不能重置其密码");
    expect(await hashOf(target.accountId)).toBe(before);
    expect((await t.login({ ...target, userType: "PROFESSIONAL" })).token).toBeTruthy();
  });
});

describe("管理员 › 重置密码 goes through the same guard", () => {
  const adminIdOf = async (who: Credentials) => (await t.app.db.admin.findUniqueOrThrow({ where: { accountId: who.accountId } })).id;

  it("the employer's super admin resets its own admin, but not one who is a professional of another employer", async () => {
    const own = await alsoProfessional(await t.fixture.newAdmin("jnBus", { permissions: ["hours.declare"] }), "jnBus");
    const elsewhere = await alsoProfessional(await t.fixture.newAdmin("jnBus", { permissions: ["hours.declare"] }), "jnMetro");
    const admins = t.client({ token: tokens.jnBus }).admins;
    expect((await admins.resetPassword.mutate({ adminId: await adminIdOf(own) })).temporaryPassword).toHaveLength(10);
    const before = await hashOf(elsewhere.accountId);
    const refused = await failure(admins.resetPassword.mutate({ adminId: await adminIdOf(elsewhere) }));
    expect(refused).toMatchObject({ code: "FORBIDDEN" });
    expect(await hashOf(elsewhere.accountId)).toBe(before);
  });
});
