import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createAdmin } from "../src/db/accounts.ts";
import { bootIdentity, type TestIdentity } from "./support/boot.ts";

let t: TestIdentity;
beforeAll(async () => {
  t = await bootIdentity("accounts");
});
afterAll(() => t?.cleanup());

describe("accounts and admins", () => {
  it("stores the ID number and phone encrypted and masked, found again by blind index", async () => {
    const who = t.fixture.logins.professional;
    const row = await t.app.db.account.findUniqueOrThrow({ where: { id: who.accountId } });
    expect(row.idNumberEnc).not.toContain(who.idNumber);
    expect(t.app.pii.decrypt(row.idNumberEnc)).toBe(who.idNumber);
    expect(row.idNumberMasked).toBe(`${who.idNumber.slice(0, 10)}****${who.idNumber.slice(14)}`);
    expect(row.phoneMasked).toBe("138*****00");
    expect(row.idNumberHash).toBe(t.app.pii.blindIndex("RESIDENT_ID", who.idNumber));
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
  });

  it("refuses a second account with the same ID number", async () => {
    const existing = t.fixture.logins.professional;
    const again = t.app.db.$transaction((tx) =>
      createAccount(tx, t.app.pii, {
        idType: "RESIDENT_ID",
        idNumber: existing.idNumber,
        name: "重复",
        phone: null,
        email: null,
        passwordHash: "x",
        unitId: null,
      }),
    );
    await expect(again).rejects.toMatchObject({ kind: "CONFLICT", field: "idNumber", message: "该证件号已注册" });
  });

  it("allows one super admin per unit", async () => {
    await expect(t.fixture.newAdmin("jn", { isSuper: true })).rejects.toMatchObject({ kind: "CONFLICT", message: "该单位已有超级管理员" });
    expect((await t.fixture.newAdmin("qdPort", { isSuper: true })).userType).toBe("EMPLOYER");
  });

  it("gives an account admin rights in one unit at most", async () => {
    const admin = t.fixture.logins.jnApprover;
    const second = t.app.db.$transaction((tx) => createAdmin(tx, { accountId: admin.accountId, unitId: t.fixture.units.qd.id, isSuper: false }));
    await expect(second).rejects.toMatchObject({ kind: "CONFLICT", message: "该账户已是管理员" });
  });
});
