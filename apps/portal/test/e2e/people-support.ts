import { randomInt } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { generateResidentId } from "@ce/contracts";
import { Redis } from "ioredis";
import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { type DemoLogin, demoLogins } from "../../../../services/identity/src/seed/demo-logins.ts";
import { forgetSession, launchChromium } from "./chromium.ts";
import { identityAs, registerProfessional, tokenOf } from "./hours-support.ts";
import { restoreDemoAdmins } from "./org-support.ts";

export const portalUrl = inject("portalUrl");
const prefix = inject("subjectPrefix");

/** The demo super admin of a unit. */
export function demoAdminOf(unit: string): DemoLogin {
  const login = demoLogins.find((l) => l.userType !== "PROFESSIONAL" && l.unit === unit);
  if (!login) throw new Error(`the demo data has no admin of ${unit}`);
  return login;
}

/**
 * A valid resident ID number nobody in the demo data has (the demo people are born 1965–2000; this
 * one in 1961, on a random day, with a random sequence), for every e2e file that registers someone.
 */
export function freshIdNumber(): string {
  return generateResidentId("370105", new Date(Date.UTC(1961, randomInt(0, 12), randomInt(1, 29))), randomInt(0, 999));
}

/**
 * One browser (own profile directory) and the Redis the captcha answers are read from. The super
 * admins of `restoredUnits` first get the printed demo password back (restoreDemoAdmins): a file
 * signs them in with it (demoAdminOf), while other files set passwords of their own.
 */
export async function openBrowser(...restoredUnits: string[]) {
  const redis = new Redis(inject("redisUrl"));
  const { context, page, profileDir } = await launchChromium("ce-portal-people-", { width: 1280, height: 900 });
  await restoreDemoAdmins(redis, ...restoredUnits);

  const captchaFor = async (captchaId: string) => {
    const answer = await redis.get(`${prefix}:captcha:${captchaId}`);
    if (!answer) throw new Error(`no captcha answer in Redis for ${captchaId}`);
    return answer;
  };
  const captchaAnswer = async () => {
    const captchaId = await page.locator('input[name="captchaId"]').inputValue();
    expect(captchaId).not.toBe("");
    return captchaFor(captchaId);
  };

  return {
    page,
    redis,
    captchaAnswer,
    async signIn(userType: string, idNumber: string, password: string, name: string) {
      // A test that failed half-way may have left someone signed in.
      await forgetSession(page);
      await page.goto(`${portalUrl}/login`);
      await page.getByLabel("用户类型").selectOption({ label: userType });
      await page.getByPlaceholder("请输入证件号").fill(idNumber);
      await page.getByPlaceholder("请输入密码").fill(password);
      await page.getByPlaceholder("请输入验证码").fill(await captchaAnswer());
      await Promise.all([landed(page), page.getByRole("button", { name: "登录" }).click()]);
      await page.getByText(`您好! ${name}`).waitFor();
    },
    async signOut(name: string) {
      // After an action the page revalidates; the header menu closes on that navigation.
      await page.waitForLoadState("networkidle");
      await page.getByText(`您好! ${name}`).click();
      await Promise.all([page.waitForURL(/\/login$/), page.getByRole("button", { name: "退出" }).click()]);
    },
    /**
     * Fills 注册 › 专业技术人员注册 (the page is open) for `person` in the unit found by `unitSearch`
     * (选择 its full name `unit`), with a fresh captcha; `confirmPassword` differs from the password
     * to see the form refuse it. Does not press 注册.
     */
    async fillProfessionalRegistration(
      person: { idNumber: string; name: string; password: string; email: string },
      unit: { search: string; name: string },
      confirmPassword = person.password,
    ) {
      await page.locator('input[name="idNumber"]').fill(person.idNumber);
      await page.locator('input[name="name"]').fill(person.name);
      await page.locator('input[name="phone"]').fill("13912345678");
      await page.locator('input[name="email"]').fill(person.email);
      await page.locator('input[name="password"]').fill(person.password);
      await page.locator('input[name="confirmPassword"]').fill(confirmPassword);
      await page.getByLabel("搜索所在单位").fill(unit.search);
      await expect.poll(() => page.locator('select[name="unitId"] option').allInnerTexts()).toEqual(["请选择所在单位", unit.name]);
      await page.locator('select[name="unitId"]').selectOption({ label: unit.name });
      await page.locator('select[name="education"]').selectOption({ label: "本科" });
      await page.locator('select[name="titleSeries"]').selectOption({ label: "工程技术" });
      await page.locator('input[name="qualification"]').fill("工程师");
      await page.locator('select[name="titleLevel"]').selectOption({ label: "中级" });
      await page.locator('input[name="major"]').fill("交通运输");
      await page.getByPlaceholder("请输入验证码").fill(await captchaAnswer());
    },
    /** An approved professional of a unit, registered and approved straight through identity. */
    async approvedProfessional(unitName: string) {
      const person = await registerProfessional(redis, unitName, `调转测试${randomInt(1000, 9999)}`);
      const token = await tokenOf(redis, demoAdminOf(unitName));
      await identityAs(token).review.decideProfessionals.mutate({ ids: [person.accountId], decision: "APPROVE" });
      return person;
    },
    async close() {
      await context.close();
      redis.disconnect();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
export type People = Awaited<ReturnType<typeof openBrowser>>;

/**
 * After 登录: the home page (or 修改密码 when someone else set the password). When the login page
 * stays, the error it shows (验证码错误, 证件号或密码错误, a wait) is what the test reports.
 */
export async function landed(page: Page): Promise<void> {
  try {
    await page.waitForURL((url) => url.pathname === "/" || url.pathname === "/account/password");
  } catch (e) {
    // The form's message (role alert) and the fields' own (Conform's `…-error` lists), e.g. 证件号或密码错误.
    const said = await page
      .locator('[role="alert"], [id$="-error"]')
      .allInnerTexts()
      .catch(() => []);
    const logged = await recentWarnings();
    throw new Error(`sign-in stayed on ${page.url()}: ${said.join(" | ") || "no message shown"}\nlatest warnings of the system:\n${logged}`, { cause: e });
  }
}

/** The last warnings and errors (pino level ≥ 40) the portal and the services logged, for a failure's message. */
export async function recentWarnings(lines = 8): Promise<string> {
  const found: string[] = [];
  for (const name of ["portal", "identity", "hours", "reporting"]) {
    const text = await readFile(path.join(inject("logDir"), `${name}.log`), "utf8").catch(() => "");
    const warnings = text.split("\n").filter((line) => /"level":(4|5)0/.test(line));
    found.push(...warnings.slice(-lines).map((line) => `${name}: ${line.slice(0, 600)}`));
  }
  return found.join("\n") || "(none)";
}
