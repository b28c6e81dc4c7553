import { identityEvents, ProfessionalSnapshot, type UserType } from "@ce/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createProfessional } from "../src/db/accounts.ts";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";
import { employerForm, freshIdNumber, outboxEvents, professionalForm } from "./support/people.ts";

// F18: a rejected registration (审核注册人员 驳回, 审核用人单位 不通过) tells the applicant why at sign-in
// and by mail, and a new registration with the same 证件号 replaces it — never a second account.

let t: TestIdentity;
beforeAll(async () => {
  t = await bootIdentity("registration-rejected");
});
afterAll(() => t?.cleanup());

type Kind = "professional" | "base" | "employer";
const REASON = "工作单位信息不符，请核实后重新注册";
const rejectedAnswer = `您的注册申请未通过：${REASON}，请修改信息后重新注册`;

let ipSeq = 10;
/** Every case registers from its own address: the registration rate limit counts per address. */
const nextIp = () => `198.51.100.${ipSeq++}`;

/** What differs between the three registrations: the form, who reviews it, and how its applicant signs in. */
const kinds: Record<Kind, { userType: UserType; reviewer: "jnBus" | "sd" | "jn"; pendingAnswer: string }> = {
  professional: { userType: "PROFESSIONAL", reviewer: "jnBus", pendingAnswer: "注册信息正在审核中，审核通过后方可登录" },
  base: { userType: "PROFESSIONAL", reviewer: "sd", pendingAnswer: "注册信息正在审核中，审核通过后方可登录" },
  employer: { userType: "EMPLOYER", reviewer: "jn", pendingAnswer: "所在单位尚未审核通过，暂不能登录" },
};

/** Registers one applicant of `kind` (the CE base case: a professional whose 所在单位 is the CE base). */
async function registerOne(kind: Kind, ip: string, overrides: { idNumber?: string; name?: string; password?: string } = {}) {
  const pw = overrides.password ? { password: overrides.password, confirmPassword: overrides.password } : {};
  if (kind === "employer") {
    const form = await employerForm(t, t.fixture.units.jn.id, { ...overrides, ...pw }, ip);
    const answer = await t.client({ ip }).registration.employer.mutate(form);
    return { form, reviewId: answer.unitId, answer };
  }
  const unit = kind === "base" ? t.fixture.units.base : t.fixture.units.jnBus;
  const form = await professionalForm(t, unit.id, { ...overrides, ...pw }, ip);
  const answer = await t.client({ ip }).registration.professional.mutate(form);
  return { form, reviewId: answer.accountId, answer };
}

async function decide(kind: Kind, id: string, decision: "APPROVE" | "REJECT") {
  const token = (await t.login(t.fixture.logins[kinds[kind].reviewer])).token;
  const review = t.client({ token }).review;
  const input = { ids: [id], decision, ...(decision === "REJECT" ? { reason: REASON } : {}) };
  const outcome = await (kind === "employer" ? review.decideEmployers.mutate(input) : review.decideProfessionals.mutate(input));
  expect(outcome.decided.map((d) => d.id)).toEqual([id]);
}

const mailsTo = async (to: string) => (await t.client({ ip: "127.0.0.1" }).devMailbox.list.query()).filter((m) => m.to === to);
const cases = (["professional", "base", "employer"] as const).flatMap((kind) =>
  (["PENDING", "REJECTED", "APPROVED"] as const).map((state) => [kind, state] as const),
);

describe.each(cases)("%s registration, %s", (kind, state) => {
  it("signs in or says why, after the password only, and a new registration with the same 证件号 replaces only a rejected one", async () => {
    const { userType, pendingAnswer } = kinds[kind];
    const ip = nextIp();
    const { form, reviewId } = await registerOne(kind, ip);
    if (state !== "PENDING") await decide(kind, reviewId, state === "APPROVED" ? "APPROVE" : "REJECT");
    const who = { userType, idNumber: form.idNumber, password: form.password };

    // A wrong password is answered the same whatever the registration's state: no oracle.
    expect(await failure(t.login({ ...who, password: "Wrong123x" }))).toMatchObject({ code: "UNAUTHORIZED", message: "证件号或密码错误" });
    if (state === "APPROVED") expect((await t.login(who)).token).toBeTruthy();
    else expect(await failure(t.login(who))).toMatchObject({ code: "FORBIDDEN", message: state === "PENDING" ? pendingAnswer : rejectedAnswer });

    // The mail at the decision: only a rejection writes one, with the reason and the way to register again.
    const decisionMails = (await mailsTo(form.email ?? "")).filter((m) => m.subject.startsWith("注册审核未通过"));
    if (state === "REJECTED") {
      expect(decisionMails).toHaveLength(1);
      expect(decisionMails[0]?.body).toContain(`原因：${REASON}`);
      expect(decisionMails[0]?.body).toContain("使用同一证件号重新填写");
      expect(decisionMails[0]?.body).not.toContain("请直接登录");
      expect(decisionMails[0]?.link).toMatch(kind === "employer" ? /\/register\/employer$/ : /\/register\/professional$/);
    } else expect(decisionMails).toEqual([]);

    // The same 证件号 registers again, with a new name and password.
    const accountId = kind === "employer" ? (await t.app.db.admin.findFirstOrThrow({ where: { unitId: reviewId } })).accountId : reviewId;
    const again = await registerOne(kind, ip, { idNumber: form.idNumber, name: `重新注册${ipSeq}`, password: "Xyz98765" });
    const rows = await t.app.db.account.findMany({
      where: { idNumberHash: (await t.app.db.account.findUniqueOrThrow({ where: { id: accountId } })).idNumberHash },
    });
    expect(rows.map((r) => r.id)).toEqual([accountId]);

    if (state !== "REJECTED") {
      // Taken: nothing changes, the receipt names nothing, and the owner's notice does not apply to a rejection.
      expect(rows[0]?.name).toBe(form.name);
      if (kind === "employer") expect(await t.app.db.unit.count({ where: { id: again.answer.unitId } })).toBe(0);
      else expect(again.answer.accountId).not.toBe(accountId);
      const [notice] = (await mailsTo(form.email ?? "")).filter((m) => m.subject.startsWith("注册提醒"));
      expect(notice?.body).toContain("请直接登录");
      return;
    }

    // Replaced: the same account, the new data and password, 待审核 again; the old address is told.
    expect(rows[0]?.name).toBe(again.form.name);
    expect(again.form.email).not.toBe(form.email);
    const [replacedNotice] = (await mailsTo(form.email ?? "")).filter((m) => m.subject.startsWith("注册提醒"));
    expect(replacedNotice?.body).toContain("替换了您此前未通过审核的注册申请");
    expect(await failure(t.login(who))).toMatchObject({ code: "UNAUTHORIZED" });
    const renewed = { ...who, password: "Xyz98765" };
    expect(await failure(t.login(renewed))).toMatchObject({ code: "FORBIDDEN", message: pendingAnswer });
    let newReviewId: string;
    if (kind === "employer") {
      newReviewId = again.answer.unitId;
      expect(newReviewId).not.toBe(reviewId);
      expect(await t.app.db.unit.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({ status: "REJECTED" });
      expect(await t.app.db.unit.findUniqueOrThrow({ where: { id: newReviewId } })).toMatchObject({
        status: "PENDING",
        name: "unitName" in again.form ? again.form.unitName : null,
      });
      expect(await t.app.db.admin.findMany({ where: { accountId } })).toEqual([expect.objectContaining({ unitId: newReviewId, isSuper: true })]);
      const audit = await t.app.db.auditLog.findFirstOrThrow({ where: { entityId: newReviewId, action: "unit.register" } });
      expect(audit.before).toMatchObject({ status: "REJECTED", reason: REASON });
    } else {
      newReviewId = accountId;
      expect(again.answer.accountId).toBe(accountId);
      expect(await t.app.db.professional.findUniqueOrThrow({ where: { accountId } })).toMatchObject({ status: "PENDING", reviewReason: null, version: 3 });
      const registered = (await outboxEvents(t, identityEvents.professionalRegistered.type)).filter((e) => e.data.accountId === accountId);
      expect(registered.map((e) => ProfessionalSnapshot.parse(e.data)).map((s) => [s.status, s.version, s.name])).toEqual([
        ["PENDING", 1, form.name],
        ["PENDING", 3, again.form.name],
      ]);
      // The rejected registration stays in the 操作日志: register, reject, register (with the rejected one as before).
      const trail = await t.app.db.auditLog.findMany({ where: { entityId: accountId }, orderBy: { id: "asc" } });
      expect(trail.map((a) => a.action)).toEqual(["professional.register", "professional.reject", "professional.register"]);
      expect(trail[2]?.before).toMatchObject({ name: form.name, status: "REJECTED", reason: REASON });
    }
    // The reviewer sees it among 待审核 again and approves it; the new password signs in.
    const reviewer = (await t.login(t.fixture.logins[kinds[kind].reviewer])).token;
    const review = t.client({ token: reviewer }).review;
    const pending =
      kind === "employer"
        ? (await review.employers.query({ page: 1, pageSize: 100 })).items.map((r) => r.id)
        : (await review.professionals.query({ page: 1, pageSize: 100 })).items.map((r) => r.accountId);
    expect(pending).toContain(newReviewId);
    await decide(kind, newReviewId, "APPROVE");
    expect((await t.login(renewed)).token).toBeTruthy();
  });
});

describe("a rejected registration of the other kind", () => {
  it("keeps the 证件号 taken, and the owner's notice says how to register again instead of 请直接登录", async () => {
    const ip = nextIp();
    const { form, reviewId } = await registerOne("professional", ip);
    await decide("professional", reviewId, "REJECT");
    const answer = await t.client({ ip }).registration.employer.mutate(await employerForm(t, t.fixture.units.jn.id, { idNumber: form.idNumber }, ip));
    expect(await t.app.db.unit.count({ where: { id: answer.unitId } })).toBe(0);
    expect(await t.app.db.admin.count({ where: { accountId: reviewId } })).toBe(0);
    const [notice] = (await mailsTo(form.email ?? "")).filter((m) => m.subject.startsWith("注册提醒"));
    expect(notice?.body).toContain("您此前提交的专业技术人员注册申请未通过审核");
    expect(notice?.body).not.toContain("请直接登录");
  });
});

describe("a decision made on a page shown before the registration was submitted again (break-it pass)", () => {
  it("skips the replaced registration as decided meanwhile: the reviewer's stale 审核通过 does not approve what they never saw", async () => {
    const ip = nextIp();
    const { form, reviewId } = await registerOne("professional", ip);
    const seenAt = new Date().toISOString();
    await decide("professional", reviewId, "REJECT");
    // The applicant registers again with the same 证件号 after the reviewer's page was shown.
    await new Promise((r) => setTimeout(r, 20));
    await registerOne("professional", nextIp(), { idNumber: form.idNumber, name: "另一个人" });
    const token = (await t.login(t.fixture.logins.jnBus)).token;
    const review = t.client({ token }).review;
    const stale = await review.decideProfessionals.mutate({ ids: [reviewId], decision: "APPROVE", seenAt });
    expect(stale.decided).toEqual([]);
    expect(stale.skipped.map((d) => d.id)).toEqual([reviewId]);
    expect((await t.app.db.professional.findUniqueOrThrow({ where: { accountId: reviewId } })).status).toBe("PENDING");
    // A page shown after the new registration decides it.
    const fresh = await review.decideProfessionals.mutate({ ids: [reviewId], decision: "APPROVE", seenAt: new Date().toISOString() });
    expect(fresh.decided.map((d) => d.id)).toEqual([reviewId]);
  });

  it.each([["not an instant"], ["2026-13-01T00:00:00Z"], [""]])("refuses seenAt %j naming the field", async (seenAt) => {
    const token = (await t.login(t.fixture.logins.jnBus)).token;
    const f = await failure(t.client({ token }).review.decideProfessionals.mutate({ ids: [crypto.randomUUID()], decision: "APPROVE", seenAt }));
    expect(Object.keys(f.fieldErrors ?? {})).toContain("seenAt");
  });
});

describe("the rejected registration's details stay with the unit that rejected it (break-it pass)", () => {
  it("a new registration in another unit records only that a rejected one was replaced, not its 驳回原因 or profile", async () => {
    const { form, reviewId } = await registerOne("professional", nextIp());
    await decide("professional", reviewId, "REJECT");
    await registerOne("base", nextIp(), { idNumber: form.idNumber });
    const trail = await t.app.db.auditLog.findMany({ where: { entityId: reviewId }, orderBy: { id: "asc" } });
    expect(trail.map((a) => [a.action, a.unitId])).toEqual([
      ["professional.register", t.fixture.units.jnBus.id],
      ["professional.reject", t.fixture.units.jnBus.id],
      ["professional.register", t.fixture.units.base.id],
    ]);
    expect(trail[2]?.before).toEqual({ status: "REJECTED" });
    expect(JSON.stringify([trail[2]?.before, trail[2]?.after])).not.toContain(REASON);
  });
});

describe("one number held by two accounts (made under two 证件类型 before one number meant one person)", () => {
  it.each([
    ["the rejected one first", ["PASSPORT", "RESIDENT_ID"]],
    ["the approved one first", ["RESIDENT_ID", "PASSPORT"]],
  ] as const)("is taken whatever the order (%s): the neutral receipt, neither account replaced", async (_, order) => {
    const idNumber = freshIdNumber();
    const { passwordHash } = await t.app.db.account.findUniqueOrThrow({ where: { id: t.fixture.logins.professional.accountId } });
    const ids: string[] = [];
    for (const idType of order) {
      const status = idType === "PASSPORT" ? "REJECTED" : "APPROVED";
      ids.push(
        await t.app.db.$transaction(async (tx) => {
          const unitId = t.fixture.units.jnBus.id;
          const { id } = await createAccount(tx, t.app.pii, { idType, idNumber, name: `遗留${idType}`, phone: null, email: null, passwordHash, unitId });
          await createProfessional(tx, {
            accountId: id,
            unitId,
            status,
            education: "BACHELOR",
            titleSeries: "ENGINEERING",
            titleLevel: "INTERMEDIATE",
            qualification: null,
            major: null,
            certificateNo: null,
            departmentId: null,
          });
          return id;
        }),
      );
    }
    const ip = nextIp();
    const answer = await t
      .client({ ip })
      .registration.professional.mutate(await professionalForm(t, t.fixture.units.jnBus.id, { idNumber, name: "第三人" }, ip));
    expect(ids).not.toContain(answer.accountId);
    const rows = await t.app.db.account.findMany({ where: { id: { in: ids } }, include: { professional: true } });
    expect(rows.map((r) => [r.name, r.professional?.status]).sort()).toEqual([
      ["遗留PASSPORT", "REJECTED"],
      ["遗留RESIDENT_ID", "APPROVED"],
    ]);
  });
});
