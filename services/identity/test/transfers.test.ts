import { createHash } from "node:crypto";
import { identityEvents, ProfessionalTransferred } from "@ce/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";
import type { Credentials } from "./support/fixture.ts";
import { outboxEvents } from "./support/people.ts";

let t: TestIdentity;
const tokens = {} as Record<"jn" | "jnBus" | "qdMetro" | "jnViewer" | "professional", string>;

beforeAll(async () => {
  t = await bootIdentity("transfers");
  for (const key of ["jn", "jnBus", "jnViewer", "professional"] as const) tokens[key] = (await t.login(t.fixture.logins[key])).token;
  tokens.qdMetro = (await t.login(await t.fixture.newAdmin("qdMetro", { isSuper: true }))).token;
});
afterAll(async () => {
  await t?.app.deps.transferAttachments.destroy();
  await t?.cleanup();
});

const as = (who: keyof typeof tokens | null) => t.client({ token: who ? tokens[who] : null }).transfers;
const form = (accountId: string, toUnitId = t.fixture.units.qdMetro.id) => ({
  accountId,
  toUnitId,
  contactPhone: "0531-88889999",
  reason: "工作调动",
  attachmentName: "调令.jpg",
});

describe("人员调出", () => {
  it("offers approved people of the caller's units in 添加人员, masked", async () => {
    const p = await t.fixture.newProfessional();
    const page = await as("jnBus").candidates.query({ name: p.name });
    expect(page.items).toEqual([
      expect.objectContaining({ accountId: p.accountId, phoneMasked: "138*****00", unitName: "济南公共交通集团有限公司", titleSeries: "ENGINEERING" }),
    ]);
    expect(JSON.stringify(page)).not.toContain(p.idNumber);
    expect((await as("qdMetro").candidates.query({ name: p.name })).total).toBe(0);
  });

  it("submits one transfer per person, to another approved employer anywhere", async () => {
    const p = await t.fixture.newProfessional();
    await as("jnBus").create.mutate(form(p.accountId));
    expect(await failure(as("jnBus").create.mutate(form(p.accountId)))).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { accountId: ["该人员已有待处理的调转申请"] },
    });
    const q = await t.fixture.newProfessional();
    expect((await failure(as("jnBus").create.mutate(form(q.accountId, t.fixture.units.jnBus.id)))).fieldErrors).toEqual({ toUnitId: ["调入单位不能是本单位"] });
    expect((await failure(as("jnBus").create.mutate(form(q.accountId, t.fixture.units.qd.id)))).fieldErrors).toEqual({ toUnitId: ["请选择有效的调入单位"] });
    expect((await failure(as("jnBus").create.mutate({ ...form(q.accountId), reason: "" }))).fieldErrors).toEqual({ reason: ["请输入调转原因"] });
    const pending = await t.fixture.newProfessional({ status: "PENDING" });
    expect((await failure(as("jnBus").create.mutate(form(pending.accountId)))).fieldErrors).toEqual({ accountId: ["只能调转审核通过的专业技术人员"] });
  });
});

describe("人员调入 and 调转记录", () => {
  it("moves the person on 确认调转, clears the department and announces professional.transferred", async () => {
    const p = await t.fixture.newProfessional();
    const dept = await t.app.db.department.create({
      data: { id: crypto.randomUUID(), unitId: t.fixture.units.jnBus.id, name: `调度部${p.name}`, path: `/${crypto.randomUUID()}/` },
    });
    await t.app.db.professional.update({ where: { accountId: p.accountId }, data: { departmentId: dept.id } });
    const { id } = await as("jnBus").create.mutate(form(p.accountId));
    const incoming = await as("qdMetro").list.query({ direction: "in", status: "PENDING" });
    expect(incoming.items.find((r) => r.id === id)).toMatchObject({
      name: p.name,
      fromUnitName: "济南公共交通集团有限公司",
      status: "PENDING",
      major: "道路桥梁工程",
    });
    expect((await as("jnBus").list.query({ direction: "in" })).items.some((r) => r.id === id)).toBe(false);

    await as("qdMetro").decide.mutate({ id, accept: true });
    expect(await failure(as("qdMetro").decide.mutate({ id, accept: false, reason: "再次" }))).toMatchObject({ code: "CONFLICT", message: "该调转申请已处理" });

    const account = await t.app.db.account.findUniqueOrThrow({ where: { id: p.accountId }, include: { professional: true } });
    expect(account.unitId).toBe(t.fixture.units.qdMetro.id);
    expect(account.professional).toMatchObject({ unitId: t.fixture.units.qdMetro.id, departmentId: null, version: 2 });
    const [event] = (await outboxEvents(t, identityEvents.professionalTransferred.type)).filter(
      (e) => (e.data.professional as { accountId: string }).accountId === p.accountId,
    );
    expect(ProfessionalTransferred.parse(event?.data)).toMatchObject({
      transferId: id,
      fromUnitId: t.fixture.units.jnBus.id,
      toUnitId: t.fixture.units.qdMetro.id,
      professional: { unitPath: t.fixture.units.qdMetro.path, version: 2 },
    });

    expect((await as("jnBus").list.query({ direction: "out" })).items.find((r) => r.id === id)?.status).toBe("ACCEPTED");
    expect((await as("qdMetro").list.query({ direction: "in" })).items.find((r) => r.id === id)?.status).toBe("ACCEPTED");
    expect(await as("jnBus").detail.query({ id })).toMatchObject({
      contactPhone: "0531-88889999",
      reason: "工作调动",
      attachmentName: "调令.jpg",
      status: "ACCEPTED",
    });
    expect((await t.login(p)).token).toBeTruthy();
    expect((await as("jnBus").candidates.query({ name: p.name })).total).toBe(0);
  });

  it("keeps the person where they were on 拒绝 (a reason is required)", async () => {
    const p = await t.fixture.newProfessional();
    const { id } = await as("jnBus").create.mutate(form(p.accountId));
    expect((await failure(as("qdMetro").decide.mutate({ id, accept: false }))).fieldErrors).toEqual({ reason: ["请填写拒绝原因"] });
    await as("qdMetro").decide.mutate({ id, accept: false, reason: "岗位已满" });
    expect((await t.app.db.professional.findUniqueOrThrow({ where: { accountId: p.accountId } })).unitId).toBe(t.fixture.units.jnBus.id);
    expect(await as("jnBus").detail.query({ id })).toMatchObject({ status: "REJECTED", reviewReason: "岗位已满" });
  });

  it("closes a 人员信息修改 still pending at the unit left as 已驳回 with why; 拒绝 leaves it pending", async () => {
    const changes = async (p: Credentials) => {
      const person = t.client({ token: (await t.login(p)).token }).profileChanges;
      await person.request.mutate({ major: "交通运输规划" });
      return person;
    };
    const moved = await t.fixture.newProfessional();
    const movedChanges = await changes(moved);
    const stayed = await t.fixture.newProfessional();
    const stayedChanges = await changes(stayed);
    const [accepted, refused] = [await as("jnBus").create.mutate(form(moved.accountId)), await as("jnBus").create.mutate(form(stayed.accountId))];
    await as("qdMetro").decide.mutate({ id: accepted.id, accept: true });
    await as("qdMetro").decide.mutate({ id: refused.id, accept: false, reason: "岗位已满" });

    expect(await movedChanges.me.query()).toMatchObject({
      pendingChange: false,
      lastChange: { status: "REJECTED", reason: "人员已调入青岛地铁集团有限公司，请向新单位重新提交信息修改" },
    });
    expect(await stayedChanges.me.query()).toMatchObject({ pendingChange: true, lastChange: { status: "PENDING" } });
    // The unit left no longer lists it for review; the person may ask the new unit.
    const pendingAtJnBus = await t.client({ token: tokens.jnBus }).profileChanges.list.query({ pageSize: 100 });
    expect(pendingAtJnBus.items.map((r) => r.name)).not.toContain(moved.name);
    expect(pendingAtJnBus.items.map((r) => r.name)).toContain(stayed.name);
    await movedChanges.request.mutate({ major: "交通运输规划" });
    expect((await movedChanges.me.query()).pendingChange).toBe(true);
  });

  it("lets only the target side confirm: the sending unit cannot accept its own request", async () => {
    const p = await t.fixture.newProfessional();
    const { id } = await as("jnBus").create.mutate(form(p.accountId));
    // 详情 tells each side whether it may decide (the portal shows 确认调转 / 拒绝 by it).
    expect((await as("jnBus").detail.query({ id })).decidable).toBe(false);
    expect((await as("qdMetro").detail.query({ id })).decidable).toBe(true);
    expect((await failure(as("jnBus").decide.mutate({ id, accept: true }))).code).toBe("NOT_FOUND");
    const results = await Promise.allSettled([as("qdMetro").decide.mutate({ id, accept: true }), as("qdMetro").decide.mutate({ id, accept: true })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await as("qdMetro").detail.query({ id })).decidable).toBe(false);
    expect((await outboxEvents(t, identityEvents.professionalTransferred.type)).filter((e) => e.data.transferId === id)).toHaveLength(1);
  });
});

describe("调转记录 paging (the portal shows every page: no cap of 50)", () => {
  it("serves every transfer of a direction once, page by page, newest first; a page past the end is the last", async () => {
    const created: string[] = [];
    for (let i = 0; i < 55; i++) {
      const p = await t.fixture.newProfessional();
      created.push((await as("jnBus").create.mutate(form(p.accountId))).id);
    }
    const first = await as("jnBus").list.query({ direction: "out" });
    expect(first).toMatchObject({ page: 1, pageSize: 20 });
    expect(first.total).toBeGreaterThanOrEqual(55);
    const pageCount = Math.ceil(first.total / 20);
    const seen: string[] = [];
    for (let page = 1; page <= pageCount; page++) {
      const served = await as("jnBus").list.query({ direction: "out", page });
      expect(served.page).toBe(page);
      expect(served.items.length).toBe(page < pageCount ? 20 : first.total - 20 * (pageCount - 1));
      seen.push(...served.items.map((r) => r.id));
    }
    expect(new Set(seen).size).toBe(first.total);
    expect(seen.length).toBe(first.total);
    // Newest first: the last one created heads page 1, and every one created here is on some page.
    expect(seen[0]).toBe(created.at(-1));
    expect(created.every((id) => seen.includes(id))).toBe(true);
    const past = await as("jnBus").list.query({ direction: "out", page: 999 });
    expect(past.page).toBe(pageCount);
    expect(past.items.map((r) => r.id)).toEqual(seen.slice(20 * (pageCount - 1)));
    // The other side counts the same transfers into its units.
    const into = await as("qdMetro").list.query({ direction: "in", pageSize: 200 });
    expect(created.every((id) => into.items.some((r) => r.id === id))).toBe(true);
  });
});

describe("authorization", () => {
  it("refuses without 人员调转, as a professional, anonymously, and hides other units' transfers", async () => {
    const p = await t.fixture.newProfessional();
    const { id } = await as("jnBus").create.mutate(form(p.accountId));
    const calls = {
      candidates: (c: ReturnType<typeof as>) => c.candidates.query({}),
      create: (c: ReturnType<typeof as>) => c.create.mutate(form(p.accountId)),
      list: (c: ReturnType<typeof as>) => c.list.query({ direction: "in" }),
      detail: (c: ReturnType<typeof as>) => c.detail.query({ id }),
      decide: (c: ReturnType<typeof as>) => c.decide.mutate({ id, accept: true }),
    };
    for (const [name, call] of Object.entries(calls)) {
      expect((await failure(call(as("jnViewer")))).code, name).toBe("FORBIDDEN");
      expect((await failure(call(as("professional")))).code, name).toBe("FORBIDDEN");
      expect((await failure(call(as(null)))).code, name).toBe("UNAUTHORIZED");
    }
    const outsider = (await t.login(await t.fixture.newAdmin("qdPort", { isSuper: true }))).token;
    const other = t.client({ token: outsider }).transfers;
    expect((await other.list.query({ direction: "out" })).total).toBe(0);
    expect((await failure(other.detail.query({ id }))).code).toBe("NOT_FOUND");
    expect((await failure(other.decide.mutate({ id, accept: true }))).code).toBe("NOT_FOUND");
    expect((await failure(other.create.mutate(form(p.accountId, t.fixture.units.jnMetro.id)))).code).toBe("BAD_REQUEST");
    expect((await t.app.db.transfer.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
  });
});

describe("调转附件", () => {
  // The smallest valid PNG (1×1): an upload must decode to be stored.
  const png = () => new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));
  const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
  const upload = (name: string, bytes: Uint8Array) => ({ name, base64: Buffer.from(bytes).toString("base64") });

  it("stores the re-encoded image and gives it back, byte for byte as stored, to either side", async () => {
    const p = await t.fixture.newProfessional();
    const bytes = png();
    const { id } = await as("jnBus").create.mutate({ ...form(p.accountId), attachmentName: undefined, attachment: upload("调令.png", bytes) });
    const row = await t.app.db.transfer.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ attachmentName: "调令.png", attachmentType: "image/png" });
    expect(await as("jnBus").detail.query({ id })).toMatchObject({ attachmentName: "调令.png", hasAttachment: true });
    for (const who of ["jnBus", "qdMetro", "jn"] as const) {
      const file = await as(who).attachment.query({ transferId: id });
      expect(file).toMatchObject({ name: "调令.png", type: "image/png" });
      const served = new Uint8Array(Buffer.from(file.base64, "base64"));
      expect({ size: served.length, sha256: sha256(served) }).toEqual({ size: row.attachmentSize, sha256: row.attachmentSha256 });
    }
  });

  it("refuses a renamed .exe by its bytes and keeps nothing", async () => {
    const p = await t.fixture.newProfessional();
    const exe = new Uint8Array(1024);
    exe.set([0x4d, 0x5a, 0x90, 0x00]);
    const caught = await failure(as("jnBus").create.mutate({ ...form(p.accountId), attachment: upload("调令.jpg", exe) }));
    expect(caught).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { attachment: ["文件“调令.jpg”：附件格式不正确，仅支持 jpg、jpeg、gif、bmp、png 图片"] },
    });
    expect(await t.app.db.transfer.count({ where: { accountId: p.accountId } })).toBe(0);
  });

  it("refuses a file over 4 MB", async () => {
    const p = await t.fixture.newProfessional();
    const big = new Uint8Array(4 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const caught = await failure(as("jnBus").create.mutate({ ...form(p.accountId), attachment: upload("调令.jpg", big) }));
    expect(caught.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(caught)).toContain("附件大小不能超过4M");
    expect(await t.app.db.transfer.count({ where: { accountId: p.accountId } })).toBe(0);
  });

  it("answers NOT_FOUND to a sibling unit's admin, and for a transfer without stored bytes", async () => {
    const p = await t.fixture.newProfessional();
    const { id } = await as("jnBus").create.mutate({ ...form(p.accountId), attachment: upload("调令.png", png()) });
    const sibling = t.client({ token: (await t.login(await t.fixture.newAdmin("jnMetro", { isSuper: true }))).token }).transfers;
    expect(await failure(sibling.attachment.query({ transferId: id }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await failure(as("jnViewer").attachment.query({ transferId: id }))).code).toBe("FORBIDDEN");
    const q = await t.fixture.newProfessional();
    const nameOnly = await as("jnBus").create.mutate(form(q.accountId));
    expect((await failure(as("jnBus").attachment.query({ transferId: nameOnly.id }))).code).toBe("NOT_FOUND");
  });
});
