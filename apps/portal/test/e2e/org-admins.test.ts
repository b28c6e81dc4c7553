import type { Redis } from "ioredis";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoProfessionals } from "../../../../services/identity/src/seed/demo-data.ts";
import { confirmInDialog } from "./dialog-support.ts";
import { expectTrail, openBrowser, type Person, portalUrl, signIn, signInAsDemoAdmin } from "./org-support.ts";
import { freshIdNumber } from "./people-support.ts";
import { pickerBox } from "./picker-support.ts";

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let redis: Redis;
const run = Date.now().toString(36).slice(-4);

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  redis = browser.redis;
});
afterAll(() => browser?.close());

const label = (text: string) => page.getByLabel(new RegExp(`^\\*?${text}:?$`));

async function openMenuPage(name: string, path: RegExp) {
  await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "管理直属账户" }).click();
  await page.getByRole("navigation", { name: "管理直属账户" }).getByRole("link", { name }).click();
  await page.waitForURL(path);
}

describe("管理内设部门, 角色管理 and 新增管理员 in the browser", () => {
  it("(a) 选择成为管理员: an employer admin picks an approved professional of the unit", async () => {
    await signInAsDemoAdmin(page, redis, "淄博市公共汽车公司", "ZiboBus2024");
    await openMenuPage("管理单位管理员", /\/accounts\/admins$/);
    await page.getByRole("link", { name: "新增管理员" }).click();
    await page.waitForURL(/\/accounts\/admins\/new/);
    expect(await page.getByRole("list", { name: "步骤" }).innerText()).toMatch(/填写管理员基本信息[\s\S]*权限确认[\s\S]*创建成功/);
    // The one picker (components/Picker.tsx) lists the unit's approved people on focus.
    const box = await pickerBox(page, "选择本单位已审核通过的人员");
    await box.focus();
    const first = page.getByRole("listbox", { name: "选择本单位已审核通过的人员" }).getByRole("option").first();
    await first.waitFor();
    // The option reads name then masked 证件号 (“丁佳慧3703001974****1600”): the name is the text before the digits.
    const chosen = /^[^\d\s（(]+/.exec((await first.innerText()).trim())?.[0] ?? "";
    await first.click();
    expect(await page.locator('input[type="hidden"][name="accountId"]').count()).toBe(1);
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByRole("button", { name: "确认创建" }).waitFor();
    await page.screenshot({ path: "/tmp/org-admin-step2.png", fullPage: true });
    await page.getByRole("button", { name: "确认创建" }).click();
    await page.getByText(`创建成功：${chosen}`).waitFor();
    await page.getByRole("link", { name: "返回管理员列表" }).click();
    await page.locator("table tbody tr").filter({ hasText: chosen }).waitFor();
  });

  it("builds departments and a role, then adds admins by 注册 and by 添加 and hands over the super admin role", async () => {
    const admin = await signInAsDemoAdmin(page, redis, "淄博市交通运输局", "ZiboAuth2024");

    // 管理内设部门: a department and a child below it.
    await openMenuPage("管理内设部门", /\/accounts\/departments$/);
    await expectTrail(page, "管理直属账户 > 管理内设部门");
    await page.getByRole("link", { name: "添加", exact: true }).click();
    await label("部门名称").fill(`综合科${run}`);
    await page.getByRole("button", { name: "保存" }).click();
    const row = page.locator("table tbody tr").filter({ hasText: `综合科${run}` });
    await row.getByRole("link", { name: "添加下级" }).click();
    await label("部门名称").fill(`文书组${run}`);
    await page.getByRole("button", { name: "保存" }).click();
    await page
      .locator("table tbody tr")
      .filter({ hasText: `文书组${run}` })
      .waitFor();
    const names = await page.locator("table tbody tr td:first-child").allInnerTexts();
    expect(names.findIndex((n) => n.includes(`文书组${run}`))).toBe(names.findIndex((n) => n.includes(`综合科${run}`)) + 1);
    await page.screenshot({ path: "/tmp/org-departments.png", fullPage: true });

    // 角色管理: a role with one module.
    await openMenuPage("角色管理", /\/accounts\/roles$/);
    await page.getByRole("link", { name: "添加角色" }).click();
    await page.getByRole("region", { name: "添加角色" }).getByLabel("角色名称").fill(`审批员${run}`);
    await page.getByRole("checkbox", { name: "学时审批" }).check();
    await page.getByRole("button", { name: "保存" }).click();
    await page
      .locator("table tbody tr")
      .filter({ hasText: `审批员${run}` })
      .filter({ hasText: "学时审批" })
      .waitFor();
    await page.screenshot({ path: "/tmp/org-roles.png", fullPage: true });

    // (b) 注册成为管理员: an ID already registered is sent to way (c); a new one is registered.
    const registered: Person = { userType: "AUTHORITY", idNumber: freshIdNumber(), password: "NewAdmin2024", name: `张新${run}` };
    await page.goto(`${portalUrl}/accounts/admins/new?way=REGISTER`);
    await label("证件号").fill(admin.idNumber);
    await label("密码").fill(registered.password);
    await label("确认密码").fill(registered.password);
    await label("真实姓名").fill(registered.name);
    await label("手机号").fill("13905330001");
    await label("电子邮箱").fill(`zhang${run}@example.com`);
    await label("固定电话").fill("0533-2345678");
    await label("工作部门").selectOption({ label: `文书组${run}` });
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByText("该证件号已注册，请使用“添加成为管理员(已是本系统用户)”").waitFor();
    await label("证件号").fill(registered.idNumber);
    await label("密码").fill(registered.password);
    await label("确认密码").fill(registered.password);
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByRole("checkbox", { name: `审批员${run}` }).check();
    await page.getByRole("button", { name: "确认创建" }).click();
    await page.getByText(`创建成功：${registered.name}`).waitFor();

    // (c) 添加成为管理员: an approved professional of another unit, with that account's password.
    const person = demoProfessionals().filter((p) => p.unitKey === "yt-port" && p.status === "APPROVED")[3];
    if (!person) throw new Error("no demo professional at 烟台港");
    await page.goto(`${portalUrl}/accounts/admins/new?way=EXISTING`);
    await label("证件号").fill(person.idNumber);
    await label("密码").fill("Wrong2024x");
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByText("密码与该账户当前密码不一致").waitFor();
    await label("密码").fill("Ce123456");
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByRole("button", { name: "确认创建" }).click();
    await page.getByText(`创建成功：${person.name}`).waitFor();

    await page.getByRole("link", { name: "返回管理员列表" }).click();
    const newRow = page.locator("table tbody tr").filter({ hasText: registered.name });
    expect(await newRow.innerText()).toContain(`审批员${run}`);
    expect(await newRow.innerText()).toContain("139*****01");
    await page.screenshot({ path: "/tmp/org-admins.png", fullPage: true });

    // 操作日志: the changes above, with who and what.
    await openMenuPage("操作日志", /\/audit$/);
    await page.getByLabel("操作类型").selectOption({ label: "添加部门" });
    await Promise.all([page.waitForURL(/action=department\.create/), page.getByRole("button", { name: "查询" }).click()]);
    await expect.poll(() => page.locator("table tbody tr td:nth-child(3)").allInnerTexts()).toEqual(["添加部门", "添加部门"]);
    await page
      .locator("table tbody tr")
      .filter({ hasText: `文书组${run}` })
      .filter({ hasText: admin.name })
      .waitFor();
    await page.screenshot({ path: "/tmp/org-audit.png", fullPage: true });
    await page.goto(`${portalUrl}/accounts/admins`);

    // 设为超级管理员: the former super admin loses admin rights at once.
    await newRow.getByRole("button", { name: "设为超级管理员" }).click();
    await confirmInDialog(page);
    await page.waitForURL(/\/login/);
    await page.goto(`${portalUrl}/accounts/admins`);
    await page.waitForURL(/\/login\?redirectTo=/);

    // The new admin's password was chosen by the one who registered them: 修改密码 comes first,
    // whatever page they ask for.
    await signIn(page, redis, registered);
    await page.goto(`${portalUrl}/accounts/admins`);
    await page.waitForURL(`${portalUrl}/account/password`);
    await page.getByText("您的密码由管理员设置").waitFor();
    await label("原密码").fill(registered.password);
    await label("新密码").fill("MyOwnPass2026");
    await label("确认新密码").fill("MyOwnPass2026");
    await Promise.all([page.waitForURL(`${portalUrl}/`), page.getByRole("button", { name: "保存" }).click()]);
    await page.getByText("密码修改成功").waitFor();
    await page.goto(`${portalUrl}/accounts/admins`);
    await page.locator("table tbody tr").filter({ hasText: registered.name }).filter({ hasText: "超级管理员" }).waitFor();
    expect(await page.locator("table tbody tr").filter({ hasText: admin.name }).count()).toBe(0);
  });
});
