import { identityEvents, ProfessionalSnapshot } from "@ce/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";
import { employerForm, outboxEvents } from "./support/people.ts";

let t: TestIdentity;
const tokens = {} as Record<"sd" | "jn" | "qd" | "jnBus" | "jnViewer" | "professional", string>;

beforeAll(async () => {
  t = await bootIdentity("reviews");
  for (const key of Object.keys({ sd: 0, jn: 0, qd: 0, jnBus: 0, jnViewer: 0, professional: 0 }) as (keyof typeof tokens)[]) {
    tokens[key] = (await t.login(t.fixture.logins[key])).token;
  }
});
afterAll(() => t?.cleanup());

const as = (who: keyof typeof tokens) => t.client({ token: tokens[who] }).review;

async function pendingEmployer(superior: "jn" | "qd" = "jn") {
  const form = await employerForm(t, t.fixture.units[superior].id);
  const { unitId } = await t.client({ ip: "203.0.113.5" }).registration.employer.mutate(form);
  return { unitId, name: form.unitName, admin: { userType: "EMPLOYER" as const, idNumber: form.idNumber, password: form.password } };
}

describe("审核用人单位", () => {
  it("lists pending employers below the caller, searchable by 单位名称, and never a sibling city's", async () => {
    const mine = await pendingEmployer("jn");
    const theirs = await pendingEmployer("qd");
    const names = (await as("jn").employers.query({ pageSize: 200 })).items.map((u) => u.name);
    expect(names).toContain(mine.name);
    expect(names).toContain(t.fixture.units.jnPending.name);
    expect(names).not.toContain(theirs.name);
    expect((await as("jn").employers.query({ name: mine.name })).items).toEqual([
      expect.objectContaining({ id: mine.unitId, superiorName: "济南市交通运输局", nature: "ENTERPRISE" }),
    ]);
    expect((await as("sd").employers.query({ pageSize: 200 })).items.map((u) => u.name)).toEqual(expect.arrayContaining([mine.name, theirs.name]));
    // An employer's admins never hold 审核用人单位 (permissionsOfUnitKind): refused, not an always-empty list.
    expect(await failure(as("jnBus").employers.query({}))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("详细 shows the unit and the applicant who becomes its super admin, masked, to a reviewer in scope only", async () => {
    const form = await employerForm(t, t.fixture.units.jn.id, { phone: "13712345678", email: "applicant-detail@example.com" });
    const { unitId } = await t.client({ ip: "203.0.113.5" }).registration.employer.mutate(form);
    const detail = await as("jn").employer.query({ unitId });
    expect(detail).toMatchObject({
      id: unitId,
      name: form.unitName,
      status: "PENDING",
      superiorName: "济南市交通运输局",
      superAdmin: {
        name: form.name,
        idType: "RESIDENT_ID",
        idNumberMasked: `${form.idNumber.slice(0, 10)}****${form.idNumber.slice(14)}`,
        phoneMasked: "137*****78",
        email: "applicant-detail@example.com",
      },
    });
    // Never the clear numbers.
    expect(JSON.stringify(detail)).not.toContain(form.idNumber);
    expect(JSON.stringify(detail)).not.toContain("13712345678");
    expect(await as("sd").employer.query({ unitId })).toMatchObject({ superAdmin: { name: form.name } });
    expect(await failure(as("qd").employer.query({ unitId }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(as("jnBus").employer.query({ unitId }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("approves in a batch: the unit can sign in, unit.updated goes out, and a second decision is reported, not repeated", async () => {
    const a = await pendingEmployer();
    const b = await pendingEmployer();
    expect(await as("jn").decideEmployers.mutate({ ids: [a.unitId, b.unitId], decision: "APPROVE" })).toEqual({
      decided: expect.arrayContaining([
        { id: a.unitId, label: a.name },
        { id: b.unitId, label: b.name },
      ]),
      skipped: [],
    });
    expect((await t.app.db.unit.findUniqueOrThrow({ where: { id: a.unitId } })).status).toBe("APPROVED");
    const updates = (await outboxEvents(t, identityEvents.unitUpdated.type)).filter((e) => e.data.unitId === a.unitId);
    expect(updates.map((e) => [e.data.status, e.data.version])).toEqual([["APPROVED", 2]]);
    expect((await t.login(a.admin)).token).toBeTruthy();

    expect(await as("sd").decideEmployers.mutate({ ids: [a.unitId], decision: "REJECT", reason: "资料不全" })).toEqual({
      decided: [],
      skipped: [{ id: a.unitId, label: a.name, reason: "ALREADY_DECIDED", message: "已被其他管理员处理" }],
    });
    expect((await t.app.db.unit.findUniqueOrThrow({ where: { id: a.unitId } })).status).toBe("APPROVED");
  });

  it("requires a reason to refuse, and records it in the audit trail", async () => {
    const c = await pendingEmployer();
    expect(await failure(as("jn").decideEmployers.mutate({ ids: [c.unitId], decision: "REJECT" }))).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { reason: ["请填写原因"] },
    });
    expect(await as("jn").decideEmployers.mutate({ ids: [c.unitId], decision: "REJECT", reason: "信用代码与营业执照不符" })).toEqual({
      decided: [{ id: c.unitId, label: c.name }],
      skipped: [],
    });
    expect(await t.app.db.auditLog.findFirstOrThrow({ where: { entityId: c.unitId, action: "unit.reject" } })).toMatchObject({
      actorId: t.fixture.logins.jn.accountId,
      after: { status: "REJECTED", reason: "信用代码与营业执照不符" },
    });
    expect(await failure(t.login(c.admin))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a sibling city's unit without deciding anything", async () => {
    const theirs = await pendingEmployer("qd");
    const mine = await pendingEmployer("jn");
    expect(await failure(as("jn").decideEmployers.mutate({ ids: [mine.unitId, theirs.unitId], decision: "APPROVE" }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await t.app.db.unit.findUniqueOrThrow({ where: { id: mine.unitId } })).status).toBe("PENDING");
    expect((await t.app.db.unit.findUniqueOrThrow({ where: { id: theirs.unitId } })).status).toBe("PENDING");
  });
});

describe("审核注册人员", () => {
  it("lists pending people of units in scope with masked ID numbers, searchable by 姓名", async () => {
    const p = await t.fixture.newProfessional({ status: "PENDING" });
    const q = await t.fixture.newProfessional({ unit: "qdMetro", status: "PENDING" });
    const page = await as("jn").professionals.query({ pageSize: 200 });
    const row = page.items.find((r) => r.accountId === p.accountId);
    expect(row).toMatchObject({ name: p.name, unitName: "济南公共交通集团有限公司", education: "BACHELOR", titleSeries: "ENGINEERING", departmentName: null });
    expect(row?.idNumberMasked).toBe(`${p.idNumber.slice(0, 10)}****${p.idNumber.slice(14)}`);
    expect(JSON.stringify(page)).not.toContain(p.idNumber);
    expect(page.items.some((r) => r.accountId === q.accountId)).toBe(false);
    expect((await as("jnBus").professionals.query({ name: p.name })).items.map((r) => r.accountId)).toEqual([p.accountId]);
    expect(await failure(as("qd").professional.query({ accountId: p.accountId }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await as("jn").professional.query({ accountId: p.accountId })).toMatchObject({ name: p.name, status: "PENDING" });
  });

  it("approves and rejects in batches with professional.approved / rejected, and the approved person signs in", async () => {
    const a = await t.fixture.newProfessional({ status: "PENDING" });
    const b = await t.fixture.newProfessional({ status: "PENDING" });
    expect(await as("jnBus").decideProfessionals.mutate({ ids: [a.accountId], decision: "APPROVE" })).toEqual({
      decided: [{ id: a.accountId, label: a.name }],
      skipped: [],
    });
    expect(await as("jnBus").decideProfessionals.mutate({ ids: [b.accountId], decision: "REJECT", reason: "职称证书不符" })).toEqual({
      decided: [{ id: b.accountId, label: b.name }],
      skipped: [],
    });

    const approved = (await outboxEvents(t, identityEvents.professionalApproved.type))
      .filter((e) => e.data.accountId === a.accountId)
      .map((e) => ProfessionalSnapshot.parse(e.data));
    expect(approved).toEqual([expect.objectContaining({ status: "APPROVED", version: 2, unitId: t.fixture.units.jnBus.id })]);
    const rejected = (await outboxEvents(t, identityEvents.professionalRejected.type)).filter((e) => e.data.accountId === b.accountId);
    expect(rejected.map((e) => e.data.status)).toEqual(["REJECTED"]);
    expect(await t.app.db.professional.findUniqueOrThrow({ where: { accountId: b.accountId } })).toMatchObject({ reviewReason: "职称证书不符", version: 2 });

    expect((await t.login(a)).token).toBeTruthy();
    expect(await failure(t.login(b))).toMatchObject({ code: "FORBIDDEN", message: "您的注册申请未通过：职称证书不符，请修改信息后重新注册" });
  });

  it("decides each row once when two admins decide the same batch at the same time", async () => {
    const people = await Promise.all([1, 2, 3].map(() => t.fixture.newProfessional({ status: "PENDING" })));
    const ids = people.map((p) => p.accountId);
    const results = await Promise.all([
      as("jn").decideProfessionals.mutate({ ids, decision: "APPROVE" }),
      as("jnBus").decideProfessionals.mutate({ ids: [...ids].reverse(), decision: "APPROVE" }),
    ]);
    expect(results.map((r) => r.decided.length).sort()).toEqual([0, 3]);
    expect(results.flatMap((r) => r.skipped.map((s) => s.label)).sort()).toEqual(people.map((p) => p.name).sort());
    const events = (await outboxEvents(t, identityEvents.professionalApproved.type)).filter((e) => ids.includes(e.data.accountId as string));
    expect(events).toHaveLength(3);
  });
});

describe("authorization", () => {
  const calls = {
    employers: (c: ReturnType<typeof as>) => c.employers.query({}),
    employer: (c: ReturnType<typeof as>) => c.employer.query({ unitId: t.fixture.units.jnPending.id }),
    decideEmployers: (c: ReturnType<typeof as>) => c.decideEmployers.mutate({ ids: [t.fixture.units.jnPending.id], decision: "APPROVE" }),
    professionals: (c: ReturnType<typeof as>) => c.professionals.query({}),
    professional: (c: ReturnType<typeof as>) => c.professional.query({ accountId: t.fixture.logins.pendingProfessional.accountId }),
    decideProfessionals: (c: ReturnType<typeof as>) =>
      c.decideProfessionals.mutate({ ids: [t.fixture.logins.pendingProfessional.accountId], decision: "APPROVE" }),
  };

  it("refuses an admin whose roles lack the review permission, a professional and an anonymous caller", async () => {
    for (const [name, call] of Object.entries(calls)) {
      expect((await failure(call(as("jnViewer")))).code, name).toBe("FORBIDDEN");
      expect((await failure(call(as("professional")))).code, name).toBe("FORBIDDEN");
      expect((await failure(call(t.client().review))).code, name).toBe("UNAUTHORIZED");
    }
  });

  it("shows a sibling city's admin none of 济南's records and refuses to decide them", async () => {
    expect((await as("qd").employers.query({ name: t.fixture.units.jnPending.name })).total).toBe(0);
    expect((await as("qd").professionals.query({ name: t.fixture.logins.pendingProfessional.name })).total).toBe(0);
    expect((await failure(calls.decideEmployers(as("qd")))).code).toBe("NOT_FOUND");
    expect((await failure(calls.decideProfessionals(as("qd")))).code).toBe("NOT_FOUND");
    expect((await t.app.db.professional.findUniqueOrThrow({ where: { accountId: t.fixture.logins.pendingProfessional.accountId } })).status).toBe("PENDING");
  });
});

describe("显示完整信息", () => {
  const reveal = (who: keyof typeof tokens | null, accountId: string) =>
    t.client({ token: who ? tokens[who] : null }).professionals.revealPii.mutate({ accountId, fields: ["idNumber", "phone"], purpose: "核实身份" });

  it("gives a holder of pii.unmask the clear values in scope and logs the view", async () => {
    const p = t.fixture.logins.professional;
    expect(await reveal("jn", p.accountId)).toEqual({ idNumber: p.idNumber, phone: "13800000000" });
    expect(await t.app.db.piiAccessLog.findFirstOrThrow({ where: { subjectId: p.accountId } })).toMatchObject({
      viewerId: t.fixture.logins.jn.accountId,
      fields: ["idNumber", "phone"],
      purpose: "核实身份",
    });
  });

  it("refuses without the permission, outside the scope and anonymously, logging nothing", async () => {
    const p = t.fixture.logins.professional;
    const before = await t.app.db.piiAccessLog.count();
    expect((await failure(reveal("jnViewer", p.accountId))).code).toBe("FORBIDDEN");
    expect((await failure(reveal("professional", p.accountId))).code).toBe("FORBIDDEN");
    expect((await failure(reveal("qd", p.accountId))).code).toBe("NOT_FOUND");
    expect((await failure(reveal(null, p.accountId))).code).toBe("UNAUTHORIZED");
    expect(await t.app.db.piiAccessLog.count()).toBe(before);
  });
});

describe("专业技术人员信息查询 › 重置密码", () => {
  const reset = (who: keyof typeof tokens | null, accountId: string) =>
    t.client({ token: who ? tokens[who] : null }).professionals.resetPassword.mutate({ accountId });

  it("gives an admin of the person's unit or above a temporary password the person must replace at sign-in", async () => {
    const person = await t.fixture.newProfessional();
    const before = await t.login(person);
    const { temporaryPassword } = await reset("jn", person.accountId);
    expect((await failure(t.client({ token: before.token }).auth.me.query())).code).toBe("UNAUTHORIZED");
    expect((await failure(t.login(person))).code).toBe("UNAUTHORIZED");
    const session = await t.login({ ...person, password: temporaryPassword });
    expect(await t.client({ token: session.token }).auth.me.query()).toMatchObject({ mustChangePassword: true });
    const audit = await t.app.db.auditLog.findFirstOrThrow({ where: { entityId: person.accountId, action: "professional.resetPassword" } });
    expect(audit).toMatchObject({ actorId: t.fixture.logins.jn.accountId, unitId: t.fixture.units.jnBus.id });
    expect(JSON.stringify({ before: audit.before, after: audit.after })).not.toContain(temporaryPassword);
    // The province resets too: its subtree holds every unit.
    expect((await reset("sd", person.accountId)).temporaryPassword).not.toBe(temporaryPassword);
  });

  it("refuses without 查询统计, outside the scope, for someone who is not a professional, and anonymously — changing nothing", async () => {
    const person = await t.fixture.newProfessional();
    const hash = async () => (await t.app.db.account.findUniqueOrThrow({ where: { id: person.accountId } })).passwordHash;
    const was = await hash();
    expect((await failure(reset("jnViewer", person.accountId))).code).toBe("FORBIDDEN");
    expect((await failure(reset("professional", person.accountId))).code).toBe("FORBIDDEN");
    expect((await failure(reset("qd", person.accountId))).code).toBe("NOT_FOUND");
    expect((await failure(reset("jn", t.fixture.logins.jnViewer.accountId))).code).toBe("NOT_FOUND");
    expect((await failure(reset("jn", crypto.randomUUID()))).code).toBe("NOT_FOUND");
    expect((await failure(reset(null, person.accountId))).code).toBe("UNAUTHORIZED");
    expect(await hash()).toBe(was);
    await t.login(person);
  });
});
