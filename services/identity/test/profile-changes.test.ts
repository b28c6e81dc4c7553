import { identityEvents, OWN_CASE_MESSAGE, ProfessionalSnapshot } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { createAdmin, createRole } from "../src/db/accounts.ts";
import { failure, useIdentity } from "./support/boot.ts";
import type { Credentials } from "./support/fixture.ts";
import { outboxEvents } from "./support/people.ts";

const t = useIdentity("profilechg", ["jn", "qd", "jnBus", "jnViewer"]);
const { tokens } = t;

async function person(): Promise<Credentials & { token: string }> {
  const who = await t.fixture.newProfessional();
  return { ...who, token: (await t.login(who)).token };
}
const mine = (token: string) => t.client({ token }).profileChanges;
const as = (who: keyof typeof tokens) => t.client({ token: tokens[who] }).profileChanges;

describe("人员信息修改", () => {
  it("shows a professional their own profile, masked", async () => {
    const p = await person();
    const profile = await mine(p.token).me.query();
    expect(profile).toMatchObject({
      name: p.name,
      unitName: "济南公共交通集团有限公司",
      education: "BACHELOR",
      pendingChange: false,
      lastChange: null,
      phoneMasked: "138*****00",
    });
    expect(profile.idNumberMasked).toBe(`${p.idNumber.slice(0, 10)}****${p.idNumber.slice(14)}`);
    expect(JSON.stringify(profile)).not.toContain(p.idNumber);
  });

  it("takes a request of the changed fields only, one open request at a time", async () => {
    const p = await person();
    await mine(p.token).request.mutate({ name: p.name, education: "MASTER", phone: "13912345678" });
    expect((await mine(p.token).me.query()).pendingChange).toBe(true);
    expect(await failure(mine(p.token).request.mutate({ major: "桥梁" }))).toMatchObject({
      code: "CONFLICT",
      message: "您有一条人员信息修改正在审核中，请等待审核后再提交",
    });
    expect((await failure(mine(p.token).request.mutate({ phone: "123" }))).fieldErrors).toEqual({ phone: ["手机号应为11位手机号码"] });
  });

  it("refuses a request that changes nothing and an admin asking as themself", async () => {
    const p = await person();
    expect(await failure(mine(p.token).request.mutate({ name: p.name }))).toMatchObject({ code: "BAD_REQUEST", message: "没有需要修改的信息" });
    expect((await failure(as("jnBus").request.mutate({ major: "x" }))).code).toBe("FORBIDDEN");
    expect((await failure(t.client().profileChanges.me.query())).code).toBe("UNAUTHORIZED");
  });
});

describe("审核人员信息修改", () => {
  it("lists requests in scope, shows old → new with phones masked, and applies an approval with professional.updated", async () => {
    const p = await person();
    await mine(p.token).request.mutate({ name: `${p.name}改`, education: "MASTER", phone: "13912345678", titleLevel: "DEPUTY_SENIOR" });
    const row = (await as("jn").list.query({ name: p.name })).items[0];
    expect(row).toMatchObject({ accountId: p.accountId, fields: ["姓名", "手机号", "学历", "级别"] });
    expect((await as("qd").list.query({ name: p.name })).total).toBe(0);
    const id = row?.id as string;

    const detail = await as("jnBus").detail.query({ id });
    expect(detail.items).toEqual([
      { field: "name", label: "姓名", old: p.name, new: `${p.name}改` },
      { field: "phone", label: "手机号", old: "138*****00", new: "139*****78" },
      { field: "education", label: "学历", old: "本科", new: "硕士研究生" },
      { field: "titleLevel", label: "级别", old: "中级", new: "副高级" },
    ]);
    expect(JSON.stringify(detail)).not.toContain("13912345678");

    expect(await as("jnBus").decide.mutate({ ids: [id], decision: "APPROVE" })).toEqual({ decided: [{ id, label: p.name }], skipped: [] });
    expect(await as("jn").decide.mutate({ ids: [id], decision: "REJECT", reason: "晚了" })).toEqual({
      decided: [],
      skipped: [{ id, label: `${p.name}改`, reason: "ALREADY_DECIDED", message: "已被其他管理员处理" }],
    });

    const account = await t.app.db.account.findUniqueOrThrow({ where: { id: p.accountId }, include: { professional: true } });
    expect(account).toMatchObject({
      name: `${p.name}改`,
      phoneMasked: "139*****78",
      professional: { education: "MASTER", titleLevel: "DEPUTY_SENIOR", version: 2 },
    });
    expect(t.app.pii.decrypt(account.phoneEnc as string)).toBe("13912345678");
    const updated = (await outboxEvents(t, identityEvents.professionalUpdated.type))
      .filter((e) => e.data.accountId === p.accountId)
      .map((e) => ProfessionalSnapshot.parse(e.data));
    expect(updated).toEqual([expect.objectContaining({ name: `${p.name}改`, education: "MASTER", version: 2 })]);
    expect(await t.app.db.auditLog.count({ where: { entityId: id, action: "profileChange.approve" } })).toBe(1);
    expect((await mine(p.token).me.query()).pendingChange).toBe(false);
  });

  it("never lets an admin decide their own request (an admin who is also a professional): skipped as OWN_CASE, another admin decides", async () => {
    const p = await person();
    const unitId = t.fixture.units.jnBus.id;
    await t.app.db.$transaction(async (tx) => {
      const role = await createRole(tx, { unitId, name: `自审角色${p.accountId.slice(0, 6)}`, permissions: ["review.profileChange"] });
      await createAdmin(tx, { accountId: p.accountId, unitId, isSuper: false, roleIds: [role.id] });
    });
    await mine(p.token).request.mutate({ major: "自审专业" });
    const id = (await as("jnBus").list.query({ name: p.name })).items[0]?.id as string;
    const ownAdmin = t.client({ token: (await t.login({ ...p, userType: "EMPLOYER" })).token }).profileChanges;
    for (const decision of ["APPROVE", "REJECT"] as const) {
      expect(await ownAdmin.decide.mutate({ ids: [id], decision, reason: "自审" })).toEqual({
        decided: [],
        skipped: [{ id, label: p.name, reason: "OWN_CASE", message: OWN_CASE_MESSAGE }],
      });
    }
    expect((await t.app.db.professional.findUniqueOrThrow({ where: { accountId: p.accountId } })).major).toBe("道路桥梁工程");
    expect(await as("jnBus").decide.mutate({ ids: [id], decision: "APPROVE" })).toEqual({ decided: [{ id, label: p.name }], skipped: [] });
  });

  it("keeps the profile on 驳回 (a reason is required) and lets the person ask again", async () => {
    const p = await person();
    await mine(p.token).request.mutate({ major: "桥梁工程" });
    const id = (await as("jnBus").list.query({ name: p.name })).items[0]?.id as string;
    expect((await failure(as("jnBus").decide.mutate({ ids: [id], decision: "REJECT" }))).fieldErrors).toEqual({ reason: ["请填写原因"] });
    expect(await as("jnBus").decide.mutate({ ids: [id], decision: "REJECT", reason: "证明材料不足" })).toEqual({
      decided: [{ id, label: p.name }],
      skipped: [],
    });
    expect((await t.app.db.professional.findUniqueOrThrow({ where: { accountId: p.accountId } })).major).toBe("道路桥梁工程");
    // The person's page reads the outcome and the reason (F25); a new request is the latest again.
    expect((await mine(p.token).me.query()).lastChange).toMatchObject({ status: "REJECTED", reason: "证明材料不足", reviewedAt: expect.any(Date) });
    await mine(p.token).request.mutate({ major: "桥梁工程" });
    expect((await mine(p.token).me.query()).lastChange).toMatchObject({ status: "PENDING", reason: null, reviewedAt: null });
  });

  it("refuses without the permission, from a sibling city and anonymously", async () => {
    const p = await person();
    await mine(p.token).request.mutate({ major: "隧道" });
    const id = (await as("jn").list.query({ name: p.name })).items[0]?.id as string;
    const calls = {
      list: (c: ReturnType<typeof as>) => c.list.query({}),
      detail: (c: ReturnType<typeof as>) => c.detail.query({ id }),
      decide: (c: ReturnType<typeof as>) => c.decide.mutate({ ids: [id], decision: "APPROVE" }),
    };
    for (const [name, call] of Object.entries(calls)) {
      expect((await failure(call(as("jnViewer")))).code, name).toBe("FORBIDDEN");
      expect((await failure(call(mine(p.token)))).code, name).toBe("FORBIDDEN");
      expect((await failure(call(t.client().profileChanges))).code, name).toBe("UNAUTHORIZED");
    }
    expect((await as("qd").list.query({ pageSize: 200 })).items.some((r) => r.id === id)).toBe(false);
    expect((await failure(calls.detail(as("qd")))).code).toBe("NOT_FOUND");
    expect((await failure(calls.decide(as("qd")))).code).toBe("NOT_FOUND");
    expect((await t.app.db.profileChangeRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
  });
});
