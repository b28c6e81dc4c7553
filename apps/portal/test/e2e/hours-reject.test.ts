import { rmSync } from "node:fs";
import { calendarYear } from "@ce/contracts";
import type { Redis } from "ioredis";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvedProfessionals, declareOnline, fillDeclaredClass, openDeclaration, type Registered, tokenOf, uniqueName, writeScan } from "./hours-support.ts";
import { expectTrail, factOf, openBrowser, type Person, portalUrl, signIn, signOut, takeOverDemoAdmin } from "./org-support.ts";

// 学时申报 → 学时审批 › 审核 › 驳回 → 查看申报记录, through the real portal and services: a professional
// of 济南公交 declares for themself; their unit's admin — the chain's first level — 驳回s it with a
// 驳回原因 (RejectReasonSelect) and a 驳回说明, through the confirmation; the declarant finds it under
// 审核不通过 with the reason in 审批记录 (the guide's words: 认定结果 不通过, 审批结果 审核不通过).
const BUS = "济南公共交通集团有限公司";
const EXPLANATION = "结业证书扫描件模糊无法辨认";
const scanPath = writeScan("hours-reject");

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let redis: Redis;
let bus: Person;
let declarant: Registered;

beforeAll(async () => {
  browser = await openBrowser();
  ({ page, redis } = browser);
  bus = await takeOverDemoAdmin(redis, BUS, "BusReject2026");
  // Registered and approved through identity; hours hears of them by identity's events.
  declarant = (await approvedProfessionals(redis, bus, BUS, [uniqueName("驳回测试")]))[0]!;
});
afterAll(async () => {
  await browser?.close();
  rmSync(scanPath, { force: true });
});

describe("学时审批 › 驳回 with a reason, as the declarant sees it", () => {
  it("lets the professional declare 岗位培训 for themself", async () => {
    await signIn(page, redis, declarant);
    await openDeclaration(page);
    await fillDeclaredClass(page, { school: "济南公共交通集团培训中心", className: "新能源车辆维修培训班", from: "04-06", to: "04-08", hours: 24 });
    await page.getByLabel("附件").setInputFiles(scanPath);
    await page.getByRole("button", { name: "提交申报" }).click();
    await page.getByText("申报成功，请在“查看申报记录”中查看审核进度。").waitFor();
    await signOut(page, declarant);
  });

  it("lets 济南公交's admin 驳回 it on 审核: a 驳回原因 is required, 其他 needs its 驳回说明, 取消 changes nothing, 确定 rejects", async () => {
    await signIn(page, redis, bus);
    await page.goto(`${portalUrl}/hours/approvals?name=${encodeURIComponent(declarant.name)}`);
    await expectTrail(page, "学时审批", { contains: true });
    const row = page.getByRole("row").filter({ hasText: declarant.name });
    await expect.poll(() => row.count()).toBe(1);
    await Promise.all([page.waitForURL(/\/hours\/approvals\/[0-9a-f-]{36}$/), row.getByRole("link", { name: "审核" }).click()]);
    const detail = page.url();
    await page.getByText("新能源车辆维修培训班").waitFor();
    const rejectButton = page.getByRole("button", { name: "驳回", exact: true });
    const dialog = page.getByRole("dialog");

    // No 驳回原因: refused by the field, nothing asked.
    await rejectButton.click();
    await page.getByRole("listitem").filter({ hasText: "请选择驳回原因" }).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    // 其他 without a 驳回说明: refused by the field as well.
    await page.getByLabel("驳回原因").selectOption({ label: "其他" });
    await rejectButton.click();
    await page.getByRole("listitem").filter({ hasText: "请填写驳回说明" }).waitFor();
    expect(await dialog.isVisible()).toBe(false);

    // A reason from the list and an explanation: it asks first, naming the person and the class.
    await page.getByLabel("驳回原因").selectOption({ label: "证明材料不全或不清晰" });
    await page.getByLabel("驳回说明").fill(EXPLANATION);
    await rejectButton.click();
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.innerText()).toContain(`确定驳回${declarant.name}的申报“新能源车辆维修培训班”吗？驳回后申报人需重新申报。`);
    await dialog.getByRole("button", { name: "取消" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(page.url()).toBe(detail);
    await page.screenshot({ path: "/tmp/hours-reject-detail.png", fullPage: true });

    await rejectButton.click();
    await Promise.all([page.waitForURL(`${portalUrl}/hours/approvals`), dialog.getByRole("button", { name: "确定" }).click()]);
    // Back on the list, the flash names what was decided; the declaration waits nowhere any more.
    await page.getByText(`${declarant.name}的申报已驳回`).waitFor();
    await page.goto(`${portalUrl}/hours/approvals?name=${encodeURIComponent(declarant.name)}`);
    await expect.poll(() => page.getByRole("row").filter({ hasText: declarant.name }).count()).toBe(0);
    await signOut(page, bus);
  });

  it("shows the declarant the record under 审核不通过, and on 详细 the reason in 审批记录", async () => {
    await signIn(page, redis, declarant);
    await page.goto(`${portalUrl}/hours/records?tab=REJECTED`);
    await expectTrail(page, "查看申报记录 > 学时申报记录");
    const row = page.getByRole("table", { name: "学时申报记录" }).getByRole("row").filter({ hasText: declarant.name });
    await expect.poll(() => row.count()).toBe(1);
    expect((await row.locator("td").allInnerTexts()).slice(1)).toEqual([
      declarant.name,
      String(calendarYear(new Date())),
      "专业课",
      "岗位培训",
      "24",
      "",
      "",
      "不通过",
      "本人申报",
      "详细",
    ]);
    await Promise.all([page.waitForURL(/\/hours\/records\/[0-9a-f-]{36}$/), row.getByRole("link", { name: "详细" }).click()]);
    expect(await factOf(page, "认定结果").innerText()).toBe("不通过");
    const decision = page.getByRole("region", { name: "审批记录" }).getByRole("row").filter({ hasText: BUS });
    expect(await decision.count()).toBe(1);
    const cells = await decision.locator("td").allInnerTexts();
    expect(cells[3]).toBe("审核不通过");
    expect(cells[5]).toBe(`证明材料不全或不清晰：${EXPLANATION}`);
    // 审批时间 in Beijing time: read as UTC+8 it is minutes ago (UTC printed would be 8 hours off).
    expect(cells[2]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/);
    const decidedAt = new Date(`${cells[2]?.replace(" ", "T")}+08:00`).getTime();
    expect(Math.abs(Date.now() - decidedAt)).toBeLessThan(10 * 60_000);
    await page.screenshot({ path: "/tmp/hours-reject-record.png", fullPage: true });
    await signOut(page, declarant);
  });

  it("shows the reviewer the list's 异常提示 on the 审核 page too (new-user pass F5)", async () => {
    // The same scan twice, the same day: the second declaration reuses an attachment and overlaps the first.
    const token = await tokenOf(redis, declarant);
    await declareOnline(token, declarant, "PROFESSIONAL", 4);
    const second = await declareOnline(token, declarant, "PROFESSIONAL", 4);
    await signIn(page, redis, bus);
    await page.goto(`${portalUrl}/hours/approvals/${second}`);
    const hint = page.getByRole("status").filter({ hasText: "异常提示" });
    await hint.waitFor();
    expect(await hint.innerText()).toMatch(/^异常提示：.*附件与其他申报重复.*与本人其他申报时间重叠.*，请核对后再审核。$/);
    await signOut(page, bus);
  });
});
