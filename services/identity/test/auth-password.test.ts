import { createHash } from "node:crypto";
import { sessionKeys } from "@ce/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";
import type { Credentials } from "./support/fixture.ts";

let t: TestIdentity;
beforeAll(async () => {
  t = await bootIdentity("authpassword");
});
afterAll(() => t?.cleanup());

const NEW_PASSWORD = "Newpass2024";
let ipCounter = 0;
/** Reset requests are limited per address: each request comes from its own unless a test says otherwise. */
const freshIp = () => `198.51.100.${++ipCounter}`;

describe("修改密码", () => {
  it("refuses a wrong old password on the oldPassword field", async () => {
    const who = await t.fixture.newProfessional();
    const { token } = await t.login(who);
    const err = await failure(
      t.client({ token }).auth.changePassword.mutate({ oldPassword: "Wrong1234", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );
    expect(err).toMatchObject({ code: "UNAUTHORIZED", message: "原密码不正确", fieldErrors: { oldPassword: ["原密码不正确"] } });
  });

  it("counts wrong old passwords in the login throttle of this address only", async () => {
    const who = await t.fixture.newProfessional();
    const { token } = await t
      .client({ ip: "203.0.113.8" })
      .auth.login.mutate({ userType: who.userType, idNumber: who.idNumber, password: who.password, remember: false, ...(await t.captcha("203.0.113.8")) });
    const change = () =>
      t.client({ token, ip: "203.0.113.8" }).auth.changePassword.mutate({ oldPassword: "Wrong1234", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    for (let i = 0; i < 3; i++) expect((await failure(change())).code).toBe("UNAUTHORIZED");
    expect(await failure(change())).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "密码错误次数过多，请15秒后再试" });
    expect((await t.login(who, { ip: "203.0.113.9" })).token).toBeTruthy();
  });

  it("enforces the password policy and the confirmation", async () => {
    const who = await t.fixture.newProfessional();
    const { token } = await t.login(who);
    const change = (newPassword: string, confirmPassword = newPassword) =>
      failure(t.client({ token }).auth.changePassword.mutate({ oldPassword: who.password, newPassword, confirmPassword }));
    expect(await change("Ab1")).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { newPassword: ["密码至少8位"] } });
    expect((await change("abcdefghij")).fieldErrors?.newPassword).toEqual(["密码须包含数字"]);
    expect((await change("1234567890")).fieldErrors?.newPassword).toEqual(["密码须包含字母"]);
    expect((await change(who.password)).fieldErrors?.newPassword).toEqual(["新密码不能与原密码相同"]);
    expect((await change(NEW_PASSWORD, "Other2024x")).fieldErrors?.confirmPassword).toEqual(["两次输入的新密码不一致"]);
  });

  it("ends the account's other sessions, keeps the current one, and the new password signs in", async () => {
    const who = await t.fixture.newAdmin("jnBus");
    const current = await t.login(who);
    const other = await t.login(who, { remember: true });
    const stranger = await t.login(t.fixture.logins.jnBus);

    const result = await t
      .client({ token: current.token })
      .auth.changePassword.mutate({ oldPassword: who.password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(result).toEqual({ ok: true });

    expect((await t.client({ token: current.token }).auth.me.query()).accountId).toBe(who.accountId);
    expect((await failure(t.client({ token: other.token }).auth.me.query())).code).toBe("UNAUTHORIZED");
    expect((await t.client({ token: stranger.token }).auth.me.query()).accountId).toBe(t.fixture.logins.jnBus.accountId);
    expect(await t.app.infra.redis.smembers(sessionKeys.accountSessions(who.accountId))).toEqual([current.token]);

    expect((await failure(t.login(who, { ip: "203.0.113.20" }))).code).toBe("UNAUTHORIZED");
    expect((await t.login({ ...who, password: NEW_PASSWORD })).token).toBeTruthy();
  });

  it("requires a session", async () => {
    expect((await failure(t.client().auth.changePassword.mutate({ oldPassword: "x", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }))).code).toBe(
      "UNAUTHORIZED",
    );
  });
});

describe("忘记登录密码", () => {
  const request = async (who: { userType: "PROFESSIONAL" | "AUTHORITY" | "EMPLOYER" | "TRAINING_BASE"; idNumber: string }, ip = freshIp()) =>
    t.client({ ip }).auth.requestPasswordReset.mutate({ userType: who.userType, idNumber: who.idNumber, ...(await t.captcha(ip)) });

  it("mails a single-use link that sets a new password and ends every session", async () => {
    const who = await t.fixture.newProfessional();
    const session = await t.login(who, { remember: true });
    expect(await request(who)).toEqual({ ok: true });

    const [mail] = await t.client({ ip: "127.0.0.1" }).devMailbox.list.query();
    expect(mail).toMatchObject({ to: expect.stringMatching(/@example\.com$/), subject: expect.stringContaining("重置登录密码") });
    expect(mail?.link).toMatch(/^http:\/\/localhost:3000\/reset-password\?token=[\w-]{43}$/);
    expect(mail?.body).toContain(mail?.link ?? "missing");
    const token = new URL(mail?.link ?? "").searchParams.get("token") ?? "";

    expect(await t.client().auth.resetPassword.mutate({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual({ ok: true });
    expect((await failure(t.client({ token: session.token }).auth.me.query())).code).toBe("UNAUTHORIZED");
    expect((await failure(t.login(who, { ip: "203.0.113.30" }))).code).toBe("UNAUTHORIZED");
    expect((await t.login({ ...who, password: NEW_PASSWORD })).token).toBeTruthy();

    const reused = await failure(t.client().auth.resetPassword.mutate({ token, newPassword: "Another2024", confirmPassword: "Another2024" }));
    expect(reused).toMatchObject({ code: "BAD_REQUEST", message: "重置链接无效或已过期", fieldErrors: { token: ["重置链接无效或已过期"] } });
  });

  it("answers the same for an unknown ID number or the wrong user type, and mails nothing", async () => {
    const before = (await t.client({ ip: "127.0.0.1" }).devMailbox.list.query()).length;
    const unknown = { userType: "PROFESSIONAL" as const, idNumber: t.fixture.nextIdNumber() };
    expect(await request(unknown)).toEqual({ ok: true });
    expect(await request({ ...t.fixture.logins.professional, userType: "AUTHORITY" })).toEqual({ ok: true });
    expect(await t.client({ ip: "127.0.0.1" }).devMailbox.list.query()).toHaveLength(before);
  });

  it("lists the development mailbox newest first", async () => {
    const first = await t.fixture.newProfessional();
    const second = await t.fixture.newProfessional();
    await request(first);
    await request(second);
    const [newest, older] = await t.client({ ip: "127.0.0.1" }).devMailbox.list.query();
    expect(newest?.body).toContain(second.name);
    expect(older?.body).toContain(first.name);
  });

  it("requires a captcha", async () => {
    const who = t.fixture.logins.professional;
    const { captchaId } = await t.captcha();
    const err = await failure(
      t.client().auth.requestPasswordReset.mutate({ userType: who.userType, idNumber: who.idNumber, captchaId, captchaAnswer: "0000x" }),
    );
    expect(err).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { captchaAnswer: ["验证码不正确或已过期"] } });
  });

  it("limits requests per ID number, without letting strangers shut out the owner's usual address", async () => {
    const who = await t.fixture.newProfessional();
    await t.login(who, { ip: "203.0.113.99" });
    for (let i = 0; i < 5; i++) await request(who, `203.0.113.${100 + i}`);
    expect(await failure(request(who, "203.0.113.110"))).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "请求过于频繁，请稍后再试" });
    expect(await request(who, "203.0.113.99")).toEqual({ ok: true });
    for (let i = 0; i < 4; i++) await request(who, "203.0.113.99");
    expect((await failure(request(who, "203.0.113.99"))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("limits requests per client address", async () => {
    const ip = "203.0.113.200";
    for (let i = 0; i < 20; i++) await request({ userType: "PROFESSIONAL", idNumber: t.fixture.nextIdNumber() }, ip);
    expect((await failure(request({ userType: "PROFESSIONAL", idNumber: t.fixture.nextIdNumber() }, ip))).code).toBe("TOO_MANY_REQUESTS");
  });

  const linkOf = async (who: { name: string }) => {
    const mail = (await t.client({ ip: "127.0.0.1" }).devMailbox.list.query()).find((m) => m.body.includes(who.name) && m.subject.includes("重置登录密码"));
    return new URL(mail?.link ?? "http://x/").searchParams.get("token") ?? "";
  };
  const reset = (token: string, newPassword = NEW_PASSWORD) => t.client().auth.resetPassword.mutate({ token, newPassword, confirmPassword: newPassword });
  const INVALID = { code: "BAD_REQUEST", fieldErrors: { token: ["重置链接无效或已过期"] } };

  it("keeps one live link per account: a new request replaces the older link", async () => {
    const who = await t.fixture.newProfessional();
    await request(who);
    const first = await linkOf(who);
    await request(who);
    const second = await linkOf(who);
    expect(second).not.toBe(first);
    expect(await failure(reset(first))).toMatchObject(INVALID);
    expect(await reset(second)).toEqual({ ok: true });
  });

  it.each([
    ["a reset through the other link", async (_who: Credentials, other: string) => void (await reset(other, "Another2024"))],
    [
      "a password change",
      async (who: Credentials) => {
        const { token } = await t.login(who);
        await t.client({ token }).auth.changePassword.mutate({ oldPassword: who.password, newPassword: "Changed2024", confirmPassword: "Changed2024" });
      },
    ],
  ] as const)("makes every earlier link worthless after %s, and every session ends", async (_, act) => {
    const who = await t.fixture.newProfessional();
    const session = await t.login(who, { remember: true });
    await request(who);
    const older = await linkOf(who);
    // An older link captured before a newer one, and the newer one used by the act.
    await request(who);
    const newer = await linkOf(who);
    await act(who, newer);
    expect(await failure(reset(older))).toMatchObject(INVALID);
    expect(await failure(reset(newer))).toMatchObject(INVALID);
    expect((await failure(t.client({ token: session.token }).auth.me.query())).code).toBe("UNAUTHORIZED");
  });

  it("makes a link worthless once a super admin resets the admin's password", async () => {
    const admin = await t.fixture.newAdmin("jnBus");
    await request({ userType: "EMPLOYER", idNumber: admin.idNumber });
    const link = await linkOf(admin);
    const { token } = await t.login(t.fixture.logins.jnBus);
    const adminId = (await t.app.db.admin.findUniqueOrThrow({ where: { accountId: admin.accountId } })).id;
    await t.client({ token }).admins.resetPassword.mutate({ adminId });
    expect(await failure(reset(link))).toMatchObject(INVALID);
  });

  it("tells the reset page at once whether a link is usable, using nothing up", async () => {
    const usable = async (token: string) => (await t.client().auth.checkResetToken.query({ token })).usable;
    const who = await t.fixture.newProfessional();
    await request(who);
    const link = await linkOf(who);
    expect([await usable(link), await usable(link)]).toEqual([true, true]);
    await request(who);
    const replacing = await linkOf(who);
    const expiring = await (async () => {
      const other = await t.fixture.newProfessional();
      await request(other);
      const token = await linkOf(other);
      // Thirty minutes later Redis has dropped the token's key (RESET_TTL_S).
      await t.app.deps.redis.del(`pwreset:${createHash("sha256").update(token).digest("hex")}`);
      return token;
    })();
    const cases: [string, string, boolean][] = [
      ["the newest link", replacing, true],
      ["a link a newer request replaced", link, false],
      ["an expired link", expiring, false],
      ["a forged token of the right shape", "x".repeat(43), false],
      ["a token cut short in the mail", replacing.slice(0, 10), false],
      ["no token", "", false],
      ["a token with characters no token has", `${replacing.slice(0, 40)}%2F`, false],
    ];
    for (const [what, token, expected] of cases) expect(await usable(token), what).toBe(expected);
    // Checked is not used: the newest link still sets the password, and then it is dead.
    expect(await reset(replacing)).toEqual({ ok: true });
    expect(await usable(replacing)).toBe(false);
  });

  it("takes a stored claim that is not of its shape for no link (garbled, an older shape), refusing on the token field", async () => {
    const digest = (token: string) => createHash("sha256").update(token).digest("hex");
    const claims: [string, string][] = [
      ["not JSON", "{accountId:"],
      ["JSON null", "null"],
      ["no stamp (an older shape)", JSON.stringify({ accountId: "00000000-0000-4000-8000-000000000001" })],
      ["an account id that is no UUID", JSON.stringify({ accountId: "../admin", stamp: "never" })],
    ];
    for (const [what, stored] of claims) {
      const token = `garbled-${what.length}-${"y".repeat(30)}`.replace(/[^A-Za-z0-9_-]/g, "z");
      await t.app.deps.redis.set(`pwreset:${digest(token)}`, stored, "EX", 60);
      expect((await t.client().auth.checkResetToken.query({ token })).usable, what).toBe(false);
      const refused = await failure(t.client().auth.resetPassword.mutate({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }));
      expect(refused, what).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { token: ["重置链接无效或已过期"] } });
    }
  });

  it("refuses an unknown or malformed reset token on the token field", async () => {
    const bogus = await failure(t.client().auth.resetPassword.mutate({ token: "x".repeat(43), newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }));
    expect(bogus).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { token: ["重置链接无效或已过期"] } });
  });

  it("checks the new password before spending the link", async () => {
    const who = await t.fixture.newProfessional();
    await request(who);
    const [mail] = await t.client({ ip: "127.0.0.1" }).devMailbox.list.query();
    const token = new URL(mail?.link ?? "").searchParams.get("token") ?? "";
    const weak = await failure(t.client().auth.resetPassword.mutate({ token, newPassword: "short", confirmPassword: "short" }));
    expect(weak.fieldErrors?.newPassword).toContain("密码至少8位");
    expect(await t.client().auth.resetPassword.mutate({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual({ ok: true });
  });
});
