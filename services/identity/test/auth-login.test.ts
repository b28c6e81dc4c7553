import { generateResidentId, Principal, sessionKeys } from "@ce/contracts";
import { REMEMBER_TTL_S, SESSION_TTL_S } from "@ce/service-kit";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captchaKey } from "../src/auth/captcha.ts";
import { lockoutKeys } from "../src/auth/rate-limit.ts";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";
import type { Credentials } from "./support/fixture.ts";

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
  it("serves a PNG with no markup in it and keeps the four-digit answer in Redis for two minutes", async () => {
    const challenge = await t.client().auth.captcha.query();
    const { captchaId, image } = challenge;
    expect(image).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    const png = Buffer.from(image.slice("data:image/png;base64,".length), "base64");
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: "png", width: 240, height: 80 });
    const redis = t.app.infra.redis;
    const answer = await redis.get(captchaKey(captchaId));
    expect(answer).toMatch(/^\d{4}$/);
    const whole = JSON.stringify(challenge) + png.toString("latin1");
    for (const giveaway of ["<svg", "<path", ' d="', "<text", answer ?? "missing"]) expect(whole.includes(giveaway), giveaway).toBe(false);
    const ttl = await redis.ttl(captchaKey(captchaId));
    expect(ttl).toBeGreaterThan(110);
    expect(ttl).toBeLessThanOrEqual(120);
  });

  it("draws every challenge differently, even for the same answer", async () => {
    const a = await t.client().auth.captcha.query();
    const b = await t.client().auth.captcha.query();
    expect(a.image).not.toBe(b.image);
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
    const result = await t
      .client()
      .auth.login.mutate({ userType: who.userType, idNumber: who.idNumber, password: who.password, captchaId, captchaAnswer: typed });
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

  // What pages need about the caller's unit is decided once, here at login, and read from the session after.
  it.each([
    { login: "sd", facts: { unitKind: "AUTHORITY", unitDepth: 0, isProvince: true } },
    { login: "jn", facts: { unitKind: "AUTHORITY", unitDepth: 1, isProvince: false } },
    { login: "qd", facts: { unitKind: "AUTHORITY", unitDepth: 1, isProvince: false } },
    { login: "jnApprover", facts: { unitKind: "AUTHORITY", unitDepth: 1, isProvince: false } },
    { login: "jnBus", facts: { unitKind: "EMPLOYER", unitDepth: 2, isProvince: false } },
    { login: "base", facts: { unitKind: "TRAINING_BASE", unitDepth: 1, isProvince: false } },
    { login: "professional", facts: { unitKind: null, unitDepth: null, isProvince: false } },
  ] as const)("writes $login's unit kind, depth and province flag into the session and auth.me", async ({ login, facts }) => {
    const { token } = await t.login(t.fixture.logins[login]);
    const principal = Principal.parse(JSON.parse((await t.app.infra.redis.get(sessionKeys.session(token))) ?? "null"));
    expect(principal).toMatchObject(facts);
    expect(await t.client({ token }).auth.me.query()).toMatchObject(facts);
  });

  it("refuses a wrong captcha before looking at the password", async () => {
    const who = t.fixture.logins.professional;
    const { captchaId } = await t.captcha();
    const err = await failure(
      t.client().auth.login.mutate({ userType: who.userType, idNumber: who.idNumber, password: "wrong", captchaId, captchaAnswer: "abcd" }),
    );
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

describe("throttle (no account lock)", () => {
  const wrongOf = (who: Credentials) => ({ ...who, password: "Wrong1234" });

  it("makes the account + address pair wait longer after each failure past the third, never locking the account", async () => {
    const who = await t.fixture.newProfessional();
    const attacker = freshIp();
    for (let i = 0; i < 3; i++) expect(await failure(t.login(wrongOf(who), { ip: attacker }))).toMatchObject({ code: "UNAUTHORIZED", message: WRONG });
    expect(await failure(t.login(wrongOf(who), { ip: attacker }))).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "密码错误次数过多，请15秒后再试" });
    // While it waits, even the right password from that address is refused, and no captcha is spent.
    expect(await failure(t.login(who, { ip: attacker }))).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/^密码错误次数过多，请\d+秒后再试$/),
    });
    await t.app.infra.redis.del(lockoutKeys.pairWait(t.app.pii.blindIndex("RESIDENT_ID", who.idNumber), attacker)); // what the 15 s TTL does
    expect(await failure(t.login(wrongOf(who), { ip: attacker }))).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "密码错误次数过多，请30秒后再试" });
    // The owner, from elsewhere, signs in at once.
    expect((await t.login(who, { ip: freshIp() })).token).toBeTruthy();
  });

  it("answers an unknown ID number exactly like a known one as the waits grow", async () => {
    const who = await t.fixture.newProfessional();
    const unknown = { ...who, idNumber: generateResidentId("370202", new Date("1991-06-06"), 778) };
    const [ipA, ipB] = [freshIp(), freshIp()];
    for (let i = 0; i < 4; i++) {
      expect(await failure(t.login(wrongOf(unknown), { ip: ipA }))).toEqual(await failure(t.login(wrongOf(who), { ip: ipB })));
      await t.app.infra.redis.del(
        lockoutKeys.pairWait(t.app.pii.blindIndex("RESIDENT_ID", unknown.idNumber), ipA),
        lockoutKeys.pairWait(t.app.pii.blindIndex("RESIDENT_ID", who.idNumber), ipB),
      );
    }
  });

  it("mails the owner once when wrong passwords pile up from several addresses", async () => {
    const who = await t.fixture.newProfessional();
    const mailbox = () => t.client({ ip: "127.0.0.1" }).devMailbox.list.query();
    const alerts = async () => (await mailbox()).filter((m) => m.subject.includes("登录安全提醒") && m.body.includes(who.name));
    for (let i = 0; i < 4; i++) await failure(t.login(wrongOf(who), { ip: freshIp() }));
    expect(await alerts()).toHaveLength(0);
    await failure(t.login(wrongOf(who), { ip: freshIp() }));
    const [alert] = await alerts();
    expect(alert?.body).toContain("您的账户没有被锁定");
    for (let i = 0; i < 3; i++) await failure(t.login(wrongOf(who), { ip: freshIp() }));
    expect(await alerts()).toHaveLength(1);
    expect((await t.login(who, { ip: freshIp() })).token).toBeTruthy();
  });

  it("clears the pair's failures on a successful login", async () => {
    const who = await t.fixture.newProfessional();
    const ip = freshIp();
    for (let i = 0; i < 3; i++) await failure(t.login(wrongOf(who), { ip }));
    await t.login(who, { ip });
    for (let i = 0; i < 3; i++) expect((await failure(t.login(wrongOf(who), { ip }))).code).toBe("UNAUTHORIZED");
  });

  it("blocks a client address after 20 failures across accounts, except for an account that usually signs in from it", async () => {
    const ip = freshIp();
    const regular = await t.fixture.newProfessional();
    await t.login(regular, { ip });
    for (let i = 0; i < 19; i++) {
      const unknown = { ...t.fixture.logins.professional, idNumber: generateResidentId("370203", new Date(Date.UTC(1985, 0, 1 + i)), 500 + i) };
      expect((await failure(t.login(unknown, { ip }))).code).toBe("UNAUTHORIZED");
    }
    const twentieth = await failure(t.login({ ...t.fixture.logins.qd, password: "Wrong1234" }, { ip }));
    expect(twentieth).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "登录失败次数过多，请稍后再试" });
    const right = await failure(t.login(t.fixture.logins.qd, { ip }));
    expect(right).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "登录失败次数过多，请稍后再试" });
    expect((await t.login(t.fixture.logins.qd, { ip: freshIp() })).token).toBeTruthy();
    // The owner at their usual address is not shut out by a stranger's failures there.
    expect((await t.login(regular, { ip })).token).toBeTruthy();
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
