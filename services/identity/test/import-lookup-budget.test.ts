// 批量导入 › 校验 is a lookup by full 证件号 within the caller's subtree: every registered row found
// spends one lookup of the day's budget (contracts idLookupLimits, shared with 新增管理员 and the
// picker) and is logged with the person; past the budget no valid row is answered, registered or not.
import { idLookupLimits } from "@ce/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { duplicateMessages } from "../src/domain/import/tally.ts";
import { idLookupBudget } from "../src/security/id-lookup.ts";
import { bootIdentity, type TestIdentity } from "./support/boot.ts";
import type { Credentials } from "./support/fixture.ts";
import { professionalForm } from "./support/people.ts";

let t: TestIdentity;
beforeAll(async () => {
  t = await bootIdentity("import-lookup-budget");
});
afterAll(() => t?.cleanup());

const csv = (numbers: readonly string[]) =>
  Buffer.from(
    `姓名,证件号,手机号,电子邮箱,学历,专业技术职务系列,职称级别\r\n${numbers.map((n, i) => `导入人${i},${n},13812345678,a${i}@example.com,本科,工程技术,中级`).join("\r\n")}\r\n`,
  ).toString("base64");

/** A fresh importer of 济南公交 signed in from its own address, with `spent` lookups already used today. */
async function importer(
  ip: string,
  spent: number,
): Promise<{ admin: Credentials; dryRun: (numbers: string[]) => ReturnType<ReturnType<TestIdentity["client"]>["imports"]["dryRun"]["mutate"]> }> {
  const admin = await t.fixture.newAdmin("jnBus", { permissions: ["import.professionals"] });
  const budget = idLookupBudget(t.app.deps, { accountId: admin.accountId, clientIp: ip, requestId: null });
  for (let i = 0; i < spent; i++) await budget.take();
  const { token } = await t.login(admin, { ip });
  return { admin, dryRun: (numbers) => t.client({ token, ip }).imports.dryRun.mutate({ fileName: "导入.csv", base64: csv(numbers) }) };
}

const messagesByRow = (errors: { row: number; message: string }[]) => Object.fromEntries(errors.map((e) => [e.row, e.message]));

describe("批量导入 › 校验 spends the 证件号 lookup budget", () => {
  it("a registered row of the subtree is 重复, spends one lookup and is logged with the person; free rows spend nothing", async () => {
    const registered = await t.fixture.newProfessional({ unit: "jnBus" });
    const elsewhere = await t.fixture.newProfessional({ unit: "qdMetro" });
    const { admin, dryRun } = await importer("198.51.100.1", 0);
    const result = await dryRun([t.fixture.nextIdNumber(), registered.idNumber, elsewhere.idNumber, t.fixture.nextIdNumber()]);
    // Rows 2..5: free, registered here, registered in another city (not named), free.
    expect(result).toMatchObject({ rows: 4, importable: 3, duplicates: 1, invalid: 0 });
    expect(messagesByRow(result.errors)).toEqual({ 3: duplicateMessages.registered });
    const logged = await t.app.db.piiAccessLog.findMany({ where: { viewerId: admin.accountId }, orderBy: { id: "asc" } });
    expect(logged.map((l) => [l.subjectId, l.purpose])).toEqual([
      [registered.accountId, "批量导入：校验（已注册）"],
      [null, "批量导入：校验4个证件号"],
    ]);
    expect(await t.app.deps.redis.get(`id-lookup:account:${admin.accountId}`)).toBe("1");
  });

  it("with the budget spent before the file, every valid row is 今日证件号核对次数已用完 — registered or not, told apart by nothing", async () => {
    const registered = await t.fixture.newProfessional({ unit: "jnBus" });
    const { admin, dryRun } = await importer("198.51.100.2", idLookupLimits.perAccount.max);
    const free = t.fixture.nextIdNumber();
    const result = await dryRun([free, registered.idNumber, free, "not-an-id"]);
    expect(result).toMatchObject({ rows: 4, importable: 0, duplicates: 1, invalid: 3, uploadId: null });
    const rows = messagesByRow(result.errors);
    expect([rows[2], rows[3]]).toEqual([duplicateMessages.unchecked, duplicateMessages.unchecked]);
    expect(rows[4]).toBe(duplicateMessages.inFile(2));
    expect(result.notes).toContain(duplicateMessages.uncheckedNote(2));
    expect(await t.app.db.piiAccessLog.count({ where: { viewerId: admin.accountId } })).toBe(0);
  });

  it("a budget running out inside the file: the rows after it are unchecked, the one past the limit is still logged", async () => {
    const [a, b] = [await t.fixture.newProfessional({ unit: "jnBus" }), await t.fixture.newProfessional({ unit: "jnMetro" })];
    const outside = await t.fixture.newProfessional({ unit: "jnMetro" });
    // 济南公交's subtree is itself: b and outside (济南轨道) are not registered there, so they are free rows.
    const { admin, dryRun } = await importer("198.51.100.3", idLookupLimits.perAccount.max - 1);
    const c = await t.fixture.newProfessional({ unit: "jnBus" });
    const result = await dryRun([t.fixture.nextIdNumber(), a.idNumber, b.idNumber, c.idNumber, outside.idNumber]);
    // Row 2 free, 3 registered (the 15th lookup), 4 free, 5 registered (the 16th: refused), 6 after it.
    expect(messagesByRow(result.errors)).toEqual({ 3: duplicateMessages.registered, 5: duplicateMessages.unchecked, 6: duplicateMessages.unchecked });
    expect(result).toMatchObject({ importable: 2, duplicates: 1, invalid: 2 });
    const logged = await t.app.db.piiAccessLog.findMany({ where: { viewerId: admin.accountId, subjectId: { not: null } }, orderBy: { id: "asc" } });
    expect(logged.map((l) => [l.subjectId, l.purpose])).toEqual([
      [a.accountId, "批量导入：校验（已注册）"],
      [c.accountId, "批量导入：校验（已注册，次数已用完）"],
    ]);
  });

  it("a number registered under one 证件类型 is 重复 under another, in the file and against the subtree", async () => {
    const number = `G${String(Date.now()).slice(-8)}`;
    const form = await professionalForm(t, t.fixture.units.jnBus.id, { idType: "PASSPORT", idNumber: number }, "198.51.100.4");
    await t.client({ ip: "198.51.100.4" }).registration.professional.mutate(form);
    const other = `G${String(Date.now() + 7).slice(-8)}`;
    const rows = [
      ["港澳居民来往内地通行证", number],
      ["护照", other],
      ["台湾居民来往大陆通行证", other.toLowerCase()],
    ];
    const base64 = Buffer.from(
      `姓名,证件类型,证件号,手机号,电子邮箱,学历,专业技术职务系列,职称级别\r\n${rows.map(([type, n], i) => `跨类型${i},${type},${n},13812345678,b${i}@example.com,本科,工程技术,中级`).join("\r\n")}\r\n`,
    ).toString("base64");
    const result = await t
      .client({ token: (await t.login(t.fixture.logins.jnBus, { ip: "198.51.100.5" })).token, ip: "198.51.100.5" })
      .imports.dryRun.mutate({ fileName: "跨类型.csv", base64 });
    expect(result).toMatchObject({ rows: 3, importable: 1, duplicates: 2 });
    expect(messagesByRow(result.errors)).toEqual({ 2: duplicateMessages.registered, 4: duplicateMessages.inFile(3) });
  });
});
