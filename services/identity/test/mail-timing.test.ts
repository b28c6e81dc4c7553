// A mail that goes only to an account that exists must not hold up the answer: an SMTP round
// trip in the request would tell a stranger that the ID number is registered (忘记登录密码,
// a registration with a taken number, the alert after wrong passwords). The transport here is
// made slow on purpose; every answer must come back long before it, and the mail still arrive.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mailer } from "../src/mail/mailer.ts";
import { bootIdentity, failure, type TestIdentity } from "./support/boot.ts";
import { professionalForm } from "./support/people.ts";

const SLOW_MS = 1500;
let t: TestIdentity;
let real: Mailer;
let sent: string[] = [];

beforeAll(async () => {
  t = await bootIdentity("mailtiming");
  real = t.app.deps.mailer;
  t.app.deps.mailer = {
    ...real,
    async send(mail) {
      await new Promise((r) => setTimeout(r, SLOW_MS));
      sent.push(mail.subject);
      await real.send(mail);
    },
  };
});
afterAll(() => t?.cleanup());

let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

async function timed(act: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await act();
  return performance.now() - start;
}

describe("mails to an existing account are sent after the answer", () => {
  it.each([
    {
      case: "忘记登录密码 for a registered ID number",
      subject: "重置登录密码",
      act: async () => {
        const who = await t.fixture.newProfessional();
        const ip = freshIp();
        const captcha = await t.captcha(ip);
        return () => t.client({ ip }).auth.requestPasswordReset.mutate({ userType: who.userType, idNumber: who.idNumber, ...captcha });
      },
    },
    {
      case: "专业技术人员注册 with a registered ID number",
      subject: "注册提醒",
      act: async () => {
        const owner = await t.fixture.newProfessional();
        const ip = freshIp();
        const form = await professionalForm(t, t.fixture.units.jnBus.id, { idNumber: owner.idNumber }, ip);
        return () => t.client({ ip }).registration.professional.mutate(form);
      },
    },
    {
      case: "the fifth wrong password, which alerts the owner",
      subject: "登录安全提醒",
      act: async () => {
        const who = await t.fixture.newProfessional();
        for (let i = 0; i < 4; i++) await failure(t.login({ ...who, password: "Wrong12345" }, { ip: freshIp() }));
        const ip = freshIp();
        return () => failure(t.login({ ...who, password: "Wrong12345" }, { ip }));
      },
    },
  ])("$case answers before the transport is done, and the mail arrives", async ({ subject, act }) => {
    sent = [];
    const call = await act();
    const ms = await timed(call);
    expect(ms, `answered after ${Math.round(ms)} ms`).toBeLessThan(SLOW_MS);
    expect(sent.filter((s) => s.includes(subject))).toHaveLength(0);
    await expect.poll(() => sent.filter((s) => s.includes(subject)).length, { timeout: SLOW_MS * 3 }).toBe(1);
  });
});
