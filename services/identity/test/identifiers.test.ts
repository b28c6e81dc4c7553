import { CREDIT_CODE_CONFIRM_MESSAGE, generateCreditCode, generateForeignPermanentResidentId } from "@ce/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";
import { employerForm, freshIdNumber, professionalForm } from "./support/people.ts";

let t: TestIdentity;
beforeAll(async () => {
  t = await bootIdentity("identifiers");
});
afterAll(() => t?.cleanup());

// What a Chinese IME or a copy from a document turns a clean number into.
const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const pasted: [string, (s: string) => string][] = [
  ["full-width digits", fullWidth],
  ["full-width with a lower-case x", (s) => fullWidth(s.toLowerCase())],
  ["ideographic spaces and a zero-width space", (s) => `\u3000${s.slice(0, 6)}\u3000${s.slice(6, 14)}\u200B${s.slice(14)}`],
  ["NBSP, BOM and a right-to-left mark", (s) => `\uFEFF${s.slice(0, 9)}\u00A0${s.slice(9)}\u200F`],
  ["tab and line break from a spreadsheet cell", (s) => `\t${s}\r\n`],
];
// Xiamen, in use and listed in the national registry, issued before 2016 with a wrong check character.
const XIAMEN = "91350203M0001QKT19";

describe("登录 with a pasted ID number", () => {
  it.each(pasted)("signs in with %s", async (_what, paste) => {
    const who = t.fixture.logins.professional;
    const ip = `198.51.100.${pasted.findIndex(([w]) => w === _what) + 10}`;
    const session = await t.login({ ...who, idNumber: paste(who.idNumber) }, { ip });
    expect(session.token).toBeTruthy();
  });
});

describe("注册 with a pasted ID number and phone", () => {
  it("stores the one spelling, so the number is found again and another spelling is not a second account", async () => {
    const clean = freshIdNumber();
    const ip = "198.51.100.40";
    const { accountId } = await t
      .client({ ip })
      .registration.professional.mutate(
        await professionalForm(t, t.fixture.units.jnBus.id, { idNumber: fullWidth(clean.toLowerCase()), phone: "+86 139–1234\u00A05678" }, ip),
      );
    const stored = await t.app.db.account.findUniqueOrThrow({ where: { id: accountId } });
    expect(stored.idNumberHash).toBe(t.app.pii.blindIndex("RESIDENT_ID", clean));
    expect(t.app.pii.decrypt(stored.idNumberEnc)).toBe(clean);
    expect(stored.phoneMasked).toBe("139*****78");
    // The same person pasting another spelling is the same account, not a second one.
    await t
      .client({ ip })
      .registration.professional.mutate(
        await professionalForm(t, t.fixture.units.jnBus.id, { idNumber: `${clean.slice(0, 6)}\u00A0${clean.slice(6).toLowerCase()}` }, ip),
      )
      .catch(() => undefined);
    expect(await t.app.db.account.count({ where: { idNumberHash: stored.idNumberHash } })).toBe(1);
  });
});

describe("外国人永久居留身份证", () => {
  const fpr = generateForeignPermanentResidentId("37", "276", new Date("1986-03-04"), 17);

  it("registers, and signs in with 证件类型 外国人永久居留身份证 once approved", async () => {
    const ip = "198.51.100.50";
    const form = await professionalForm(t, t.fixture.units.jnBus.id, { idType: "FOREIGN_PERMANENT_RESIDENT", idNumber: ` ${fullWidth(fpr)} ` }, ip);
    const { accountId } = await t.client({ ip }).registration.professional.mutate(form);
    const stored = await t.app.db.account.findUniqueOrThrow({ where: { id: accountId } });
    expect(stored).toMatchObject({ idType: "FOREIGN_PERMANENT_RESIDENT", idNumberHash: t.app.pii.blindIndex("FOREIGN_PERMANENT_RESIDENT", fpr) });
    expect(stored.idNumberMasked).toBe(`${fpr.slice(0, 10)}****${fpr.slice(14)}`);
    await t.app.db.professional.update({ where: { accountId }, data: { status: "APPROVED" } });

    const session = await t
      .client({ ip })
      .auth.login.mutate({ userType: "PROFESSIONAL", idType: "FOREIGN_PERMANENT_RESIDENT", idNumber: fpr, password: form.password, ...(await t.captcha(ip)) });
    expect(session.token).toBeTruthy();
    const asResident = await failure(
      t.client({ ip }).auth.login.mutate({ userType: "PROFESSIONAL", idType: "RESIDENT_ID", idNumber: fpr, password: form.password, ...(await t.captcha(ip)) }),
    );
    expect(asResident.code).toBe("BAD_REQUEST");
  });

  it.each([
    ["a resident ID typed under this type", "37010219770120000X", "外国人永久居留身份证号应以9开头，前17位为数字"],
    ["a wrong check character", fpr.slice(0, 17) + (fpr.endsWith("1") ? "2" : "1"), "外国人永久居留身份证号校验位不正确"],
    ["the 15-character 2017 card", "USA310090051012", "外国人永久居留身份证号应为18位"],
  ])("refuses %s on the 证件号 field", async (_what, idNumber, message) => {
    const ip = "198.51.100.51";
    const err = await failure(
      t
        .client({ ip })
        .registration.professional.mutate(await professionalForm(t, t.fixture.units.jnBus.id, { idType: "FOREIGN_PERMANENT_RESIDENT", idNumber }, ip)),
    );
    expect(err).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { idNumber: [message] } });
  });
});

describe("统一社会信用代码 with a wrong check character", () => {
  it("用人单位注册 asks for confirmation, then accepts the code flagged, and 审核用人单位 shows the flag", async () => {
    const ip = "198.51.100.60";
    const outboxBefore = await t.app.db.outbox.count();
    const refused = await failure(t.client({ ip }).registration.employer.mutate(await employerForm(t, t.fixture.units.jn.id, { code: fullWidth(XIAMEN) }, ip)));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { code: [CREDIT_CODE_CONFIRM_MESSAGE] } });
    expect(await t.app.db.outbox.count()).toBe(outboxBefore);

    const form = await employerForm(t, t.fixture.units.jn.id, { code: XIAMEN.toLowerCase(), codeConfirmed: true }, ip);
    const { unitId } = await t.client({ ip }).registration.employer.mutate(form);
    expect(await t.app.db.unit.findUniqueOrThrow({ where: { id: unitId } })).toMatchObject({ code: XIAMEN, creditCodeCheckMismatch: true });

    const reviewer = (await t.login(t.fixture.logins.jn, { ip: "198.51.100.61" })).token;
    const rows = (await t.client({ token: reviewer }).review.employers.query({ pageSize: 200 })).items;
    expect(rows.find((r) => r.id === unitId)).toMatchObject({ code: XIAMEN, codeCheckMismatch: true });
    expect(rows.filter((r) => r.id !== unitId).every((r) => !r.codeCheckMismatch)).toBe(true);
    expect(await t.client({ token: reviewer }).units.detail.query({ unitId })).toMatchObject({ code: XIAMEN, codeCheckMismatch: true });
  });

  it.each([
    ["a forbidden letter", "91350203I0001QKT19", "格式不正确"],
    ["17 characters", "91350203M0001QKT1", "应为18位"],
    ["a wrong org-code check character", "D2143569-1", "组织机构代码校验位不正确"],
  ])("keeps the format strict even when confirmed: %s", async (_what, code, message) => {
    const ip = "198.51.100.62";
    const err = await failure(t.client({ ip }).registration.employer.mutate(await employerForm(t, t.fixture.units.jn.id, { code, codeConfirmed: true }, ip)));
    expect(err.fieldErrors?.code?.[0]).toContain(message);
  });

  it("修改单位信息 asks for confirmation; 审核机构信息修改 shows the flag; approval stores it on the unit", async () => {
    const bus = (await t.login(t.fixture.logins.jnBus, { ip: "198.51.100.63" })).token;
    const jn = (await t.login(t.fixture.logins.jn, { ip: "198.51.100.64" })).token;
    const refused = await failure(t.client({ token: bus }).unitProfile.requestCodeChange.mutate({ code: ` ${XIAMEN.slice(0, 9)}\u200B${XIAMEN.slice(9)} ` }));
    expect(refused.fieldErrors).toEqual({ code: [CREDIT_CODE_CONFIRM_MESSAGE] });
    expect(await t.app.db.unitChangeRequest.count({ where: { unitId: t.fixture.units.jnBus.id } })).toBe(0);

    // The Xiamen code was registered above; an invented one with the same fault stands in here.
    const good = generateCreditCode("370102", "M0002QKT");
    const wrong = good.slice(0, 17) + (good.endsWith("1") ? "2" : "1");
    await t.client({ token: bus }).unitProfile.requestCodeChange.mutate({ code: wrong.toLowerCase(), codeConfirmed: true });
    const row = (await t.client({ token: jn }).unitChanges.list.query({ tab: "PENDING" })).items.find((r) => r.unitName === t.fixture.units.jnBus.name);
    expect(row).toMatchObject({ kind: "CODE", newCodeCheckMismatch: true });
    expect(row?.detail).toContain(wrong);
    await t.client({ token: jn }).unitChanges.decide.mutate({ ids: [row?.approvalId ?? ""], decision: "APPROVE" });
    expect(await t.app.db.unit.findUniqueOrThrow({ where: { id: t.fixture.units.jnBus.id } })).toMatchObject({ code: wrong, creditCodeCheckMismatch: true });
  });
});
