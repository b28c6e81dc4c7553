import type { Redis } from "ioredis";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvedProfessionals, fillDeclaredClass, openDeclaration, type Registered, uniqueName, writeScan } from "./hours-support.ts";
import { factOf, openBrowser, type Person, portalUrl, signIn, signOut, takeOverDemoAdmin } from "./org-support.ts";
import { pick } from "./picker-support.ts";

// Issue 13 items 4, 2 and 5 through the real portal and services: a doubled 提交申报 makes one
// record; 学时审批 shows in 操作日志 in the guide's words; a 继续教育基地 declares a class for
// people of other units at once; 撤回申报 asks first (取消 changes nothing, 确定 withdraws).
const scanPath = writeScan("hours-once");
const BUS = "济南公共交通集团有限公司";

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let redis: Redis;
let bus: Person, jinan: Person, base: Person;
let people: Registered[];
const names = [uniqueName("一次申报"), uniqueName("基地学员甲"), uniqueName("基地学员乙")];

beforeAll(async () => {
  browser = await openBrowser();
  ({ page, redis } = browser);
  bus = await takeOverDemoAdmin(redis, BUS, "BusOnce2026");
  jinan = await takeOverDemoAdmin(redis, "济南市交通运输局", "JinanOnce2026");
  base = await takeOverDemoAdmin(redis, "山东交通职业学院继续教育基地", "BaseOnce2026");
  people = await approvedProfessionals(redis, bus, BUS, names);
});
afterAll(() => browser?.close());

/** Fills the class of 学时申报 (岗位培训 chosen: 8 学时 on two days of this year) with the scan. */
async function fillClass(className: string) {
  await fillDeclaredClass(page, { school: "山东交通职业学院", className, from: "04-01", to: "04-02", hours: 8 });
  await page.getByLabel("附件").setInputFiles(scanPath);
}

/** The rows of 查看申报记录 naming `name`, as 济南公交 sees them. */
async function recordsOf(name: string): Promise<string[][]> {
  await page.goto(`${portalUrl}/hours/records`);
  const rows = page.getByRole("row").filter({ hasText: name });
  return Promise.all((await rows.all()).map(async (r) => (await r.locator("td").allInnerTexts()).slice(1)));
}

describe("学时申报 answers a doubled submit once, and 学时审批 shows in 操作日志", () => {
  it("makes one record of a double-clicked 提交申报, and a second submit of the same rendered form makes none", async () => {
    await signIn(page, redis, bus);
    await openDeclaration(page);
    await pick(page, "选择申请人", names[0]!);
    await fillClass("双击测试培训班");
    const submit = page.getByRole("button", { name: "提交申报" });
    await submit.dblclick();
    await page.getByText("申报成功，请在“查看申报记录”中查看审核进度。").waitFor();
    // Two submits of one render before the button can be disabled (a fast double click, a resubmit): one key, one record.
    await openDeclaration(page);
    await pick(page, "选择申请人", names[0]!);
    await fillClass("重复提交测试培训班");
    await submit.evaluate((b: HTMLButtonElement) => {
      b.form?.requestSubmit();
      b.form?.requestSubmit();
    });
    await page.getByText("申报成功，请在“查看申报记录”中查看审核进度。").waitFor();
    const rows = await recordsOf(names[0]!);
    expect(rows).toHaveLength(2);
    await signOut(page, bus);
  });

  it("shows 济南市's 审核通过 in 操作日志 in Chinese: 操作, 对象 with the person's name, 变更前/变更后 with Chinese labels", async () => {
    await signIn(page, redis, jinan);
    await page.goto(`${portalUrl}/hours/approvals?name=${encodeURIComponent(names[0]!)}`);
    const rows = page.getByRole("row").filter({ hasText: names[0]! });
    await expect.poll(() => rows.count()).toBe(2);
    for (const box of await rows.getByRole("checkbox").all()) await box.check();
    await page.getByRole("button", { name: "批量审核通过" }).click();
    await page.getByText(/已审核通过2条/).waitFor();

    // Hours publishes the entries; identity stores them: the page shows them once they arrive.
    const logged = page.getByRole("row").filter({ hasText: `学时申报 · ${names[0]}` });
    await expect
      .poll(
        async () => {
          await page.goto(`${portalUrl}/audit`);
          return logged.count();
        },
        { timeout: 15_000 },
      )
      .toBe(2);
    const cells = await logged.first().locator("td").allInnerTexts();
    expect(cells[1]).toBe(jinan.name);
    expect(cells[2]).toBe("学时审核通过");
    expect(cells[4]).toContain("当前审核单位:");
    expect(cells[4]).toContain("济南市交通运输局");
    expect(cells[5]).toContain("山东省交通运输厅");
    expect(cells[5]).toMatch(/认定学时:\s*8/);
    // Nothing a person reads is a code, a field name or an id (the test person's name ends in hex digits).
    for (const text of cells.slice(1)) expect(text.replaceAll(names[0]!, "")).not.toMatch(/[A-Za-z]/);
    await page.screenshot({ path: "/tmp/audit-hours.png", fullPage: true });
    await signOut(page, jinan);
  });

  it("lets the CE base declare one class for two people of another unit, each in their unit's chain", async () => {
    await signIn(page, redis, base);
    await openDeclaration(page);
    await page.getByText("继续教育基地为参加本基地培训的人员申报").waitFor();
    await pick(page, "选择申请人", names[1]!);
    await pick(page, "选择申请人", names[2]!);
    await fillClass("基地驾驶员培训班");
    await page.getByRole("button", { name: "提交申报" }).click();
    await page.getByText("已为2人申报").waitFor();
    await signOut(page, base);

    await signIn(page, redis, bus);
    for (const name of names.slice(1)) {
      const rows = await recordsOf(name);
      expect(rows).toHaveLength(1);
      // 当前处理人: the person's own unit reviews first.
      expect(rows[0]?.[0]).toBe(name);
      expect(rows[0]).toEqual(expect.arrayContaining(["岗位培训", "8", BUS, "待审核"]));
    }
    await signOut(page, bus);
  });

  it("撤回申报 asks first, naming the record: 取消 leaves it 待审核, 确定 withdraws it", async () => {
    const person = people[1]!;
    await signIn(page, redis, person);
    await page.goto(`${portalUrl}/hours/records`);
    // The CE base's class is the person's one record.
    const details = page.getByRole("table", { name: "学时申报记录" }).getByRole("link", { name: "详细" });
    expect(await details.count()).toBe(1);
    await details.click();
    await page.waitForURL(/\/hours\/records\/[0-9a-f-]{36}$/);
    const status = factOf(page, "认定结果");
    expect(await status.innerText()).toBe("待审核");

    const withdraw = page.getByRole("button", { name: "撤回申报" });
    const dialog = page.getByRole("dialog");
    await withdraw.click();
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.innerText()).toMatch(new RegExp(`确定撤回${person.name}的申报“基地驾驶员培训班”（8(\\.0+)?学时）吗？`));
    await dialog.getByRole("button", { name: "取消" }).click();
    await dialog.waitFor({ state: "hidden" });
    // Nothing was sent: no flash, and the record is still pending after a fresh load.
    expect(await page.getByText("申报已撤回").count()).toBe(0);
    await page.reload();
    expect(await status.innerText()).toBe("待审核");

    await withdraw.click();
    await dialog.waitFor({ state: "visible" });
    await dialog.getByRole("button", { name: "确定" }).click();
    await page.getByText("申报已撤回").waitFor();
    expect(await status.innerText()).toBe("已撤回");
    expect(await page.getByRole("button", { name: "撤回申报" }).count()).toBe(0);
    await signOut(page, person);
  });
});
