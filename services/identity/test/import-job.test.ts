import { gunzipSync } from "node:zlib";
import { type ImportJob, idLookupLimits } from "@ce/contracts";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession } from "../src/auth/sessions.ts";
import { findLoginAccount } from "../src/db/accounts.ts";
import { grantFor } from "../src/domain/principal.ts";
import { idLookupBudget } from "../src/security/id-lookup.ts";
import { KEPT_PART_ROWS } from "../src/use-cases/import/kept-rows.ts";
import { bootIdentity, failure, type IdentityClient, type TestIdentity } from "./support/boot.ts";
import { importHeader, importRow, serialResidentId } from "./support/import-rows.ts";
import { professionalForm } from "./support/people.ts";

// 批量导入 as a durable job (issue 12): dry run → 导入 (pg-boss) → progress → result, the failed
// rows' round trip, a worker stopped and started mid-job, re-imports, undo — on a real database,
// NATS and Redis. Batches of 100 rows here so that a few hundred rows make several batches.
const BATCH = 100;
let t: TestIdentity;
let bus: IdentityClient;
beforeAll(async () => {
  t = await bootIdentity("import-job", { env: { IMPORT_BATCH_ROWS: String(BATCH) } });
  bus = t.client({ token: (await t.login(t.fixture.logins.jnBus)).token, ip: "198.51.100.91" });
  await bus.departments.create.mutate({ name: "办公室", sortOrder: 1 });
});
afterAll(() => t?.cleanup());

let serial = 0;
const freshId = () => serialResidentId(serial++, "370103", new Date(Date.UTC(1988, 5, 7)));
const good = (idNumber: string, name: string, n: number) => importRow(n, name, idNumber).join(",");
const csv = (rows: string[]) => Buffer.from(`\uFEFF${importHeader.join(",")}\r\n${rows.join("\r\n")}\r\n`).toString("base64");
const check = (fileName: string, base64: string) => bus.imports.dryRun.mutate({ fileName, base64 });

/** Polls the job until `done(job)`, at most 60 s. */
async function waitFor(jobId: string, done: (job: ImportJob) => boolean): Promise<ImportJob> {
  const until = Date.now() + 60_000;
  for (;;) {
    const job = await bus.imports.job.query({ jobId });
    if (done(job)) return job;
    if (Date.now() > until) throw new Error(`import job ${jobId} still ${job.status} at ${job.rowsDone}/${job.totalRows}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const ended = (job: ImportJob) => ["DONE", "FAILED"].includes(job.status);

const importedBy = (jobId: string) => t.app.db.professional.count({ where: { importJobId: jobId } });
/** The payloads' `data` of the outbox rows of `type` about `accountId`, oldest first. */
const eventsAbout = async (type: string, accountId: string) =>
  (
    await t.app.db.$queryRawUnsafe<{ data: { activated: boolean; version: number } }[]>(
      `SELECT payload->'data' AS data FROM identity.outbox WHERE type = $1 AND payload->'data'->>'accountId' = $2 ORDER BY seq`,
      type,
      accountId,
    )
  ).map((r) => r.data);

const outboxOf = (type: string, accountIds: string[]) =>
  t.app.db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM identity.outbox WHERE type = $1 AND payload->'data'->>'accountId' = ANY($2::text[])`,
    type,
    accountIds,
  );

describe("导入 a checked file", () => {
  const ids = [freshId(), freshId(), freshId()];
  let jobId: string;

  it("imports the valid rows, leaves the failed ones out, and the failed rows come back fixed", async () => {
    const file = csv([
      good(ids[0]!, "导入一", 1),
      "导入二,身份证,3.70102E+17,,13800000002,p2@example.com,,本科,工程技术,中级,,,",
      good(ids[1]!, "导入三", 3),
      `导入四,身份证,${ids[2]},,13800000004,bad.example.com,,本科,工程技术,中级,,,`,
    ]);
    const checked = await check("人员.csv", file);
    expect(checked).toMatchObject({ rows: 4, importable: 2, invalid: 2, duplicates: 0 });
    expect(checked.uploadId).toEqual(expect.any(String));
    jobId = checked.uploadId!;

    const started = await bus.imports.start.mutate({ uploadId: jobId });
    expect(started).toMatchObject({ status: expect.stringMatching(/QUEUED|RUNNING|DONE/), totalRows: 4 });
    expect((await failure(bus.imports.start.mutate({ uploadId: jobId }))).message).toBe("该文件已导入或正在导入，请勿重复提交");
    const done = await waitFor(jobId, ended);
    expect(done).toMatchObject({ status: "DONE", totalRows: 4, rowsDone: 4, created: 2, existing: 0, invalid: 2, undoUntil: expect.any(String) });

    // 未激活, approved, in the unit, tagged with the job; their registered events in the outbox; one audit row.
    const people = await t.app.db.professional.findMany({ where: { importJobId: jobId }, include: { account: true } });
    expect(people.map((p) => [p.account.name, p.status, p.account.activated, p.account.passwordHash]).sort()).toEqual([
      ["导入一", "APPROVED", false, ""],
      ["导入三", "APPROVED", false, ""],
    ]);
    expect(
      (
        await outboxOf(
          "ce.identity.professional.registered.v1",
          people.map((p) => p.accountId),
        )
      )[0]?.n,
    ).toBe(2);
    const audit = await t.app.db.auditLog.findMany({ where: { entityId: jobId } });
    expect(audit.map((a) => [a.action, a.after])).toEqual([["import.run", { name: "人员.csv", status: "DONE", rows: 4, created: 2, existing: 0, invalid: 2 }]]);
    expect(await t.app.db.importKeptRows.count({ where: { jobId } })).toBe(0);

    // 导出失败信息 → fix the two cells → upload again: the two import.
    const failed = await bus.imports.failedRows.mutate({ fileName: "人员.csv", base64: file });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(Buffer.from(failed.base64, "base64")).buffer);
    const sheet = book.worksheets[0]!;
    sheet.getRow(2).getCell(3).value = freshId();
    sheet.getRow(3).getCell(6).value = "p4@example.com";
    const fixed = Buffer.from(await book.xlsx.writeBuffer()).toString("base64");
    const again = await check("人员-修改.xlsx", fixed);
    expect(again).toMatchObject({ rows: 2, importable: 2, invalid: 0 });
    const second = await waitFor((await bus.imports.start.mutate({ uploadId: again.uploadId! })).jobId, ended);
    expect(second).toMatchObject({ status: "DONE", created: 2, invalid: 0 });
    expect((await bus.imports.jobs.query()).map((j) => j.jobId).slice(0, 2)).toEqual([second.jobId, jobId]);
  });

  it("creates nobody twice: the same file checked twice and imported twice, the second import counts 已存在", async () => {
    const rows = [freshId(), freshId(), freshId()].map((id, i) => good(id, `重导${i}`, 100 + i));
    const file = csv([...rows, rows[0]!]);
    const a = await check("重复.csv", file);
    const b = await check("重复.csv", file);
    expect(a).toMatchObject({ importable: 3, duplicates: 1 });
    const first = await waitFor((await bus.imports.start.mutate({ uploadId: a.uploadId! })).jobId, ended);
    const second = await waitFor((await bus.imports.start.mutate({ uploadId: b.uploadId! })).jobId, ended);
    expect(first).toMatchObject({ status: "DONE", created: 3, existing: 1 });
    expect(second).toMatchObject({ status: "DONE", created: 0, existing: 4 });
    // Registered again now: the dry run says so and keeps nothing to import.
    expect(await check("重复.csv", file)).toMatchObject({ importable: 0, duplicates: 4, uploadId: null });
  });

  it("leaves out a number registered in another unit without telling it apart from 已存在", async () => {
    const elsewhere = await t.fixture.newProfessional({ unit: "qdMetro" });
    const other = await t.app.db.account.findUniqueOrThrow({ where: { id: elsewhere.accountId }, include: { professional: true } });
    expect(other.professional?.unitId).not.toBe(t.fixture.units.jnBus.id);
    const file = csv([good(elsewhere.idNumber, "别处的人", 201), good(freshId(), "新人", 202)]);
    const checked = await check("别处.csv", file);
    const done = await waitFor((await bus.imports.start.mutate({ uploadId: checked.uploadId! })).jobId, ended);
    expect(done).toMatchObject({ status: "DONE", created: 1, existing: 1 });
    expect((await t.app.db.account.findUniqueOrThrow({ where: { id: other.id } })).name).toBe(other.name);
    // An import is a lookup by full 证件号 as well: the person it ran into is logged with the importer.
    const logged = await t.app.db.piiAccessLog.findMany({ where: { subjectId: other.id, purpose: { startsWith: "批量导入：导入时" } } });
    expect(logged).toHaveLength(1);
  });

  it("leaves out a number registered elsewhere under another 证件类型 (one number, one person), counted 已存在 and logged", async () => {
    const number = `K${String(Date.now()).slice(-8)}`;
    const form = await professionalForm(t, t.fixture.units.qdMetro.id, { idType: "PASSPORT", idNumber: number }, "198.51.100.94");
    await t.client({ ip: "198.51.100.94" }).registration.professional.mutate(form);
    const holder = await t.app.db.account.findFirstOrThrow({ where: { idNumberHash: t.app.pii.blindIndex("PASSPORT", number) } });
    const checked = await check(
      "别处跨类型.csv",
      csv([`别处跨类型,台湾居民来往大陆通行证,${number},,13800005001,k1@example.com,办公室,本科,工程技术,中级,,,`]),
    );
    // 青岛's person is not in 济南公交's subtree: the dry run may not tell, so the row is 可导入 there.
    expect(checked).toMatchObject({ rows: 1, importable: 1 });
    const done = await waitFor((await bus.imports.start.mutate({ uploadId: checked.uploadId! })).jobId, ended);
    expect(done).toMatchObject({ status: "DONE", created: 0, existing: 1 });
    expect(await t.app.db.account.count({ where: { idNumberHash: t.app.pii.blindIndex("TAIWAN_PERMIT", number) } })).toBe(0);
    expect(await t.app.db.piiAccessLog.count({ where: { subjectId: holder.id, purpose: { startsWith: "批量导入：导入时" } } })).toBe(1);
  });

  it("undoes within 24 h: removes whom nobody touched, keeps who signed in, audits and sends removal events", async () => {
    const people = await t.app.db.professional.findMany({ where: { importJobId: jobId }, include: { account: true } });
    const one = people.find((p) => p.account.name === "导入一")!;
    const three = people.find((p) => p.account.name === "导入三")!;
    // 导入一 activates: their admin's 重置密码, then the first sign-in.
    const { temporaryPassword } = await bus.professionals.resetPassword.mutate({ accountId: one.accountId });
    expect((await eventsAbout("ce.identity.professional.registered.v1", one.accountId)).map((d) => [d.activated, d.version])).toEqual([[false, 1]]);
    await t.login({ userType: "PROFESSIONAL", idNumber: ids[0]!, password: temporaryPassword });
    expect((await t.app.db.account.findUniqueOrThrow({ where: { id: one.accountId } })).activated).toBe(true);
    // The replicas hear it once: professional.updated with activated, the version up by one; a second sign-in says nothing.
    await t.login({ userType: "PROFESSIONAL", idNumber: ids[0]!, password: temporaryPassword });
    expect((await eventsAbout("ce.identity.professional.updated.v1", one.accountId)).map((d) => [d.activated, d.version])).toEqual([[true, 2]]);
    const listed = await bus.imports.people.query({ jobId });
    expect(listed.items.map((p) => [p.name, p.activated])).toEqual([
      ["导入一", true],
      ["导入三", false],
    ]);

    // A sign-in of 导入三 verified just before the undo commits (break-it probe): its session is closed with the account.
    const account = (await findLoginAccount(t.app.db, { id: three.accountId }))!;
    const raced = await openSession(t.app.infra.redis, account, grantFor("PROFESSIONAL", account), false);
    expect((await t.client({ token: raced.token }).auth.me.query()).accountId).toBe(three.accountId);

    const undone = await bus.imports.undo.mutate({ jobId });
    expect((await failure(t.client({ token: raced.token }).auth.me.query())).code).toBe("UNAUTHORIZED");
    expect(undone).toMatchObject({ status: "UNDONE", removed: 1, kept: [{ name: "导入一", reason: "SIGNED_IN" }], undoUntil: null });
    expect(await t.app.db.account.count({ where: { id: three.accountId } })).toBe(0);
    expect(await t.app.db.account.count({ where: { id: one.accountId } })).toBe(1);
    expect((await outboxOf("ce.identity.professional.removed.v1", [three.accountId]))[0]?.n).toBe(1);
    expect((await outboxOf("ce.identity.professional.removed.v1", [one.accountId]))[0]?.n).toBe(0);
    const audit = await t.app.db.auditLog.findFirstOrThrow({ where: { entityId: jobId, action: "import.undo" } });
    expect(audit.after).toEqual({ name: "人员.csv", status: "UNDONE", removed: 1, kept: 1 });
    expect((await failure(bus.imports.undo.mutate({ jobId }))).message).toBe("该导入已撤销");
  });

  it("an imported person cannot sign in before activation: no password matches", async () => {
    const id = freshId();
    const checked = await check("未激活.csv", csv([good(id, "未激活者", 301)]));
    await waitFor((await bus.imports.start.mutate({ uploadId: checked.uploadId! })).jobId, ended);
    for (const password of ["", "Aa123456"]) {
      const refused = await failure(t.login({ userType: "PROFESSIONAL", idNumber: id, password: password || "x" }));
      expect(refused.code).toBe("UNAUTHORIZED");
    }
  });

  it("an admin with 批量导入 alone activates an imported person from 导入的人员: 重置密码, then their first sign-in", async () => {
    const id = freshId();
    const checked = await check("激活.csv", csv([good(id, "待激活者", 302)]));
    const { jobId: job } = await bus.imports.start.mutate({ uploadId: checked.uploadId! });
    await waitFor(job, ended);
    const importer = t.client({
      token: (await t.login(await t.fixture.newAdmin("jnBus", { permissions: ["import.professionals"] }))).token,
      ip: "198.51.100.93",
    });
    const [person] = (await importer.imports.people.query({ jobId: job })).items;
    const { temporaryPassword } = await importer.professionals.resetPassword.mutate({ accountId: person!.accountId });
    await t.login({ userType: "PROFESSIONAL", idNumber: id, password: temporaryPassword });
    expect((await importer.imports.people.query({ jobId: job })).items.map((p) => [p.name, p.activated])).toEqual([["待激活者", true]]);
    // Neither module, no reset; another unit's importer finds nobody.
    const viewer = t.client({ token: (await t.login(await t.fixture.newAdmin("jnBus", { permissions: ["subordinate.view"] }))).token, ip: "198.51.100.94" });
    expect((await failure(viewer.professionals.resetPassword.mutate({ accountId: person!.accountId }))).code).toBe("FORBIDDEN");
    const qdImporter = t.client({
      token: (await t.login(await t.fixture.newAdmin("qd", { permissions: ["import.professionals"] }))).token,
      ip: "198.51.100.95",
    });
    expect((await failure(qdImporter.professionals.resetPassword.mutate({ accountId: person!.accountId }))).code).toBe("NOT_FOUND");
  });

  it("another unit's admin sees no job of this unit", async () => {
    const qd = t.client({ token: (await t.login(t.fixture.logins.qd)).token, ip: "198.51.100.92" });
    expect((await failure(qd.imports.job.query({ jobId }))).message).toBe("导入任务不存在或不属于本单位");
    expect((await failure(qd.imports.undo.mutate({ jobId }))).code).toBe("NOT_FOUND");
  });
});

describe("a worker stopped mid-job", () => {
  it("commits whole batches only, and the job resumes after the last one when a worker starts again (past a kept-rows part)", async () => {
    // More rows than one kept part, stopped inside the second: the resumed run skips a whole part and part of the next.
    const total = KEPT_PART_ROWS + BATCH * 8 + 37;
    const rows = Array.from({ length: total }, (_, i) => good(freshId(), `批次${i}`, 1000 + i));
    const checked = await check("大批.csv", csv(rows));
    expect(checked.importable).toBe(total);
    const jobId = checked.uploadId!;
    await bus.imports.start.mutate({ uploadId: jobId });
    await waitFor(jobId, (j) => j.rowsDone >= KEPT_PART_ROWS + BATCH);
    await t.app.importQueue.stopWorker();
    const stopped = await bus.imports.job.query({ jobId });
    expect(stopped.status).toBe("RUNNING");
    expect(stopped.rowsDone % BATCH).toBe(0);
    expect(stopped.rowsDone).toBeLessThan(total);
    expect(stopped.rowsDone).toBeGreaterThan(KEPT_PART_ROWS);
    expect(await importedBy(jobId)).toBe(stopped.created);
    expect(stopped.created).toBe(stopped.rowsDone);
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await bus.imports.job.query({ jobId })).rowsDone).toBe(stopped.rowsDone);

    await t.app.startImportWorker();
    const done = await waitFor(jobId, ended);
    expect(done).toMatchObject({ status: "DONE", rowsDone: total, created: total, existing: 0 });
    expect(await importedBy(jobId)).toBe(total);
    const registered = await t.app.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(DISTINCT payload->'data'->>'accountId')::int AS n FROM identity.outbox o JOIN identity.professional p ON p.account_id::text = o.payload->'data'->>'accountId'
        WHERE o.type = 'ce.identity.professional.registered.v1' AND p.import_job_id = $1::uuid`,
      jobId,
    );
    expect(registered[0]?.n).toBe(total);
  });
});

describe("导入 imports exactly what the dry run called 可导入, from what it kept", () => {
  it("a row the dry run left unchecked (the day's 证件号 lookups spent) is not imported", async () => {
    const ip = "198.51.100.92";
    const admin = await t.fixture.newAdmin("jnBus", { permissions: ["import.professionals"] });
    const budget = idLookupBudget(t.app.deps, { accountId: admin.accountId, clientIp: ip, requestId: null });
    for (let i = 0; i < idLookupLimits.perAccount.max - 1; i++) await budget.take();
    const client = t.client({ token: (await t.login(admin, { ip })).token, ip });
    const [a, c] = [await t.fixture.newProfessional({ unit: "jnBus" }), await t.fixture.newProfessional({ unit: "jnBus" })];
    const [first, last] = [freshId(), freshId()];
    // Row 2 free; 3 registered (the last lookup); 4 registered past the budget → unchecked; 5 free but unchecked.
    const checked = await client.imports.dryRun.mutate({
      fileName: "核对.csv",
      base64: csv([good(first, "先行", 2001), good(a.idNumber, "已注册", 2002), good(c.idNumber, "超额", 2003), good(last, "未核对", 2004)]),
    });
    expect(checked).toMatchObject({ rows: 4, importable: 1, duplicates: 1, invalid: 2 });
    await client.imports.start.mutate({ uploadId: checked.uploadId! });
    const done = await waitFor(checked.uploadId!, ended);
    expect(done).toMatchObject({ status: "DONE", created: 1, existing: 1, invalid: 2 });
    const byNumber = (n: string) => t.app.db.account.count({ where: { idNumberHash: t.app.pii.blindIndex("RESIDENT_ID", n) } });
    expect([await byNumber(first), await byNumber(last)]).toEqual([1, 0]);
  });

  it("a number registered as a 护照 is 重复 as a 港澳居民来往内地通行证 and is not imported under it (the job used to re-read the file and insert it)", async () => {
    const number = `H${String(Date.now()).slice(-8)}`;
    const form = await professionalForm(t, t.fixture.units.jnBus.id, { idType: "PASSPORT", idNumber: number }, "198.51.100.93");
    await t.client({ ip: "198.51.100.93" }).registration.professional.mutate(form);
    const other = freshId();
    const checked = await check(
      "跨类型.csv",
      csv([`跨类型,港澳居民来往内地通行证,${number},,13800003001,x1@example.com,办公室,本科,工程技术,中级,,,`, good(other, "新人", 3002)]),
    );
    expect(checked).toMatchObject({ rows: 2, importable: 1, duplicates: 1 });
    await bus.imports.start.mutate({ uploadId: checked.uploadId! });
    expect(await waitFor(checked.uploadId!, ended)).toMatchObject({ status: "DONE", created: 1, existing: 1, invalid: 0 });
    expect(await t.app.db.account.count({ where: { idNumberHash: t.app.pii.blindIndex("HK_MACAO_PERMIT", number) } })).toBe(0);
  });

  it("a 工作部门 disabled between the dry run and 导入 makes its rows 有错误; the kept rows hold no clear ID number or phone", async () => {
    const { id } = await bus.departments.create.mutate({ name: "临时科", sortOrder: 9 });
    const [x, y] = [freshId(), freshId()];
    const checked = await check("部门.csv", csv([`部门一,身份证,${x},,13800004001,d1@example.com,临时科,本科,工程技术,中级,,,`, good(y, "部门二", 4002)]));
    expect(checked).toMatchObject({ importable: 2 });
    const parts = await t.app.db.importKeptRows.findMany({ where: { jobId: checked.uploadId! }, orderBy: { part: "asc" } });
    const kept = parts.map((p) => gunzipSync(p.rows).toString()).join("");
    expect(kept.split("\n").filter(Boolean)).toHaveLength(2);
    for (const secret of [x, y, "13800004001", "13800004002"]) expect(kept).not.toContain(secret);
    expect(kept).toContain("部门一");
    await bus.departments.setStatus.mutate({ id, status: "DISABLED" });
    await bus.imports.start.mutate({ uploadId: checked.uploadId! });
    expect(await waitFor(checked.uploadId!, ended)).toMatchObject({ status: "DONE", created: 1, invalid: 1 });
    expect(await t.app.db.importKeptRows.count({ where: { jobId: checked.uploadId! } })).toBe(0);
  });
});
