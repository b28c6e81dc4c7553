import { maskIdNumber } from "@ce/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ID_LOOKUP_FIELD } from "../src/security/id-lookup.ts";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";

// The portal's one picker (issue 13.8): a person found by full 证件号 (in a POST body, rate-limited
// and logged), only where the purpose allows them; and the units of the caller's subtree by name.
let t: TestIdentity;
beforeAll(async () => {
  t = await bootIdentity("pickers");
});
afterAll(() => t?.cleanup());

const as = async (who: Parameters<TestIdentity["login"]>[0], ip = "198.51.100.71") => t.client({ token: (await t.login(who)).token, ip });

describe("professionals.find: a person by full 证件号 for one purpose", () => {
  it("finds an approved person of the caller's subtree (masked), and logs the lookup without the number", async () => {
    const person = await t.fixture.newProfessional({ unit: "jnBus" });
    const jn = await as(t.fixture.logins.jn);
    const found = await jn.professionals.find.mutate({ idNumber: ` ${person.idNumber.toLowerCase()} `, purpose: "DECLARE" });
    expect(found).toEqual({
      accountId: person.accountId,
      name: person.name,
      idNumberMasked: maskIdNumber(person.idNumber),
      unitName: t.fixture.units.jnBus.name,
      departmentName: null,
    });
    const logged = await t.app.db.piiAccessLog.findMany({ where: { viewerId: t.fixture.logins.jn.accountId, subjectId: person.accountId } });
    expect(logged.map((l) => [l.fields, l.purpose])).toEqual([[[ID_LOOKUP_FIELD], "学时申报：选择申请人"]]);
    expect(JSON.stringify(logged, (_, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(person.idNumber);
  });

  it.each([
    ["another city's person", "qd", "jnBus", "APPROVED", "DECLARE"],
    ["a registration not yet approved", "jn", "jnBus", "PENDING", "DECLARE"],
    ["a person of a unit below, for 选择成为管理员 (own unit only)", "jn", "jnBus", "APPROVED", "ADMIN"],
  ] as const)("answers null for %s", async (_, caller, unit, status, purpose) => {
    const person = await t.fixture.newProfessional({ unit, status });
    const api = await as(t.fixture.logins[caller]);
    expect(await api.professionals.find.mutate({ idNumber: person.idNumber, purpose })).toBeNull();
  });

  it("answers null for 人员调出 while the person has an open transfer", async () => {
    const person = await t.fixture.newProfessional({ unit: "jnBus" });
    const bus = await as(t.fixture.logins.jnBus);
    expect(await bus.professionals.find.mutate({ idNumber: person.idNumber, purpose: "TRANSFER" })).not.toBeNull();
    await bus.transfers.create.mutate({ accountId: person.accountId, contactPhone: "0531-88886666", toUnitId: t.fixture.units.jnMetro.id, reason: "调动" });
    expect(await bus.professionals.find.mutate({ idNumber: person.idNumber, purpose: "TRANSFER" })).toBeNull();
  });

  it("refuses a purpose whose permission module the caller lacks, and a number valid for no 证件类型", async () => {
    const approver = await as(t.fixture.logins.jnApprover);
    const person = await t.fixture.newProfessional({ unit: "jnBus" });
    expect((await failure(approver.professionals.find.mutate({ idNumber: person.idNumber, purpose: "DECLARE" }))).code).toBe("FORBIDDEN");
    const jn = await as(t.fixture.logins.jn);
    const bad = await failure(jn.professionals.find.mutate({ idNumber: "这不是证件号", purpose: "DECLARE" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toBe("证件号格式不正确");
  });
});

describe("units.pick: units of the caller's subtree by name", () => {
  it("lists approved units of the asked kinds under the caller (its own included), paged", async () => {
    const jn = await as(t.fixture.logins.jn);
    const all = await jn.units.pick.query({ kinds: ["AUTHORITY", "EMPLOYER"], pageSize: 50 });
    const names = all.items.map((u) => u.name);
    expect(names).toContain(t.fixture.units.jn.name);
    expect(names).toContain(t.fixture.units.jnBus.name);
    expect(names).not.toContain(t.fixture.units.qd.name);
    expect(names).not.toContain(t.fixture.units.jnPending.name);
    const employers = await jn.units.pick.query({ kinds: ["EMPLOYER"], name: "公共交通", pageSize: 1 });
    expect(employers.items).toEqual([{ id: t.fixture.units.jnBus.id, name: t.fixture.units.jnBus.name, superiorName: t.fixture.units.jn.name }]);
    expect(employers.pageSize).toBe(1);
  });
});
