import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootIdentity, type TestIdentity } from "./support/boot.ts";

// 学时申报 by a 继续教育基地 (issue 13.5): it declares for the people it trained, who work anywhere in
// the province, so its lookup by full 证件号 (rate-limited, logged) reaches the whole province — for
// DECLARE only, and approved people only.
let t: TestIdentity;
beforeAll(async () => {
  t = await bootIdentity("declarelookup");
});
afterAll(() => t?.cleanup());

const asBase = async () => t.client({ token: (await t.login(t.fixture.logins.base)).token, ip: "198.51.100.72" });

describe("a CE base finds the people it trained by full 证件号", () => {
  it("finds an approved person of any unit of the province, and logs the lookup", async () => {
    const [jinan, qingdao] = [await t.fixture.newProfessional({ unit: "jnBus" }), await t.fixture.newProfessional({ unit: "qdPort" })];
    const base = await asBase();
    expect(await base.professionals.find.mutate({ idNumber: jinan.idNumber, purpose: "DECLARE" })).toMatchObject({ accountId: jinan.accountId });
    expect(await base.professionals.find.mutate({ idNumber: qingdao.idNumber, purpose: "DECLARE" })).toMatchObject({ accountId: qingdao.accountId });
    const logged = await t.app.db.piiAccessLog.count({ where: { viewerId: t.fixture.logins.base.accountId, purpose: "学时申报：选择申请人" } });
    expect(logged).toBe(2);
  });

  it("answers null for a registration not yet approved", async () => {
    const pending = await t.fixture.newProfessional({ unit: "qdPort", status: "PENDING" });
    expect(await (await asBase()).professionals.find.mutate({ idNumber: pending.idNumber, purpose: "DECLARE" })).toBeNull();
  });
});
