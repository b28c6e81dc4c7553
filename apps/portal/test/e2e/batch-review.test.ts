import { calendarYear } from "@ce/contracts";
import type { Redis } from "ioredis";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetSession } from "./chromium.ts";
import { confirmInDialog } from "./dialog-support.ts";
import { approvedProfessionals, hoursAs, identityAs, PNG_BASE64, type Registered, registerProfessional, tokenOf, uniqueName } from "./hours-support.ts";
import { expectTrail, openBrowser, type Person, portalUrl, signIn, signOut, takeOverDemoAdmin } from "./org-support.ts";

// The batch buttons, clicked in the browser with several rows ticked: 学时审批's 批量审核通过 and
// 审核注册人员's 审核通过. A row another admin decided meanwhile is skipped and named in the flash
// (batch contract). 驳回 — for good — asks first (ConfirmSubmit), on the list and on a 详细 page.
// Every person is created through identity (hours-support.ts).
const BUS = "济南公共交通集团有限公司";

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let redis: Redis;
let bus: Person, jinan: Person, province: Person;

beforeAll(async () => {
  browser = await openBrowser();
  ({ page, redis } = browser);
  bus = await takeOverDemoAdmin(redis, BUS, "BusBatch2026");
  jinan = await takeOverDemoAdmin(redis, "济南市交通运输局", "JinanBatch2026");
  province = await takeOverDemoAdmin(redis, "山东省交通运输厅", "ShandongBatch2026");
});
afterAll(() => browser?.close());

/** The names in the rows of the table captioned `caption` (the column headed 姓名). */
async function namesIn(page: Page, caption: string): Promise<string[]> {
  const table = page.locator("table").filter({ has: page.locator("caption", { hasText: caption }) });
  const header = await table.locator("thead th").allInnerTexts();
  const column = header.findIndex((h) => h.trim() === "姓名");
  expect(column).toBeGreaterThanOrEqual(0);
  const names = await table.locator(`tbody tr td:nth-child(${column + 1})`).allInnerTexts();
  return names.map((n) => n.trim()).sort();
}

describe("学时审批 › 批量审核通过", () => {
  it("approves the ticked declarations at 济南市, names the one another admin decided meanwhile; the unticked one stays", async () => {
    const stem = uniqueName("批量");
    const people = await approvedProfessionals(redis, bus, BUS, [`${stem}甲`, `${stem}乙`, `${stem}丙`, `${stem}丁`]);
    const year = calendarYear(new Date());
    const busApi = hoursAs(await tokenOf(redis, bus));
    // The declaring itself is driven in the browser by hours-declare-approve.test.ts.
    const declared: string[] = [];
    for (const p of people) {
      const { id } = await busApi.declarations.declare.mutate({
        professionalId: p.accountId,
        year,
        formCode: "JOB_TRAINING",
        schoolName: "济南公共交通集团培训中心",
        className: "驾驶员岗位培训班",
        startDate: `${year}-03-02`,
        endDate: `${year}-03-03`,
        score: "合格",
        requestedHours: 8,
        subject: "PROFESSIONAL",
        details: {},
        attachments: [{ name: "证书.png", contentBase64: PNG_BASE64 }],
      });
      declared.push(id);
    }
    const [first, second, third, fourth] = people as [Registered, Registered, Registered, Registered];

    await signIn(page, redis, jinan);
    await page.goto(`${portalUrl}/hours/approvals?name=${encodeURIComponent(stem)}`);
    await expectTrail(page, "学时审批", { contains: true });
    expect(await namesIn(page, "待审批的学时申报")).toEqual([first.name, second.name, third.name, fourth.name].sort());
    for (const p of [first, second, third]) await page.getByRole("checkbox", { name: `选择${p.name}的申报` }).check();
    // 批量驳回 needs a 驳回原因: refused on the spot, the rows stay ticked.
    await page.getByRole("button", { name: "批量驳回" }).click();
    await page.getByRole("listitem").filter({ hasText: "请选择驳回原因" }).waitFor();
    expect(await page.getByRole("checkbox", { name: `选择${first.name}的申报` }).isChecked()).toBe(true);
    // Meanwhile another admin of 济南市 approves the third (here through the service).
    await hoursAs(await tokenOf(redis, jinan)).approvals.approve.mutate({ declarationId: declared[2]! });
    await page.screenshot({ path: "/tmp/hours-batch-approve.png", fullPage: true });
    await page.getByRole("button", { name: "批量审核通过" }).click();
    await page.getByText(`已审核通过2条申报；1条已被其他管理员处理：${third.name}的申报`).waitFor();
    await page.screenshot({ path: "/tmp/hours-batch-flash.png", fullPage: true });
    // The bar starts afresh: 驳回原因 shows its prompt again.
    expect(await page.getByLabel("驳回原因").evaluate((s: HTMLSelectElement) => s.options[s.selectedIndex]?.text)).toBe("请选择驳回原因");
    await expect.poll(() => namesIn(page, "待审批的学时申报")).toEqual([fourth.name]);
    await signOut(page, jinan);

    // The next level's list: the three approved at 济南市 now wait at 省厅, the fourth does not.
    await signIn(page, redis, province);
    await page.goto(`${portalUrl}/hours/approvals?name=${encodeURIComponent(stem)}`);
    expect(await namesIn(page, "待审批的学时申报")).toEqual([first.name, second.name, third.name].sort());
    await signOut(page, province);
  });
});

describe("审核账户 › 审核注册人员 › 审核通过 on several rows", () => {
  it("approves the ticked registrations, names the one another admin decided meanwhile, and lets the approved sign in", async () => {
    const stem = uniqueName("批审");
    const people: Registered[] = [];
    for (const suffix of ["甲", "乙", "丙"]) people.push(await registerProfessional(redis, BUS, `${stem}${suffix}`));
    const [first, second, third] = people as [Registered, Registered, Registered];

    await signIn(page, redis, bus);
    await page.goto(`${portalUrl}/reviews/professionals?name=${encodeURIComponent(stem)}`);
    await expectTrail(page, "审核账户 > 审核注册人员");
    expect(await namesIn(page, "待审核注册人员")).toEqual([first.name, second.name, third.name].sort());
    for (const p of people) await page.getByRole("checkbox", { name: `选择${p.name}` }).check();
    // Meanwhile the third is approved elsewhere (another admin's tab, here the same admin's API call).
    const elsewhere = await identityAs(await tokenOf(redis, bus)).review.decideProfessionals.mutate({ ids: [third.accountId], decision: "APPROVE" });
    expect(elsewhere.decided).toHaveLength(1);
    await page.screenshot({ path: "/tmp/reviews-batch-approve.png", fullPage: true });
    await page.getByRole("button", { name: "审核通过", exact: true }).click();
    await page.getByText(`已审核通过2条记录；1条已被其他管理员处理：${third.name}`).waitFor();
    await expect.poll(() => namesIn(page, "待审核注册人员")).toEqual([]);
    await signOut(page, bus);

    // Approved means able to sign in as a professional.
    for (const p of [first, second]) {
      await signIn(page, redis, p);
      await forgetSession(page);
    }
  });
});

describe("审核注册人员 › 驳回 asks first", () => {
  it("驳回 of the ticked rows and from a 详细 page opens a confirmation: 取消 changes nothing, 确定 rejects", async () => {
    const stem = uniqueName("驳确");
    const [first, second] = [await registerProfessional(redis, BUS, `${stem}甲`), await registerProfessional(redis, BUS, `${stem}乙`)];
    await signIn(page, redis, bus);
    await page.goto(`${portalUrl}/reviews/professionals?name=${encodeURIComponent(stem)}`);
    const dialog = page.getByRole("dialog");
    await page.getByRole("checkbox", { name: `选择${first.name}` }).check();
    await page.getByLabel("原因:", { exact: true }).fill("证件照片不清晰");
    await page.getByRole("button", { name: "驳回", exact: true }).click();
    expect(await dialog.innerText()).toContain("确定驳回选中的1条记录吗？");
    await dialog.getByRole("button", { name: "取消" }).click();
    expect(await dialog.isVisible()).toBe(false);
    expect(await namesIn(page, "待审核注册人员")).toEqual([first.name, second.name].sort());
    expect(await page.getByRole("checkbox", { name: `选择${first.name}` }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "驳回", exact: true }).click();
    await confirmInDialog(page);
    await page.getByText("已驳回1条记录").waitFor();
    await expect.poll(() => namesIn(page, "待审核注册人员")).toEqual([second.name]);

    // The 详细 page's 驳回 asks the same way.
    await page.getByRole("row").filter({ hasText: second.name }).getByRole("link", { name: /详细/ }).click();
    await page.waitForURL(/\/reviews\/professionals\/[0-9a-f-]{36}$/);
    await page.getByLabel(/驳回原因/).fill("工作单位不符");
    await page.getByRole("button", { name: "驳回", exact: true }).click();
    // …naming the record.
    expect(await dialog.innerText()).toContain(`确定驳回${second.name}的注册申请吗？`);
    await confirmInDialog(page);
    await page.getByText("已驳回1条记录").waitFor();
    await signOut(page, bus);
  });
});
