import { rmSync } from "node:fs";
import { addDays, calendarDate } from "@ce/contracts";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmInDialog } from "./dialog-support.ts";
import { approvedProfessionals, fillDeclaredClass, hoursAs, identityAs, registerProfessional, tokenOf, uniqueName, writeScan } from "./hours-support.ts";
import { openBrowser, type Person, portalUrl, signIn, takeOverDemoAdmin } from "./org-support.ts";
import { pickerBox } from "./picker-support.ts";

// Issue 13, "every form either succeeds visibly or shows why not", as the new-user pass found it
// (findings F6, F7, F10, F16): a reversed 时间范围 on 操作日志, an empty or mistyped 学习记录验证, 调转记录
// past one page, and 查看变更明细 with nothing to decide with. Each check fails on the page as it was.
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
const PASSWORD = "FormsSayWhy2026";
const SENDER = "济南市公路事业发展中心";
const RECEIVER = "淄博市公路事业发展中心";
let province: Person;
let sender: Person;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  province = await takeOverDemoAdmin(browser.redis, "山东省交通运输厅", PASSWORD);
  sender = await takeOverDemoAdmin(browser.redis, SENDER, PASSWORD);
});
afterAll(() => browser?.close());

/** The message shown by a SearchBar filter (FilterError: `filter-<name>-error`), tied to the field. */
async function filterError(name: string): Promise<string> {
  const error = page.locator(`#filter-${name}-error`);
  await error.waitFor();
  expect(await page.locator(`#filter-${name}`).getAttribute("aria-describedby")).toBe(`filter-${name}-error`);
  return (await error.innerText()).trim();
}

describe("F6: one 时间范围 check, by the field, on every range filter", () => {
  it("操作日志 with 结束时间 before 开始时间 says so by 结束时间 and keeps both dates; a day's range still lists", async () => {
    await signIn(page, browser.redis, province);
    await page.goto(`${portalUrl}/audit`);
    await page.locator("#filter-from").fill("2026-11-01");
    await page.locator("#filter-to").fill("2026-01-01");
    await Promise.all([page.waitForURL(/\/audit\?.*from=2026-11-01/), page.getByRole("button", { name: "查询" }).click()]);
    expect(await filterError("to")).toBe("结束时间不能早于开始时间");
    expect(await page.locator("#filter-from").inputValue()).toBe("2026-11-01");
    expect(await page.locator("#filter-to").inputValue()).toBe("2026-01-01");
    // The same words the statistics pages give for the same mistake.
    for (const path of ["/stats/dashboard", "/stats/title-series"]) {
      await page.goto(`${portalUrl}${path}?from=2026-03-01&to=2026-02-01`);
      expect(await filterError("to")).toBe("结束时间不能早于开始时间");
    }
    await page.goto(`${portalUrl}/audit?from=2026-01-01&to=2026-11-01`);
    expect(await page.locator("#filter-to-error").count()).toBe(0);
    await page.getByRole("navigation", { name: "分页" }).waitFor();
  });
});

describe("F10: a search that finds nothing says why when it can", () => {
  it("学习记录验证: 查验 with nothing typed asks for 证件号或姓名; no form machinery in the address", async () => {
    await signIn(page, browser.redis, province);
    await page.goto(`${portalUrl}/stats/verification`);
    expect(await page.locator("#filter-idNumber-error").count()).toBe(0);
    await Promise.all([page.waitForURL(/\/stats\/verification\?/), page.getByRole("button", { name: "查验" }).click()]);
    expect(await filterError("idNumber")).toBe("请输入证件号或姓名");
    expect(page.url()).not.toContain("_submission");
    expect(page.url()).not.toContain("_csrf");
  });

  it("学习记录验证 and 专业技术人员信息查询: a 证件号 with a wrong check digit is named as such, and stays in the box", async () => {
    const mistyped = "370102197701200001";
    for (const [path, button] of [
      ["/stats/verification", "查验"],
      ["/stats/professionals", "查询"],
    ] as const) {
      await page.goto(`${portalUrl}${path}`);
      await page.locator("#filter-idNumber").fill(mistyped);
      await Promise.all([page.waitForURL(/idq=/), page.getByRole("button", { name: button }).click()]);
      expect(await filterError("idNumber")).toBe("身份证号校验位不正确");
      expect(await page.locator("#filter-idNumber").inputValue()).toBe(mistyped);
      expect(page.url()).not.toContain(mistyped);
    }
  });
});

/** The transfers F16 sends from SENDER to RECEIVER (all 待转入), for the 详情 check after it. */
const transferIds: string[] = [];

describe("F10's kind in the person pickers", () => {
  it("人员调出's 添加人员: a mistyped 证件号 on Enter is named, not answered with 没有找到", async () => {
    await signIn(page, browser.redis, sender);
    await page.goto(`${portalUrl}/reviews/transfers?tab=out`);
    const box = await pickerBox(page, "添加人员");
    await box.fill("370102197701200001");
    await expect.poll(() => page.getByRole("status").first().innerText()).toContain("按回车键按证件号查找");
    await box.press("Enter");
    await expect.poll(() => page.getByRole("status").first().innerText()).toBe("身份证号校验位不正确");
  });
});

describe("F16: 调转记录 pages each table like every list", () => {
  it("人员转出记录 with more than one page: its own pager, page 2 continues the 序号, 人员转入记录 keeps its page", async () => {
    // 21 approved people of SENDER, each sent to RECEIVER: one more than a page.
    const senderToken = await tokenOf(browser.redis, sender);
    const people = [];
    for (let i = 0; i < 21; i++) people.push(await registerProfessional(browser.redis, SENDER, uniqueName("调转页")));
    await identityAs(senderToken).review.decideProfessionals.mutate({ ids: people.map((p) => p.accountId), decision: "APPROVE" });
    const [receiver] = await identityAs().registration.searchUnits.query({ name: RECEIVER, kinds: ["EMPLOYER"] });
    if (!receiver) throw new Error(`no unit ${RECEIVER}`);
    for (const p of people) {
      const { id } = await identityAs(senderToken).transfers.create.mutate({
        accountId: p.accountId,
        toUnitId: receiver.id,
        contactPhone: "0531-88889999",
        reason: "工作调动",
      });
      transferIds.push(id);
    }
    const out = await identityAs(senderToken).transfers.list.query({ direction: "out", pageSize: 1 });
    const into = await identityAs(senderToken).transfers.list.query({ direction: "in", pageSize: 1 });
    expect(out.total).toBeGreaterThan(20);

    await signIn(page, browser.redis, sender);
    await page.goto(`${portalUrl}/reviews/transfers?tab=records`);
    const outPager = page.getByRole("navigation", { name: "人员转出记录分页" });
    const inPager = page.getByRole("navigation", { name: "人员转入记录分页" });
    expect(await outPager.innerText()).toContain(`共${out.total}条`);
    expect(await inPager.innerText()).toContain(`共${into.total}条`);
    await Promise.all([page.waitForURL(/outPage=2/), outPager.getByRole("link", { name: "2", exact: true }).click()]);
    const outTable = page.getByRole("table", { name: "人员转出记录" });
    expect((await outTable.getByRole("row").nth(1).getByRole("cell").first().innerText()).trim()).toBe("21");
    expect(await page.getByRole("navigation", { name: "人员转出记录分页" }).locator('[aria-current="page"]').innerText()).toBe("2");
    expect(await page.getByRole("navigation", { name: "人员转入记录分页" }).innerText()).toContain("第1/");
  });
});

describe("F7's kind on 调转记录 › 详情: the receiving side decides the transfer it shows", () => {
  it("the sender sees no buttons; the receiver's 拒绝 asks for its reason, then confirms; 确认调转 says what it did", async () => {
    const [rejected, accepted] = transferIds;
    if (!rejected || !accepted) throw new Error("F16 created no transfers");
    await signIn(page, browser.redis, sender);
    await page.goto(`${portalUrl}/reviews/transfers/${rejected}`);
    await page.getByText("待转入").waitFor();
    expect(await page.getByRole("button", { name: "确认调转" }).count()).toBe(0);

    await signIn(page, browser.redis, await takeOverDemoAdmin(browser.redis, RECEIVER, PASSWORD));
    await page.goto(`${portalUrl}/reviews/transfers/${rejected}`);
    await page.getByRole("button", { name: "拒绝" }).click();
    await page.getByText("请填写拒绝原因").waitFor();
    await page.getByRole("textbox", { name: /的原因$/ }).fill("岗位已满");
    await page.getByRole("button", { name: "拒绝" }).click();
    await confirmInDialog(page);
    await page.getByText("已拒绝转入").waitFor();
    await page.getByText("拒绝转入", { exact: true }).waitFor();
    expect(page.url()).toMatch(new RegExp(`/reviews/transfers/${rejected}$`));

    await page.goto(`${portalUrl}/reviews/transfers/${accepted}`);
    await page.getByRole("button", { name: "确认调转" }).click();
    await page.getByText("已确认调转").waitFor();
    await page.getByText("同意转入", { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: "确认调转" }).count()).toBe(0);
  });
});

describe("F7: 查看变更明细 decides the request it shows", () => {
  /** A professional of SENDER, approved, who asks to change 从事专业; their name. */
  async function pendingChange(): Promise<string> {
    const person = await registerProfessional(browser.redis, SENDER, uniqueName("变更明细"));
    await identityAs(await tokenOf(browser.redis, sender)).review.decideProfessionals.mutate({ ids: [person.accountId], decision: "APPROVE" });
    const token = await tokenOf(browser.redis, { userType: "PROFESSIONAL", idNumber: person.idNumber, password: person.password, name: person.name });
    await identityAs(token).profileChanges.request.mutate({ major: "道路桥梁" });
    return person.name;
  }

  async function openDetail(name: string): Promise<void> {
    await page.goto(`${portalUrl}/reviews/profile-changes?name=${encodeURIComponent(name)}`);
    await Promise.all([
      page.waitForURL(/\/reviews\/profile-changes\/[0-9a-f-]{36}$/),
      page
        .getByRole("row")
        .filter({ hasText: name })
        .getByRole("link", { name: /查看变更明细/ })
        .click(),
    ]);
    await page.getByRole("table", { name: "变更明细" }).getByText("道路桥梁").waitFor();
  }

  it("驳回 asks for its reason, then confirms, and the list says what was done; 通过 the same", async () => {
    const rejected = await pendingChange();
    const approved = await pendingChange();
    await signIn(page, browser.redis, sender);

    await openDetail(rejected);
    await page.getByRole("button", { name: "驳回" }).click();
    await page.getByText(/请填写.*原因/).waitFor();
    await page.getByLabel(/驳回原因/).fill("请附职称证书后再申请");
    await page.getByRole("button", { name: "驳回" }).click();
    await confirmInDialog(page);
    await page.waitForURL(/\/reviews\/profile-changes(\?|$)/);
    await page.getByText("已驳回1条修改申请").waitFor();

    await openDetail(approved);
    await Promise.all([page.waitForURL(/\/reviews\/profile-changes(\?|$)/), page.getByRole("button", { name: "通过" }).click()]);
    await page.getByText("已通过1条修改申请").waitFor();
    expect(await page.getByRole("row").filter({ hasText: approved }).count()).toBe(0);
  });
});

describe("F20: 学时申报 of a class that has not ended yet is refused by 结束时间", () => {
  const BUS = "济南公共交通集团有限公司";
  const scanPath = writeScan("forms-say-why");
  afterAll(() => rmSync(scanPath, { force: true }));

  it("says 结束时间不能晚于今天 by 起止时间, keeps what was typed and records nothing", async () => {
    const bus = await takeOverDemoAdmin(browser.redis, BUS, PASSWORD);
    const [declarant] = await approvedProfessionals(browser.redis, bus, BUS, [uniqueName("未结业")]);
    const today = calendarDate(new Date());
    const tomorrow = addDays(today, 1);
    await signIn(page, browser.redis, declarant!);
    await page.goto(`${portalUrl}/hours/declare`);
    await page.getByLabel("学习形式").selectOption({ label: "岗位培训" });
    await fillDeclaredClass(page, { school: "山东交通职业学院", className: "尚未结业的培训班", from: "01-01", to: "01-01", hours: 8 });
    await page.getByLabel("开始时间").fill(today);
    await page.getByLabel("结束时间").fill(tomorrow);
    // F3: the file field reads in Chinese whatever the browser's language, and names the chosen file.
    await page.getByText("选择文件", { exact: true }).waitFor();
    await page.getByText("未选择文件", { exact: true }).waitFor();
    await page.getByLabel("附件").setInputFiles(scanPath);
    await page.getByText(scanPath.split("/").at(-1) ?? "?", { exact: true }).waitFor();
    await page.getByRole("button", { name: "提交申报" }).click();
    await page.getByText(`结束时间不能晚于今天（${today}）`).waitFor();
    expect(await page.getByLabel("结束时间").inputValue()).toBe(tomorrow);
    expect(await page.getByLabel("培训班名称").inputValue()).toBe("尚未结业的培训班");
    const records = await hoursAs(await tokenOf(browser.redis, declarant!)).declarations.records.query({ tab: "ALL", page: 1, pageSize: 10 });
    expect(records.total).toBe(0);
  });
});
