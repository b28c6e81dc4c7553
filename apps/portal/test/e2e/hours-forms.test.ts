import { randomBytes } from "node:crypto";
import { calendarDate } from "@ce/contracts";
import type { Redis } from "ioredis";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectTrail, openBrowser, portalUrl, restoreDemoAdmins, signIn } from "./org-support.ts";
import { demoAdminOf } from "./people-support.ts";

// 学时申报 › 学习形式管理: the province edits 学术会议 as a new version; a city admin only sees a notice.
// (岗位培训 stays as it is: hours-declare-approve declares with it.)
const province = demoAdminOf("山东省交通运输厅");
const jinan = demoAdminOf("济南市交通运输局");

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let redis: Redis;

beforeAll(async () => {
  browser = await openBrowser();
  ({ page, redis } = browser);
  await restoreDemoAdmins(redis, province.unit, jinan.unit);
});
afterAll(() => browser?.close());

describe("学习形式管理", () => {
  it("lets the province save a new version of 学术会议, effective today", async () => {
    await signIn(page, redis, province);
    // 学时申报 holds 学时申报 and 学习形式管理 for the province's admin: the section link opens the first,
    // the section's menu the second. (Each click waits for its own navigation: a second click at
    // once raced the first and could land on the page being left.)
    await Promise.all([
      page.waitForURL(`${portalUrl}/hours/declare`),
      page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "学时申报" }).click(),
    ]);
    await Promise.all([
      page.waitForURL(`${portalUrl}/hours/forms`),
      page.getByRole("navigation", { name: "学时申报" }).getByRole("link", { name: "学习形式管理" }).click(),
    ]);
    await page.getByRole("heading", { name: "学习形式管理" }).waitFor();
    await expectTrail(page, "学习形式管理", { contains: true });
    const row = page.getByRole("row").filter({ hasText: "学术会议" }).first();
    await expect.poll(() => row.innerText()).toContain("按级别计算");
    const before = await row.innerText();

    await row.getByRole("link", { name: "编辑" }).click();
    await page.waitForURL(`${portalUrl}/hours/forms/CONFERENCE`);
    await page.getByRole("heading", { name: "编辑学习形式：学术会议" }).waitFor();
    const today = calendarDate(new Date());
    const hint = `提交会议通知、参会证明扫描件（${randomBytes(2).toString("hex")}）`;
    const hours = 8 + Math.floor(Math.random() * 4) + 1;
    await page.getByLabel("提示文字").fill(hint);
    await page.getByLabel("省级学术会议学时", { exact: true }).fill(String(hours));
    await page.getByLabel("生效日期").fill(today);
    await expect.poll(() => page.getByText("已认定的记录不受影响").count()).toBeGreaterThan(0);
    await Promise.all([page.waitForURL(`${portalUrl}/hours/forms`), page.getByRole("button", { name: "保存" }).click()]);

    await page.getByRole("status").filter({ hasText: "已保存“学术会议”的新版本" }).waitFor();
    const after = await page.getByRole("row").filter({ hasText: "学术会议" }).first().innerText();
    expect(after).toContain(hint);
    expect(after).toContain(`省级学术会议${hours}学时`);
    expect(after).toContain(today);
    const version = (s: string) => Number(/第(\d+)版/.exec(s)?.[1] ?? 0);
    expect(version(after)).toBe(version(before) + 1);
    await page.screenshot({ path: "/tmp/hours-forms.png", fullPage: true });
  });

  it("refuses a date in the past with the message next to the field", async () => {
    await page.goto(`${portalUrl}/hours/forms/CONFERENCE`);
    await page.getByLabel("生效日期").fill("2020-01-01");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("生效日期不能早于今天").waitFor();
    expect(page.url()).toBe(`${portalUrl}/hours/forms/CONFERENCE`);
    await page.screenshot({ path: "/tmp/hours-forms-edit.png", fullPage: true });
  });

  it("shows a 济南 admin a notice instead of the catalog, and no menu item", async () => {
    await signIn(page, redis, jinan);
    expect(await page.getByRole("link", { name: "学习形式管理" }).count()).toBe(0);
    await page.goto(`${portalUrl}/hours/forms`);
    await page.getByText("仅省级主管部门可维护学习形式").waitFor();
    expect(await page.getByRole("table").count()).toBe(0);
    await page.goto(`${portalUrl}/hours/forms/CONFERENCE`);
    await page.getByText("仅省级主管部门可维护学习形式").waitFor();
    expect(await page.getByRole("button", { name: "保存" }).count()).toBe(0);
  });
});
