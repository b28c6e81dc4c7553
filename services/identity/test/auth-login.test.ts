import { generateResidentId, Principal, sessionKeys } from "@ce/contracts";
import { REMEMBER_TTL_S, SESSION_TTL_S } from "@ce/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captchaKey } from "../src/auth/captcha.ts";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";

let t: TestIdentity;
beforeAll(async () => {
  t = await bootIdentity("authlogin");
});
afterAll(() => t?.cleanup());

const WRONG = "证件号或密码错误";
const CAPTCHA = "验证码不正确或已过期";
let ipCounter = 0;
/** Lockouts count per address: each test signs in from its own. */
const freshIp = () => `198.51.100.${++ipCounter}`;

describe("captcha", () => {
  it("serves an SVG and keeps the four-digit answer in Redis for two minutes", async () => {
    const { captchaId, svg } = await t.client().auth.captcha.query();
    expect(svg).toMatch(/^<svg[^>]*>.*<\/svg>$/s);
    const redis = t.app.infra.redis;
    expect(await redis.get(captchaKey(captchaId))).toMatch(/^\d{4}$/);
    const ttl = await redis.ttl(captchaKey(captchaId));
    expect(ttl).toBeGreaterThan(110);
    expect(ttl).toBeLessThanOrEqual(120);
  });

  it("can be used once only, even by a correct answer", async () => {
    const who = t.fixture.logins.professional;
    const captcha = await t.captcha();
    const input = { userType: who.userType, idNumber: who.idNumber, password: who.password, ...captcha };
    await t.client().auth.login.mutate(input);
    const again = await failure(t.client().auth.login.mutate(input));
    expect(again).toMatchObject({ code: "BAD_REQUEST", message: CAPTCHA });
    expect(again.fieldErrors?.captchaAnswer).toEqual([CAPTCHA]);
  });

  it("is refused once expired", async () => {
    const who = t.fixture.logins.professional;
    const captcha = await t.captcha();
    await t.app.infra.redis.del(captchaKey(captcha.captchaId)); // what the 120 s TTL does
    const err = await failure(t.client().auth.login.mutate({ userType: who.userType, idNumber: who.idNumber, password: who.password, ...captcha }));
    expect(err).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { captchaAnswer: [CAPTCHA] } });
  });

  it("accepts the answer with spaces and full-width digits", async () => {
    const who = t.fixture.logins.professional;
    const { captchaId, captchaAnswer } = await t.captcha();
    const typed = ` ${[...captchaAnswer].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join(" ")} `;
    const result = await t.client().auth.login.mutate({ userType: who.userType, idNumber: who.idNumber, password: who.password, captchaId, captchaAnswer: typed });
    expect(result.token).toBeTruthy();
  });
});

describe("login", () => {
  it("signs in a province admin with a session that names the unit and its scope", async () => {
    const who = t.fixture.logins.sd;
    const { token, expiresAt } = await t.login(who);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + (SESSION_TTL_S - 60) * 1000);

    const me = await t.client({ token }).auth.me.query();
    expect(me).toMatchObject({ accountId: who.accountId, name: who.name, userType: "AUTHORITY", unitName: "山东省交通运输厅", isSuperAdmin: true });
    expect(me.permissions).toContain("subordinate.view");

    const principal = Principal.parse(JSON.parse((await t.app.infra.redis.get(sessionKeys.session(token))) ?? "null"));
    expect(principal.scopePath).toBe(t.fixture.units.sd.path);
    expect(await t.app.infra.redis.sismember(sessionKeys.accountSessions(who.accountId), token)).toBe(1);
  });

  it("gives a non-super admin only its roles' permissions", async () => {
    const { token } = await t.login(t.fixture.logins.jnApprover);
    const me = await t.client({ token }).auth.me.query();
    expect(me).toMatchObject({ isSuperAdmin: false, unitName: "济南市交通运输局" });
    expect(me.permissions).toEqual(["hours.records", "hours.approve"]);
  });

  it("signs in an approved professional without scope or permissions", async () => {
    const who = t.fixture.logins.professional;
    const { token } = await t.login(who);
    const me = await t.client({ token }).auth.me.query();
    expect(me).toMatchObject({ userType: "PROFESSIONAL", unitName: "济南公共交通集团有限公司", isSuperAdmin: false, permissions: [] });
    const principal = Principal.parse(JSON.parse((await t.app.infra.redis.get(sessionKeys.session(token))) ?? "null"));
    expect(principal.scopePath).toBeNull();
  });

  it("refuses a wrong captcha before looking at the password", async () => {
    const who = t.fixture.logins.professional;
    const { captchaId } = await t.captcha();
    const err = await failure(t.client().auth.login.mutate({ userType: who.userType, idNumber: who.idNumber, password: "wrong", captchaId, captchaAnswer: "abcd" }));
    expect(err).toMatchObject({ code: "BAD_REQUEST", message: CAPTCHA, fieldErrors: { captchaAnswer: [CAPTCHA] } });
  });

  it("refuses a wrong password on the password field", async () => {
    const err = await failure(t.login({ ...t.fixture.logins.jn, password: "Wrong1234" }, { ip: freshIp() }));
    expect(err).toMatchObject({ code: "UNAUTHORIZED", message: WRONG, fieldErrors: { password: [WRONG] } });
  });

  it("answers an unknown ID number exactly like a wrong password", async () => {
    const unknown = { ...t.fixture.logins.jn, idNumber: generateResidentId("370202", new Date("1990-05-05"), 777) };
    const err = await failure(t.login(unknown, { ip: freshIp() }));
    expect(err).toEqual(await failure(t.login({ ...t.fixture.logins.jn, password: "Wrong1234" }, { ip: freshIp() })));
    expect(err).toMatchObject({ code: "UNAUTHORIZED", message: WRONG, fieldErrors: { password: [WRONG] } });
  });

  it("refuses a malformed resident ID with the reason on the idNumber field", async () => {
    const who = { ...t.fixture.logins.jn, idNumber: "370102199001011230" };
    const err = await failure(t.login(who));
    expect(err).toMatchObject({ code: "BAD_REQUEST", message: "身份证号校验位不正确", fieldErrors: { idNumber: ["身份证号校验位不正确"] } });
    const short = await failure(t.login({ ...who, idNumber: "37010219900101" }));
    expect(short.fieldErrors?.idNumber).toEqual(["身份证号应为18位"]);
  });

  it("refuses a user type the account does not hold, even with the right password", async () => {
    const asEmployer = await failure(t.login(t.fixture.logins.jn, { userType: "EMPLOYER" }));
    expect(asEmployer).toMatchObject({ code: "FORBIDDEN", fieldErrors: { userType: ["该账户不是所选用户类型的管理员，请选择正确的用户类型"] } });
    const adminAsPerson = await failure(t.login(t.fixture.logins.jn, { userType: "PROFESSIONAL" }));
    expect(adminAsPerson).toMatchObject({ code: "FORBIDDEN", fieldErrors: { userType: ["该账户未注册为专业技术人员，请选择正确的用户类型"] } });
    const personAsAdmin = await failure(t.login(t.fixture.logins.professional, { userType: "AUTHORITY" }));
    expect(personAsAdmin.code).toBe("FORBIDDEN");
  });

  it("refuses a professional whose registration is pending review", async () => {
    const err = await failure(t.login(t.fixture.logins.pendingProfessional));
    expect(err).toMatchObject({ code: "FORBIDDEN", message: "注册信息正在审核中，审核通过后方可登录" });
  });

  it("signs in the employer and CE base admins as their unit kinds", async () => {
    expect((await t.login(t.fixture.logins.jnBus)).token).toBeTruthy();
    expect((await t.login(t.fixture.logins.base)).token).toBeTruthy();
  });
});

describe("lockout", () => {
  it("locks an account for 15 minutes on its fifth wrong password, even against the right one", async () => {
    const who = await t.fixture.newProfessional();
    const wrong = { ...who, password: "Wrong1234" };
    for (let i = 0; i < 4; i++) expect((await failure(t.login(wrong, { ip: freshIp() }))).code).toBe("UNAUTHORIZED");
    const fifth = await failure(t.login(wrong, { ip: freshIp() }));
    expect(fifth).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "密码错误次数过多，账户已锁定，请15分钟后再试" });
    const right = await failure(t.login(who, { ip: freshIp() }));
    expect(right).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "密码错误次数过多，账户已锁定，请15分钟后再试" });
  });

  it("clears an account's failures on a successful login", async () => {
    const who = await t.fixture.newProfessional();
    const ip = freshIp();
    for (let i = 0; i < 4; i++) await failure(t.login({ ...who, password: "Wrong1234" }, { ip }));
    await t.login(who, { ip });
    for (let i = 0; i < 4; i++) expect((await failure(t.login({ ...who, password: "Wrong1234" }, { ip }))).code).toBe("UNAUTHORIZED");
  });

  it("locks a client address after 20 failures, whichever accounts they were for", async () => {
    const ip = freshIp();
    for (let i = 0; i < 19; i++) {
      const unknown = { ...t.fixture.logins.professional, idNumber: generateResidentId("370203", new Date(Date.UTC(1985, 0, 1 + i)), 500 + i) };
      expect((await failure(t.login(unknown, { ip }))).code).toBe("UNAUTHORIZED");
    }
    const twentieth = await failure(t.login({ ...t.fixture.logins.qd, password: "Wrong1234" }, { ip }));
    expect(twentieth).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "登录失败次数过多，请稍后再试" });
    const right = await failure(t.login(t.fixture.logins.qd, { ip }));
    expect(right).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "登录失败次数过多，请稍后再试" });
    expect((await t.login(t.fixture.logins.qd, { ip: freshIp() })).token).toBeTruthy();
  });
});

describe("sessions", () => {
  it("lives longer with 记住密码", async () => {
    const who = t.fixture.logins.professional;
    const short = await t.login(who);
    const long = await t.login(who, { remember: true });
    const redis = t.app.infra.redis;
    const shortTtl = await redis.ttl(sessionKeys.session(short.token));
    const longTtl = await redis.ttl(sessionKeys.session(long.token));
    expect(shortTtl).toBeLessThanOrEqual(SESSION_TTL_S);
    expect(longTtl).toBeGreaterThan(SESSION_TTL_S);
    expect(longTtl).toBeLessThanOrEqual(REMEMBER_TTL_S);
    expect(new Date(long.expiresAt).getTime()).toBeGreaterThan(new Date(short.expiresAt).getTime());
  });

  it("ends at logout: the token no longer works", async () => {
    const who = t.fixture.logins.jnBus;
    const { token } = await t.login(who);
    expect(await t.client({ token }).auth.logout.mutate()).toEqual({ ok: true });
    expect(await failure(t.client({ token }).auth.me.query())).toMatchObject({ code: "UNAUTHORIZED", message: "登录已过期，请重新登录" });
    expect(await t.app.infra.redis.sismember(sessionKeys.accountSessions(who.accountId), token)).toBe(0);
  });

  it("is refused once expired", async () => {
    const { token } = await t.login(t.fixture.logins.professional);
    await t.app.infra.redis.del(sessionKeys.session(token)); // what the TTL does
    expect((await failure(t.client({ token }).auth.me.query())).code).toBe("UNAUTHORIZED");
  });

  it("is required for me and logout", async () => {
    expect((await failure(t.client().auth.me.query())).code).toBe("UNAUTHORIZED");
    expect((await failure(t.client({ token: "not-a-session-token-at-all" }).auth.logout.mutate())).code).toBe("UNAUTHORIZED");
  });
});
