import { writeFileSync } from "node:fs";
import { calendarYear } from "@ce/contracts";
import type { Redis } from "ioredis";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmInDialog } from "./dialog-support.ts";
import { approvedProfessionals, fillDeclaredClass, openDeclaration, type Registered, uniqueName, writeScan } from "./hours-support.ts";
import { expectTrail, openBrowser, type Person, portalUrl, signIn, signOut, takeOverDemoAdmin } from "./org-support.ts";
import { pick } from "./picker-support.ts";

// 学时申报 → 学时审批 (济南市, then 省厅) → 查看申报记录 → 学时审验 (failed), through the real portal and services.
const scanPath = writeScan("hours-e2e");

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let redis: Redis;
let bus: Person, jinan: Person, province: Person;
// A person of this test's own, so no other test's declarations mix into its rows.
const driverName = uniqueName("学时测试");
let driver: Registered;

beforeAll(async () => {
  browser = await openBrowser();
  ({ page, redis } = browser);
  bus = await takeOverDemoAdmin(redis, "济南公共交通集团有限公司", "BusHours2026");
  jinan = await takeOverDemoAdmin(redis, "济南市交通运输局", "JinanHours2026");
  province = await takeOverDemoAdmin(redis, "山东省交通运输厅", "ShandongHours2026");
  // Registered and approved through identity; hours hears of them by identity's events.
  driver = (await approvedProfessionals(redis, bus, "济南公共交通集团有限公司", [driverName]))[0]!;
});
afterAll(() => browser?.close());

/**
 * Approves the test's declaration on 学时审批 › 审核: the page pre-fills the current 认定学时
 * (`current`); `refused` figures are tried first and must show their message; `lowerTo` approves a
 * lower figure with its 调减说明, otherwise the pre-filled one is approved.
 */
async function approveAs(who: Person, current: string, opts: { refused?: Array<[string, string]>; lowerTo?: [string, string] } = {}) {
  await signIn(page, redis, who);
  await page.goto(`${portalUrl}/hours/approvals?name=${encodeURIComponent(driverName)}`);
  await expectTrail(page, "学时审批", { contains: true });
  const row = page.getByRole("row").filter({ hasText: driverName });
  await expect.poll(() => row.count()).toBe(1);
  await row.getByRole("link", { name: "审核" }).click();
  await expect.poll(() => page.locator("#recognizedHours").inputValue()).toBe(current);
  for (const [figure, message] of opts.refused ?? []) {
    await page.locator("#recognizedHours").fill(figure);
    await page.getByRole("button", { name: "审核通过" }).click();
    await page.getByText(message).waitFor();
  }
  if (opts.lowerTo) {
    await page.locator("#recognizedHours").fill(opts.lowerTo[0]);
    await page.getByLabel("调减说明").fill(opts.lowerTo[1]);
  } else await page.locator("#recognizedHours").fill(current);
  await page.screenshot({ path: "/tmp/hours-approve.png", fullPage: true });
  await Promise.all([page.waitForURL(`${portalUrl}/hours/approvals`), page.getByRole("button", { name: "审核通过" }).click()]);
  // Back on the list, the flash names what was decided.
  await page.getByText(`${driverName}的申报已审核通过`).waitFor();
  await signOut(page, who);
}

/**
 * The driver's declaration as a row of 查看申报记录 (less its checkbox): 专业课 岗位培训 of this year,
 * 申报学时 40, 认定学时 36, no 当前处理人, `result` as 认定结果, 申报单位 the unit whose admin declared
 * for the driver (empty when the person declares), and 详细.
 */
const recordRow = (result: string) => [
  driverName,
  String(calendarYear(new Date())),
  "专业课",
  "岗位培训",
  "40",
  "36",
  "",
  result,
  "济南公共交通集团有限公司",
  "详细",
];

describe("学时申报 → 学时审批 → 查看申报记录", () => {
  it("lets 济南公交 declare 岗位培训 with a scan; 济南市 and 省厅 approve; the record shows 审核通过 with 认定学时; a failed 学时审验 voids it", async () => {
    await signIn(page, redis, bus);
    await openDeclaration(page);
    await page.getByText("提示文字:提交岗位培训结业证书扫描件").waitFor();
    await pick(page, "选择申请人", driverName, `${driver.idNumberMasked}，济南公共交通集团有限公司`);
    const year = calendarYear(new Date());
    await fillDeclaredClass(page, { school: "济南公共交通集团培训中心", className: "驾驶员岗位培训班", from: "03-02", to: "03-06", hours: 40 });
    await page.getByLabel("学习内容").fill("安全驾驶与应急处置");
    await page.getByLabel("附件").setInputFiles(scanPath);
    await page.screenshot({ path: "/tmp/hours-declare.png", fullPage: true });
    await page.getByRole("button", { name: "提交申报" }).click();
    // Redirect-after-post: the page again, empty, with the flash.
    await page.getByText("申报成功，请在“查看申报记录”中查看审核进度。").waitFor();
    expect(await page.getByLabel("学校(单位)名称").inputValue()).toBe("");
    await signOut(page, bus);

    // 济南市 lowers 认定学时 to 36 (a reduction needs its reason); 省厅 starts from 36 and may not raise it back.
    await approveAs(jinan, "40", { refused: [["36", "认定学时低于40学时，请填写调减说明"]], lowerTo: ["36", "部分课时不符合规定"] });
    await approveAs(province, "36", { refused: [["40", "认定学时不能高于下级单位已认定的36学时"]] });

    await signIn(page, redis, bus);
    await page.goto(`${portalUrl}/hours/records?tab=APPROVED`);
    await expectTrail(page, "查看申报记录 > 学时申报记录");
    const row = page.getByRole("row").filter({ hasText: driverName });
    expect((await row.locator("td").allInnerTexts()).slice(1)).toEqual(recordRow("通过"));
    await page.screenshot({ path: "/tmp/hours-records.png", fullPage: true });
    // 导出CSV: UTF-8 with a BOM so Excel shows the Chinese.
    const csv = await page.request.get(`${portalUrl}/hours/records/export?tab=APPROVED&format=csv`);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain(`"${driverName}","${year}","专业课","岗位培训","40","36","","通过"`);
    // 导出Excel (the default): an XLSX workbook.
    const xlsx = await page.request.get(`${portalUrl}/hours/records/export?tab=APPROVED`);
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
    expect((await xlsx.body()).subarray(0, 2).toString("latin1")).toBe("PK");
    await row.getByRole("link", { name: "详细" }).click();
    await page.getByText("按实际学时计算：40学时").waitFor();
    await page.locator("section[aria-label=附件] img").waitFor();
    expect(await page.locator("section[aria-label=附件] img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    const history = page.getByRole("region", { name: "审批记录" });
    expect(await history.innerText()).toContain("山东省交通运输厅");
    // Each level's figure and the reduction's reason.
    expect(await history.getByRole("row").filter({ hasText: "济南市交通运输局" }).innerText()).toMatch(/36[\s\S]*部分课时不符合规定/);
    expect(await history.getByRole("row").filter({ hasText: "山东省交通运输厅" }).innerText()).toContain("36");
    await page.screenshot({ path: "/tmp/hours-record-detail.png", fullPage: true });
    await signOut(page, bus);

    // 成果备案 › 学时审验: 济南市 fails the audit; the record is voided and counts as 审核不通过.
    await signIn(page, redis, jinan);
    await page.goto(`${portalUrl}/hours/audits`);
    await expectTrail(page, "成果备案 > 学时审验");
    await page.getByRole("row").filter({ hasText: driverName }).getByRole("checkbox").check();
    await page.getByLabel("审验不通过原因").fill("结业证书无法核实");
    await page.screenshot({ path: "/tmp/hours-audits.png", fullPage: true });
    // 审验不通过 voids the record for good: it asks first; 取消 changes nothing, 确定 does it.
    const dialog = page.getByRole("dialog");
    await page.getByRole("button", { name: "审验不通过" }).click();
    expect(await dialog.innerText()).toContain("确定将选中的1条学时记录审验不通过吗？审验不通过的记录将作废，需重新申报。");
    await dialog.getByRole("button", { name: "取消" }).click();
    expect(await dialog.isVisible()).toBe(false);
    expect(await page.getByRole("row").filter({ hasText: driverName }).getByRole("checkbox").isChecked()).toBe(true);
    expect(await page.getByText("审验不通过，已作废").count()).toBe(0);
    await page.getByRole("button", { name: "审验不通过" }).click();
    await confirmInDialog(page);
    await page.getByText("1条记录审验不通过，已作废，需重新申报").waitFor();
    await signOut(page, jinan);

    await signIn(page, redis, bus);
    await page.goto(`${portalUrl}/hours/records?tab=REJECTED`);
    const voided = page.getByRole("row").filter({ hasText: driverName });
    expect((await voided.locator("td").allInnerTexts()).slice(1)).toEqual(recordRow("已作废"));
    await signOut(page, bus);
  });

  it("refuses a renamed program as 附件 with the guide's formats named", async () => {
    const exePath = `${scanPath}.exe.png`;
    writeFileSync(exePath, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));
    await signIn(page, redis, bus);
    await openDeclaration(page);
    await pick(page, "选择申请人", driverName, `${driver.idNumberMasked}，济南公共交通集团有限公司`);
    await fillDeclaredClass(page, { school: "培训中心", className: "培训班", from: "03-02", to: "03-03", hours: 8 });
    await page.getByLabel("附件").setInputFiles(exePath);
    await page.getByRole("button", { name: "提交申报" }).click();
    await page.getByText("附件格式不正确，仅支持 jpg、jpeg、gif、bmp、png 图片").waitFor();
    await signOut(page, bus);
  });
});
