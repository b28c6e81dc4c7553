import { identityEvents, ProfessionalSnapshot } from "@ce/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUnit } from "../src/use-cases/units/write.ts";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";
import { employerForm, freshIdNumber, outboxEvents, professionalForm } from "./support/people.ts";

let t: TestIdentity;
beforeAll(async () => {
  t = await bootIdentity("registration");
});
afterAll(() => t?.cleanup());

const anonymous = (ip = "198.51.100.7") => t.client({ ip });

describe("专业技术人员注册", () => {
  it("creates a pending professional, announces it with a masked snapshot and refuses to sign them in as approved", async () => {
    const form = await professionalForm(t, t.fixture.units.jnBus.id, {}, "198.51.100.7");
    const { accountId, unitId } = await anonymous().registration.professional.mutate(form);
    expect(unitId).toBe(t.fixture.units.jnBus.id);

    const stored = await t.app.db.account.findUniqueOrThrow({ where: { id: accountId }, include: { professional: true } });
    expect(stored.idNumberEnc).not.toContain(form.idNumber.slice(6, 14));
    expect(stored.professional).toMatchObject({ status: "PENDING", education: "BACHELOR", titleSeries: "ENGINEERING", titleLevel: "INTERMEDIATE", version: 1 });

    const [event] = (await outboxEvents(t, identityEvents.professionalRegistered.type)).filter((e) => e.data.accountId === accountId);
    const snapshot = ProfessionalSnapshot.parse(event?.data);
    expect(snapshot).toMatchObject({
      name: form.name,
      status: "PENDING",
      unitId,
      unitPath: t.fixture.units.jnBus.path,
      idNumberHash: stored.idNumberHash,
      version: 1,
    });
    expect(snapshot.idNumberMasked).toMatch(/^\d{10}\*{4}\d{3}[\dX]$/);
    expect(JSON.stringify(event)).not.toContain(form.idNumber);

    const audit = await t.app.db.auditLog.findFirstOrThrow({ where: { entityId: accountId, action: "professional.register" } });
    expect(audit).toMatchObject({ actorId: accountId, unitId });

    const login = await failure(t.login({ userType: "PROFESSIONAL", idNumber: form.idNumber, password: form.password }));
    expect(login).toMatchObject({ code: "FORBIDDEN", message: "注册信息正在审核中，审核通过后方可登录" });
  });

  it("answers an ID number already registered like any other, writes nothing and tells the owner by their own e-mail", async () => {
    const owner = await t.fixture.newProfessional();
    const [outboxBefore, accountsBefore] = [await t.app.db.outbox.count(), await t.app.db.account.count()];
    const mailbox = async () => (await t.client({ ip: "127.0.0.1" }).devMailbox.list.query()).filter((m) => m.subject.includes("注册提醒"));
    const form = await professionalForm(t, t.fixture.units.jnBus.id, { idNumber: owner.idNumber.toLowerCase(), email: "attacker@example.net" }, "198.51.100.7");
    const answer = await anonymous().registration.professional.mutate(form);
    expect(Object.keys(answer).sort()).toEqual(["accountId", "unitId"]);
    expect(answer.unitId).toBe(t.fixture.units.jnBus.id);
    expect(await t.app.db.account.count({ where: { id: answer.accountId } })).toBe(0);
    expect([await t.app.db.outbox.count(), await t.app.db.account.count()]).toEqual([outboxBefore, accountsBefore]);
    const [notice] = await mailbox();
    expect(notice).toMatchObject({ to: `person${owner.name.replace("测试人员", "")}@example.com`, link: null });
    expect(notice?.body).toContain("该申请未被受理");
    // A second try within the hour mails nobody again.
    await anonymous().registration.professional.mutate(await professionalForm(t, t.fixture.units.jnBus.id, { idNumber: owner.idNumber }, "198.51.100.7"));
    expect(await mailbox()).toHaveLength(1);
  });

  it("checks every other field before the ID number, so a taken number cannot be told apart by the errors", async () => {
    const taken = t.fixture.logins.professional.idNumber;
    const free = t.fixture.nextIdNumber();
    for (const override of [{ unitId: t.fixture.units.jnPending.id }, { departmentId: "00000000-0000-4000-8000-000000000000" }]) {
      const a = await failure(
        anonymous().registration.professional.mutate(await professionalForm(t, t.fixture.units.jnBus.id, { ...override, idNumber: taken }, "198.51.100.7")),
      );
      const b = await failure(
        anonymous().registration.professional.mutate(await professionalForm(t, t.fixture.units.jnBus.id, { ...override, idNumber: free }, "198.51.100.7")),
      );
      expect(a).toEqual(b);
    }
  });

  it("names the field of every bad input", async () => {
    const jnBus = t.fixture.units.jnBus.id;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ idNumber: "370102198801011234" }, "idNumber", "身份证号校验位不正确"],
      [{ phone: "1381234567" }, "phone", "手机号应为11位手机号码"],
      [{ email: "not-mail" }, "email", "电子邮箱格式不正确"],
      [{ confirmPassword: "Other1234" }, "confirmPassword", "两次输入的密码不一致"],
      [{ unitId: t.fixture.units.jnPending.id }, "unitId", "请选择有效的所在单位"],
      [{ departmentId: "00000000-0000-4000-8000-000000000000" }, "departmentId", "请选择所在单位的工作部门"],
      [{ captchaAnswer: "0000000" }, "captchaAnswer", "验证码不正确或已过期"],
    ];
    for (const [override, field, message] of cases) {
      const err = await failure(anonymous().registration.professional.mutate(await professionalForm(t, jnBus, override as never, "198.51.100.7")));
      expect(err.code, field).toBe("BAD_REQUEST");
      expect(err.fieldErrors?.[field]?.[0] ?? err.message, field).toContain(message.slice(0, 4));
    }
  });

  it("takes a 工作部门 of the chosen unit", async () => {
    const dept = await t.app.db.department.create({
      data: { id: crypto.randomUUID(), unitId: t.fixture.units.jnMetro.id, name: "工务部", path: `/${crypto.randomUUID()}/` },
    });
    expect(await anonymous().registration.departments.query({ unitId: t.fixture.units.jnMetro.id })).toEqual([{ id: dept.id, name: "工务部" }]);
    const { accountId } = await anonymous().registration.professional.mutate(
      await professionalForm(t, t.fixture.units.jnMetro.id, { departmentId: dept.id }, "198.51.100.7"),
    );
    expect((await t.app.db.professional.findUniqueOrThrow({ where: { accountId } })).departmentId).toBe(dept.id);
    const wrongUnit = await failure(
      anonymous().registration.professional.mutate(await professionalForm(t, t.fixture.units.jnBus.id, { departmentId: dept.id }, "198.51.100.7")),
    );
    expect(wrongUnit.fieldErrors).toEqual({ departmentId: ["请选择所在单位的工作部门"] });
  });

  it("limits registrations per client address", async () => {
    const ip = "198.51.100.99";
    await t.app.infra.redis.set(`register-rate:${ip}`, "20", "EX", 60);
    const err = await failure(t.client({ ip }).registration.professional.mutate(await professionalForm(t, t.fixture.units.jnBus.id, {}, ip)));
    expect(err).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "注册过于频繁，请稍后再试" });
  });
});

describe("unit picker", () => {
  it("lists approved units by name, with name and id only", async () => {
    const found = await anonymous().registration.searchUnits.query({ name: "济南" });
    expect(found.map((u) => u.name).sort()).toEqual(["济南市交通运输局", "济南公共交通集团有限公司", "济南轨道交通集团有限公司"].sort());
    expect(Object.keys(found[0] ?? {}).sort()).toEqual(["id", "name"]);
    expect((await anonymous().registration.searchUnits.query({ name: "交通运输", kinds: ["AUTHORITY"] })).map((u) => u.name).sort()).toEqual(
      ["山东省交通运输厅", "济南市交通运输局", "青岛市交通运输局"].sort(),
    );
  });
  it("gives the unit named exactly as typed first, however many others contain the name (the 查询统计 filters look it up so)", async () => {
    const base = "鲁运通达物流有限公司";
    const unit = (name: string) => ({
      name,
      kind: "EMPLOYER" as const,
      nature: "ENTERPRISE" as const,
      status: "APPROVED" as const,
      industry: "G",
      region: "370000",
      code: null,
      superiorId: t.fixture.units.jn.id,
      trainingLevel: null,
    });
    await t.app.db.$transaction(async (tx) => {
      // 55 names sort before the exact one and contain it: the old picker's first 50 missed it.
      for (let i = 10; i < 65; i++) await createUnit(tx, unit(`${i}号${base}`), { actor: null, correlationId: "picker-test" });
      await createUnit(tx, unit(base), { actor: null, correlationId: "picker-test" });
    });
    const found = await anonymous().registration.searchUnits.query({ name: base, kinds: ["EMPLOYER"], limit: 50 });
    expect(found).toHaveLength(50);
    expect(found[0]?.name).toBe(base);
    expect(found.slice(1).every((u) => u.name.endsWith(`号${base}`))).toBe(true);
    expect((await anonymous().registration.searchUnits.query({ name: "号鲁运通达", kinds: ["EMPLOYER"], limit: 50 })).map((u) => u.name)).not.toContain(base);
  });
});

describe("用人单位注册", () => {
  it("creates a pending employer with its super admin, announces unit.created, and the admin cannot sign in yet", async () => {
    const form = await employerForm(t, t.fixture.units.jn.id, {}, "198.51.100.8");
    const { unitId, accountId } = await anonymous("198.51.100.8").registration.employer.mutate(form);
    expect(await t.app.db.unit.findUniqueOrThrow({ where: { id: unitId } })).toMatchObject({
      status: "PENDING",
      kind: "EMPLOYER",
      superiorId: t.fixture.units.jn.id,
      code: form.code,
    });
    expect(await t.app.db.admin.findUniqueOrThrow({ where: { accountId } })).toMatchObject({ unitId, isSuper: true, status: "ACTIVE" });
    expect((await outboxEvents(t, identityEvents.unitCreated.type)).some((e) => e.data.unitId === unitId && e.data.status === "PENDING")).toBe(true);

    const err = await failure(t.login({ userType: "EMPLOYER", idNumber: form.idNumber, password: "Abc12345" }));
    expect(err).toMatchObject({ code: "FORBIDDEN", message: "所在单位尚未审核通过，暂不能登录" });
  });

  it("refuses a bad or taken credit code and a superior that is not an approved authority", async () => {
    const first = await employerForm(t, t.fixture.units.qd.id, {}, "198.51.100.8");
    const { unitId } = await anonymous("198.51.100.8").registration.employer.mutate(first);
    // A pending claim blocks nobody (unit-code-claims.test); an approved unit holds its code.
    const qd = (await t.login(t.fixture.logins.qd)).token;
    await t.client({ token: qd }).review.decideEmployers.mutate({ ids: [unitId], decision: "APPROVE" });
    const taken = await failure(
      anonymous("198.51.100.8").registration.employer.mutate(await employerForm(t, t.fixture.units.qd.id, { code: first.code }, "198.51.100.8")),
    );
    expect(taken).toMatchObject({ code: "CONFLICT", fieldErrors: { code: ["该机构代码/统一社会信用代码已被注册"] } });
    const bad = await failure(
      anonymous("198.51.100.8").registration.employer.mutate(await employerForm(t, t.fixture.units.qd.id, { code: "91370100MA3C4XYZ1A" }, "198.51.100.8")),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(["code"]);
    const notAuthority = await failure(
      anonymous("198.51.100.8").registration.employer.mutate(await employerForm(t, t.fixture.units.jnBus.id, {}, "198.51.100.8")),
    );
    expect(notAuthority.fieldErrors).toEqual({ superiorId: ["请选择有效的上级主管部门"] });
  });

  it("answers an admin ID number already registered like any other, leaving no unit behind", async () => {
    const units = await t.app.db.unit.count();
    const answer = await anonymous("198.51.100.8").registration.employer.mutate(
      await employerForm(t, t.fixture.units.jn.id, { idNumber: t.fixture.logins.jn.idNumber }, "198.51.100.8"),
    );
    expect(await t.app.db.unit.count({ where: { id: answer.unitId } })).toBe(0);
    expect(await t.app.db.unit.count()).toBe(units);
    expect(freshIdNumber()).toHaveLength(18);
  });
});
