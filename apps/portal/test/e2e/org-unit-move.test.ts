import type { Redis } from "ioredis";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiLogin, freshEmployer, openBrowser, type Person, portalUrl, signIn, takeOverDemoAdmin } from "./org-support.ts";

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let redis: Redis;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  redis = browser.redis;
});
afterAll(() => browser?.close());

async function approveOn审核机构信息修改(admin: Person, unitName: string) {
  await signIn(page, redis, admin);
  await page.goto(`${portalUrl}/reviews/unit-changes`);
  await page.getByRole("checkbox", { name: `选择${unitName}` }).check();
  await page.getByRole("button", { name: "通过" }).click();
  await page.getByText(/已通过1条申请/).waitFor();
  // Decided by this unit: it leaves 待审核.
  await page.getByRole("checkbox", { name: `选择${unitName}` }).waitFor({ state: "detached" });
}

async function subordinateNames(admin: Person, unitName: string): Promise<string[]> {
  await signIn(page, redis, admin);
  await page.goto(`${portalUrl}/accounts/subordinates?name=${encodeURIComponent(unitName)}`);
  await page.locator("table tbody tr").first().waitFor();
  return page.locator("table tbody tr td:nth-child(2)").allInnerTexts();
}

describe("更换上级部门 with both approvals in the browser", () => {
  it("moves a new employer from 济南 to 青岛 once both bureaus approved", async () => {
    const jinan = await takeOverDemoAdmin(redis, "济南市交通运输局", "JinanMove2024");
    const qingdao = await takeOverDemoAdmin(redis, "青岛市交通运输局", "QingdaoMove2024");
    const unitName = `济南迁移测试${Date.now().toString(36).slice(-5)}有限公司`;
    const employer = await freshEmployer(redis, await apiLogin(redis, jinan), unitName);

    await signIn(page, redis, employer);
    await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "基本信息修改" }).click();
    await page.waitForURL(/\/unit\/profile$/);
    await page.getByLabel("新的上级部门").selectOption({ label: "青岛市交通运输局" });
    await page.getByRole("form", { name: "更换上级部门" }).getByRole("button", { name: "提交申请" }).click();
    await page.getByText("更换上级部门申请已提交，需原上级部门和新上级部门都审核通过").waitFor();
    await page.screenshot({ path: "/tmp/org-unit-profile.png", fullPage: true });

    await approveOn审核机构信息修改(jinan, unitName);
    await page.screenshot({ path: "/tmp/org-unit-changes.png", fullPage: true });
    // One approval is not enough: the unit is still 济南's.
    expect(await subordinateNames(jinan, unitName)).toEqual([unitName]);

    await approveOn审核机构信息修改(qingdao, unitName);
    await page.getByText("其中1条已生效").waitFor();
    await page.getByRole("tab", { name: "已审核" }).click();
    await page.locator("table tbody tr").filter({ hasText: unitName }).filter({ hasText: "审核通过" }).waitFor();

    expect(await subordinateNames(qingdao, unitName)).toEqual([unitName]);
    await signIn(page, redis, jinan);
    await page.goto(`${portalUrl}/accounts/subordinates?name=${encodeURIComponent(unitName)}`);
    await page.getByText("没有数据").waitFor();
  });
});
