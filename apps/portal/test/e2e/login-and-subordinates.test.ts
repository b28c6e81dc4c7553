import { rm } from "node:fs/promises";
import { Redis } from "ioredis";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DemoLogin } from "../../../../services/identity/src/seed/demo-logins.ts";
import { launchChromium } from "./chromium.ts";
import { restoreDemoAdmins } from "./org-support.ts";
import { demoAdminOf } from "./people-support.ts";

const portalUrl = inject("portalUrl");
const prefix = inject("subjectPrefix");
const provinceAdmin = demoAdminOf("山东省交通运输厅");
const jinanAdmin = demoAdminOf("济南市交通运输局");

let profileDir: string;
let context: BrowserContext;
let page: Page;
let redis: Redis;

beforeAll(async () => {
  redis = new Redis(inject("redisUrl"));
  await restoreDemoAdmins(redis, provinceAdmin.unit, jinanAdmin.unit);
  ({ context, page, profileDir } = await launchChromium("ce-portal-chromium-"));
});

afterAll(async () => {
  await context?.close();
  redis?.disconnect();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

/** The answer of the captcha the login form shows, read where identity keeps it. */
async function captchaAnswer(): Promise<string> {
  const captchaId = await page.locator('input[name="captchaId"]').inputValue();
  expect(captchaId).not.toBe("");
  const answer = await redis.get(`${prefix}:captcha:${captchaId}`);
  if (!answer) throw new Error(`no captcha answer in Redis for ${captchaId}`);
  return answer;
}

async function fillLogin(password: string, captcha: string, who: DemoLogin = provinceAdmin) {
  await page.getByLabel("用户类型").selectOption({ label: "主管部门" });
  await page.getByPlaceholder("请输入证件号").fill(who.idNumber);
  await page.getByPlaceholder("请输入密码").fill(password);
  await page.getByPlaceholder("请输入验证码").fill(captcha);
}

/** Signs in from /login, or from a protected page (`from`) that must send the person there and back. */
async function signIn(password: string, who: DemoLogin = provinceAdmin, opts: { remember?: boolean; from?: string } = {}) {
  await page.goto(`${portalUrl}${opts.from ?? "/login"}`);
  if (opts.from) await page.waitForURL(/\/login\?redirectTo=/);
  await fillLogin(password, await captchaAnswer(), who);
  if (opts.remember) await page.getByLabel("记住密码").check();
  await Promise.all([page.waitForURL(`${portalUrl}${opts.from ?? "/"}`), page.getByRole("button", { name: "登录" }).click()]);
  await page.getByText(`您好! ${who.name}`).waitFor();
}

async function sessionCookie() {
  const cookie = (await context.cookies(portalUrl)).find((c) => c.name === "ce_session");
  if (!cookie) throw new Error("no ce_session cookie");
  return cookie;
}

async function signOut(who: DemoLogin = provinceAdmin) {
  await page.getByText(`您好! ${who.name}`).click();
  await Promise.all([page.waitForURL(/\/login$/), page.getByRole("button", { name: "退出" }).click()]);
}

describe("signing in and managing subordinate units in the browser", () => {
  it("refuses a wrong captcha next to the captcha field and shows a new captcha", async () => {
    await page.goto(`${portalUrl}/login`);
    await page.getByText("用户登录").waitFor();
    await page.screenshot({ path: "/tmp/portal-login.png", fullPage: true });
    const firstId = await page.locator('input[name="captchaId"]').inputValue();
    const right = await captchaAnswer();
    const wrong = [...right].map((d) => String((Number(d) + 1) % 10)).join("");

    await fillLogin(provinceAdmin.password, wrong);
    await page.getByRole("button", { name: "登录" }).click();

    await page.getByText("验证码不正确或已过期").waitFor();
    await expect.poll(() => page.locator('input[name="captchaId"]').inputValue()).not.toBe(firstId);
    expect(await page.getByPlaceholder("请输入验证码").inputValue()).toBe("");
    await page.screenshot({ path: "/tmp/portal-login-error.png", fullPage: true });
  });

  it("signs the province admin in and lists the subordinate units with the guide's columns and pager", async () => {
    await signIn(provinceAdmin.password);
    await page.screenshot({ path: "/tmp/portal-home.png", fullPage: true });
    const cookie = await sessionCookie();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie.expires).toBe(-1); // without 记住密码 the cookie ends with the browser

    await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "管理直属账户" }).click();
    // The section opens on its first page.
    await expect.poll(() => page.getByRole("navigation", { name: "当前位置" }).innerText()).toBe("管理直属账户 > 管理内设部门");
    await page.getByRole("navigation", { name: "管理直属账户" }).getByRole("link", { name: "管理下级单位" }).click();
    await page.waitForURL(/\/accounts\/subordinates$/);
    await expect.poll(() => page.getByRole("navigation", { name: "当前位置" }).innerText()).toBe("管理直属账户 > 管理下级单位");

    const headers = await page.locator("table thead th").allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(["序号", "单位名称", "单位性质", "所属行业", "机构代码/统一社会信用代码", "操作"]);
    const pager = await page.getByRole("navigation", { name: "分页" }).innerText();
    expect(pager).toMatch(/第1\/\d+页 共\d+条 显示第1到\d+条/);
    expect(await page.locator("table tbody tr").count()).toBeGreaterThan(1);
    await page.screenshot({ path: "/tmp/portal-subordinates.png", fullPage: true });

    await page.getByLabel("单位名称").fill("济南");
    await Promise.all([page.waitForURL(/name=/), page.getByRole("button", { name: "查询" }).click()]);
    await expect.poll(() => page.getByLabel("单位名称").inputValue()).toBe("济南");
    // The URL can change before the filtered rows render: wait for them.
    await expect.poll(async () => (await page.locator("table tbody tr td:nth-child(2)").allInnerTexts()).every((n) => n.includes("济南"))).toBe(true);
    const names = await page.locator("table tbody tr td:nth-child(2)").allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toContain("济南");
    await page.screenshot({ path: "/tmp/portal-subordinates-jinan.png", fullPage: true });
  });

  it("changes the password, signs out, and signs in again with the new one", async () => {
    await page.getByText(`您好! ${provinceAdmin.name}`).click();
    await page.getByRole("link", { name: "修改密码" }).click();
    await page.waitForURL(/\/account\/password$/);
    await page.getByLabel("原密码").fill(provinceAdmin.password);
    await page.getByLabel(/^\*?新密码:?$/).fill("Ce654321");
    await page.getByLabel("确认新密码").fill("Ce654321");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("密码修改成功").waitFor();
    await page.screenshot({ path: "/tmp/portal-password-changed.png", fullPage: true });
    await page.getByText(`您好! ${provinceAdmin.name}`).waitFor();

    await signOut();
    await signIn("Ce654321", provinceAdmin, { remember: true });
    const days = ((await sessionCookie()).expires * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    await signOut();
  });

  it("resets a forgotten password through the mailed link", async () => {
    await page.goto(`${portalUrl}/forgot-password`);
    await page.getByLabel("用户类型").selectOption({ label: "主管部门" });
    await page.getByPlaceholder("请输入证件号").fill(jinanAdmin.idNumber);
    await page.getByPlaceholder("请输入验证码").fill(await captchaAnswer());
    await page.getByRole("button", { name: "提交" }).click();
    await page.getByText("如果该账户存在，重置密码的链接已发送到账户绑定的电子邮箱").waitFor();

    await page.goto(`${portalUrl}/dev/mailbox`);
    const link = page.locator("table tbody tr").filter({ hasText: "jn.admin@example.com" }).getByRole("link").first();
    await Promise.all([page.waitForURL(/\/reset-password\?token=/), link.click()]);
    await page.getByLabel(/^\*?新密码:?$/).fill("Jinan2024x");
    await page.getByLabel("确认新密码").fill("Jinan2024x");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("密码已重置，请使用新密码登录。").waitFor();

    // Signing in from a protected page comes back to it, filters and all.
    await signIn("Jinan2024x", jinanAdmin, { from: "/accounts/subordinates?name=%E5%85%AC%E8%B7%AF" });
    expect(await page.locator("table tbody tr td:nth-child(2)").allInnerTexts()).toEqual(["济南市公路事业发展中心"]);
    await signOut(jinanAdmin);
  });
});
