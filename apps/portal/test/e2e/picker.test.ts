import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoProfessionals, demoUnits } from "../../../../services/identity/src/seed/demo-data.ts";
import { openBrowser, type Person, portalUrl, signIn, takeOverDemoAdmin } from "./org-support.ts";
import { pickerBox } from "./picker-support.ts";

// Issue 13.8: one searchable picker instead of a 300-entry dropdown — 学时申报's 选择申请人,
// 人员调出's 添加人员, 新增管理员's 选择成为管理员 and 查询统计's 主管部门 / 用人单位 — searched by
// name or 证件号 (the number only ever in a POST body), paged, usable by keyboard alone.
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let province: Person;
/** Every URL the browser asked for, to prove no ID number travelled in one. */
const requested: string[] = [];
const approved = demoProfessionals().filter((p) => p.status === "APPROVED");
const unitName = (key: string) => demoUnits.find((u) => u.key === key)?.name ?? "";

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  page.on("request", (r) => requested.push(r.url()));
  province = await takeOverDemoAdmin(browser.redis, "山东省交通运输厅", "PickerCheck2026");
});
afterAll(() => browser?.close());

/** The open picker's options (their visible text). */
const options = (name: string) => page.getByRole("listbox", { name }).getByRole("option").allInnerTexts();

describe("the one picker", () => {
  it("选择申请人: searched by name as typed, paged, chosen with the keyboard, and the declaration names that person", async () => {
    await signIn(page, browser.redis, province);
    await page.goto(`${portalUrl}/hours/declare`);
    const box = await pickerBox(page, "选择申请人");
    await box.focus();
    // Focus alone lists the first page of everyone the province may declare for (the demo has 295).
    await expect.poll(() => page.getByRole("status").filter({ hasText: "找到" }).first().innerText()).toMatch(/^找到\d+条，第1\/\d+页/);
    expect((await options("选择申请人")).length).toBe(10);
    await page.getByRole("button", { name: "下一页" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "找到" }).first().innerText()).toMatch(/第2\/\d+页/);

    const someone = approved[7] as (typeof approved)[number];
    await box.fill(someone.name);
    await expect.poll(async () => (await options("选择申请人")).some((o) => o.startsWith(someone.name))).toBe(true);
    await box.press("ArrowDown");
    await box.press("ArrowUp");
    await box.press("Enter");
    await expect.poll(() => page.getByRole("list", { name: "已选择的选择申请人" }).innerText()).toContain(someone.name);
    expect(await page.locator('input[type="hidden"][name="professionalId"]').count()).toBe(1);
    // The typed text has no name: nothing but the chosen id is posted.
    expect(await box.getAttribute("name")).toBeNull();
  });

  it("选择申请人: a full 证件号 is searched on Enter, in a POST body — no URL ever carries it", async () => {
    const someone = approved[11] as (typeof approved)[number];
    await page.goto(`${portalUrl}/hours/declare`);
    const box = await pickerBox(page, "选择申请人");
    await box.fill(someone.idNumber);
    await expect.poll(() => page.getByRole("status").first().innerText()).toContain("按回车键按证件号查找");
    const posted = page.waitForRequest((r) => r.url().endsWith("/pick/declarable") && r.method() === "POST");
    await box.press("Enter");
    expect((await posted).postData()).toContain(someone.idNumber);
    await expect.poll(() => options("选择申请人")).toEqual([expect.stringContaining(someone.name)]);
    expect((await options("选择申请人"))[0]).not.toContain(someone.idNumber);
    expect(requested.filter((u) => u.includes(someone.idNumber))).toEqual([]);
  });

  it("人员调出: 添加人员 picks a person of the unit; 调入单位 offers neither the sending unit nor the admin's own", async () => {
    const employer = await takeOverDemoAdmin(browser.redis, "济南公共交通集团有限公司", "PickerCheck2026");
    await signIn(page, browser.redis, employer);
    await page.goto(`${portalUrl}/reviews/transfers?tab=out`);
    const someone = approved.find((p) => p.unitKey === "jn-bus") as (typeof approved)[number];
    const box = await pickerBox(page, "添加人员");
    await box.fill(someone.name);
    await expect.poll(async () => (await options("添加人员")).some((o) => o.startsWith(someone.name))).toBe(true);
    const option = page.getByRole("listbox", { name: "添加人员" }).getByRole("option").filter({ hasText: someone.name }).first();
    await Promise.all([page.waitForURL(/accountId=/), option.click()]);
    await expect.poll(() => page.getByText("姓名：").locator("..").innerText()).toContain(someone.name);
    const targets = await page.locator('select[name="toUnitId"] option').allInnerTexts();
    expect(targets.length).toBeGreaterThan(1);
    expect(targets).not.toContain(unitName("jn-bus"));
  });

  it("选择成为管理员: lists the unit's approved people who are not admins yet", async () => {
    await page.goto(`${portalUrl}/accounts/admins/new?way=PROFESSIONAL`);
    const box = await pickerBox(page, "选择本单位已审核通过的人员");
    await box.focus();
    await expect.poll(async () => (await options("选择本单位已审核通过的人员")).length).toBeGreaterThan(0);
    await box.press("Enter");
    expect(await page.locator('input[type="hidden"][name="accountId"]').count()).toBe(1);
  });

  it("查询统计 主管部门: a unit of the caller's subtree chosen from the list filters the table", async () => {
    await signIn(page, browser.redis, province);
    await page.goto(`${portalUrl}/stats/professionals`);
    const box = await pickerBox(page, "主管部门");
    await box.fill("济南");
    await expect.poll(async () => (await options("主管部门")).some((o) => o.startsWith("济南市交通运输局"))).toBe(true);
    await page.getByRole("listbox", { name: "主管部门" }).getByRole("option").filter({ hasText: "济南市交通运输局" }).first().click();
    await Promise.all([page.waitForURL(/authority=/), page.getByRole("button", { name: "查询" }).click()]);
    expect(decodeURIComponent(new URL(page.url()).search)).toContain("authority=济南市交通运输局");
    await expect.poll(() => page.getByRole("list", { name: "已选择的主管部门" }).innerText()).toContain("济南市交通运输局");
  });
});
