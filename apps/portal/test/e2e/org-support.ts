/**
 * Helpers of the organisation browser tests (org-*.test.ts): a browser, sign-in through the login
 * page, and a way to take over a demo admin whatever password another test file left it with
 * (password reset through the identity API and the development mailbox).
 */
import { rm } from "node:fs/promises";
import { generateCreditCode, type UserType, userTypeLabels } from "@ce/contracts";
import type { IdentityRouter } from "@ce/identity/router";
import { serviceClient } from "@ce/service-kit/testing";
import { Redis } from "ioredis";
import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { DEMO_PASSWORD, demoUnits } from "../../../../services/identity/src/seed/demo-data.ts";
import { forgetSession, launchChromium } from "./chromium.ts";
import { freshIdNumber, landed } from "./people-support.ts";

export const portalUrl = inject("portalUrl");
const prefix = inject("subjectPrefix");
const IP = "198.51.100.23";

export interface Person {
  userType: UserType;
  idNumber: string;
  password: string;
  name: string;
}

export const identity = (token?: string) => serviceClient<IdentityRouter>(inject("serviceUrls").identity, token, IP);

export async function openBrowser() {
  const redis = new Redis(inject("redisUrl"));
  const { context, page, profileDir } = await launchChromium("ce-org-chromium-");
  // Confirmation dialogs (设为超级管理员, 删除) are accepted.
  page.on("dialog", (d) => void d.accept());
  return {
    page,
    redis,
    async close() {
      await context.close();
      redis.disconnect();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

async function captchaFor(redis: Redis, captchaId: string): Promise<string> {
  const answer = await redis.get(`${prefix}:captcha:${captchaId}`);
  if (!answer) throw new Error(`no captcha answer in Redis for ${captchaId}`);
  return answer;
}

/** Signs in through the login page (dropping any earlier session) and waits for the greeting. */
export async function signIn(page: Page, redis: Redis, who: Person) {
  await forgetSession(page);
  await page.goto(`${portalUrl}/login`);
  const captchaId = await page.locator('input[name="captchaId"]').inputValue();
  expect(captchaId).not.toBe("");
  await page.getByLabel("用户类型").selectOption({ label: userTypeLabels[who.userType] });
  await page.getByPlaceholder("请输入证件号").fill(who.idNumber);
  await page.getByPlaceholder("请输入密码").fill(who.password);
  await page.getByPlaceholder("请输入验证码").fill(await captchaFor(redis, captchaId));
  await Promise.all([landed(page), page.getByRole("button", { name: "登录" }).click()]);
  await page.getByText(`您好! ${who.name}`).waitFor();
}

export async function signOut(page: Page, who: Person) {
  // A form post may still be navigating; the menu closes on navigation, so let it settle first.
  await page.waitForLoadState("networkidle");
  await page.getByText(`您好! ${who.name}`).click();
  await page.getByRole("button", { name: "退出" }).waitFor({ state: "visible" });
  await Promise.all([page.waitForURL(/\/login$/), page.getByRole("button", { name: "退出" }).click()]);
}

/**
 * The token of a reset link just mailed to a demo unit's super admin (忘记登录密码 through the identity
 * API, read from the development mailbox): a new request makes every earlier link of the account dead.
 */
export async function mailedResetToken(redis: Redis, unitName: string): Promise<string> {
  const unit = demoUnits.find((u) => u.name === unitName);
  if (!unit) throw new Error(`no demo unit ${unitName}`);
  // Test set-up, not the behaviour under test: the reset limits (per ID and per IP, each hour)
  // would trip over a long e2e run that hands the same demo admins new passwords again and again.
  for (const key of await redis.keys(`${prefix}:pwreset-rate:*`)) await redis.del(key);
  const api = identity();
  const { captchaId } = await api.auth.captcha.query();
  await api.auth.requestPasswordReset.mutate({
    userType: unit.kind,
    idNumber: unit.admin.idNumber,
    captchaId,
    captchaAnswer: await captchaFor(redis, captchaId),
  });
  // The development mailbox answers a client on this machine only; newest first.
  const mailbox = serviceClient<IdentityRouter>(inject("serviceUrls").identity, undefined, "127.0.0.1").devMailbox;
  const mail = (await mailbox.list.query()).find((m) => m.to === unit.admin.email && m.link);
  const token = mail?.link ? new URL(mail.link).searchParams.get("token") : null;
  if (!token) throw new Error(`no reset mail for ${unit.admin.email}`);
  return token;
}

/** The super admin of a demo unit, with a password set now (other files may have changed it). */
export async function takeOverDemoAdmin(redis: Redis, unitName: string, password: string): Promise<Person> {
  const unit = demoUnits.find((u) => u.name === unitName);
  if (!unit) throw new Error(`no demo unit ${unitName}`);
  const token = await mailedResetToken(redis, unitName);
  await identity().auth.resetPassword.mutate({ token, newPassword: password, confirmPassword: password });
  return { userType: unit.kind, idNumber: unit.admin.idNumber, password, name: unit.admin.name };
}

/** `unitName`'s demo super admin, taken over with `password` (takeOverDemoAdmin) and signed in on `page` through the login page. */
export async function signInAsDemoAdmin(page: Page, redis: Redis, unitName: string, password: string): Promise<Person> {
  const admin = await takeOverDemoAdmin(redis, unitName, password);
  await signIn(page, redis, admin);
  return admin;
}

/** A browser (openBrowser) signed in as `unitName`'s demo super admin, taken over with `password` (signInAsDemoAdmin): `admin` is who. */
export async function openBrowserAsDemoAdmin(unitName: string, password: string) {
  const browser = await openBrowser();
  return { ...browser, admin: await signInAsDemoAdmin(browser.page, browser.redis, unitName, password) };
}

/**
 * Every e2e file shares one system, and some change demo admins' passwords: a file that signs in
 * with the printed demo password first gives these admins that password back.
 */
export async function restoreDemoAdmins(redis: Redis, ...unitNames: string[]): Promise<void> {
  for (const unitName of unitNames) await takeOverDemoAdmin(redis, unitName, DEMO_PASSWORD);
}

/**
 * Asserts the open page's breadcrumb (当前位置): equal to `expected`, or containing it with `{ contains: true }`.
 * Polls (5 s), because a client navigation changes the address before the new page's breadcrumb renders —
 * reading it once right after `waitForURL` sometimes still saw the previous page's (首页).
 */
export async function expectTrail(page: Page, expected: string, options: { contains?: boolean } = {}): Promise<void> {
  const read = () => page.getByRole("navigation", { name: "当前位置" }).innerText();
  if (options.contains) await expect.poll(read).toContain(expected);
  else await expect.poll(read).toBe(expected);
}

/** The value beside `label` in a record's facts (components/FactList.tsx: the dt `label:`, then its dd). */
export function factOf(page: Page, label: string) {
  return page.locator("dt", { hasText: new RegExp(`^${label}:$`) }).locator("xpath=following-sibling::dd[1]");
}

/** Signs in through the identity API (for test set-up that is not itself under test). */
export async function apiLogin(redis: Redis, who: Person): Promise<string> {
  const api = identity();
  const { captchaId } = await api.auth.captcha.query();
  const { token } = await api.auth.login.mutate({
    userType: who.userType,
    idNumber: who.idNumber,
    password: who.password,
    captchaId,
    captchaAnswer: await captchaFor(redis, captchaId),
  });
  return token;
}

/**
 * A new employer waiting for 审核用人单位 under the superior whose admin token is given, registered
 * through the public registration API: its applicant (the future super admin) with the phone and
 * e-mail they registered.
 */
export async function pendingEmployer(
  redis: Redis,
  superiorToken: string,
  unitName: string,
): Promise<{ unitId: string; admin: Person; phone: string; email: string }> {
  const superiorId = (await identity(superiorToken).auth.me.query()).unitId;
  if (!superiorId) throw new Error("the superior admin has no unit");
  const admin: Person = { userType: "EMPLOYER", idNumber: freshIdNumber(), password: "Employer2024", name: `${unitName.slice(0, 2)}管理员` };
  const phone = "13905310002";
  const email = `employer${Date.now()}@example.com`;
  const api = identity();
  const { captchaId } = await api.auth.captcha.query();
  const { unitId } = await api.registration.employer.mutate({
    unitName,
    nature: "ENTERPRISE",
    industry: "G",
    region: "370100",
    code: generateCreditCode("370100", String(10_000_000 + Math.floor(Math.random() * 89_999_999)), "91"),
    superiorId,
    idNumber: admin.idNumber,
    name: admin.name,
    phone,
    email,
    password: admin.password,
    confirmPassword: admin.password,
    captchaId,
    captchaAnswer: await captchaFor(redis, captchaId),
  });
  if (!unitId) throw new Error(`${unitName} was not registered`);
  return { unitId, admin, phone, email };
}

/**
 * A new approved employer under the superior whose admin token is given: registered through the
 * public registration API (pendingEmployer) and approved through 审核用人单位, so no other test's unit changes.
 */
export async function freshEmployer(redis: Redis, superiorToken: string, unitName: string): Promise<Person> {
  const { unitId, admin } = await pendingEmployer(redis, superiorToken, unitName);
  await identity(superiorToken).review.decideEmployers.mutate({ ids: [unitId], decision: "APPROVE" });
  return admin;
}
