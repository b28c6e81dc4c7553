import type { Redis } from "ioredis";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmInDialog } from "./dialog-support.ts";
import { identityAs, type Registered, registerProfessional, tokenOf, uniqueName } from "./hours-support.ts";
import { expectTrail, factOf, openBrowser, type Person, portalUrl, signIn, signOut, takeOverDemoAdmin } from "./org-support.ts";
import { pick } from "./picker-support.ts";

// 审核账户 › 人员调转, the refusal: 济南轨道交通 sends a person out (人员调出, in the browser); 青岛地铁 —
// the receiving unit — 拒绝s it in 人员调入 with a reason, through the confirmation; both units' 调转记录
// show 拒绝转入 and its 详情 the reason; the person stays where they were. The person is registered and
// approved through identity's own procedures (hours-support.ts), as people-transfer.test.ts does.
const FROM = "济南轨道交通集团有限公司";
const TO = "青岛地铁集团有限公司";
const REASON = "本单位暂无对应岗位编制";

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let redis: Redis;
let from: Person, to: Person;
let person: Registered;

beforeAll(async () => {
  browser = await openBrowser();
  ({ page, redis } = browser);
  from = await takeOverDemoAdmin(redis, FROM, "MetroReject2026");
  to = await takeOverDemoAdmin(redis, TO, "QdMetroReject2026");
  person = await registerProfessional(redis, FROM, uniqueName("调拒"));
  const { decided } = await identityAs(await tokenOf(redis, from)).review.decideProfessionals.mutate({ ids: [person.accountId], decision: "APPROVE" });
  expect(decided).toHaveLength(1);
});
afterAll(() => browser?.close());

/** The row of the test's person in the table captioned `caption`. */
const rowIn = (caption: string) => page.getByRole("table", { name: caption }).getByRole("row").filter({ hasText: person.name });

describe("人员调转 refused by the receiving unit", () => {
  it("sends the person out from 济南轨道交通 with 提交转出申请", async () => {
    await signIn(page, redis, from);
    await page.goto(`${portalUrl}/reviews/transfers?tab=out`);
    await expectTrail(page, "审核账户 > 人员调转");
    await Promise.all([page.waitForURL(/accountId=/), pick(page, "添加人员", person.name)]);
    await page.getByText(person.idNumberMasked).waitFor();
    await page.locator('input[name="contactPhone"]').fill("0531-86668888");
    await page.getByLabel("搜索调入单位").fill("青岛地铁");
    await expect.poll(() => page.locator('select[name="toUnitId"] option').allInnerTexts()).toContain(TO);
    await page.locator('select[name="toUnitId"]').selectOption({ label: TO });
    await page.locator('textarea[name="reason"]').fill("家庭原因申请调往青岛");
    await page.getByRole("button", { name: "提交转出申请" }).click();
    await page.getByText("转出申请已提交，等待调入单位确认").waitFor();
    await signOut(page, from);
  });

  it("lets 青岛地铁 拒绝 it in 人员调入: a reason is required, 取消 changes nothing, 确定 refuses", async () => {
    await signIn(page, redis, to);
    await page.goto(`${portalUrl}/reviews/transfers?tab=in`);
    await expectTrail(page, "审核账户 > 人员调转");
    const row = rowIn("待转入人员");
    await expect.poll(() => row.innerText()).toContain("待转入");
    expect(await row.innerText()).toContain(FROM);

    // 拒绝 without a reason asks nothing and is refused with the field named; the transfer still waits.
    await row.getByRole("button", { name: "拒绝", exact: true }).click();
    await page.getByText("请填写拒绝原因").waitFor();
    await expect.poll(() => rowIn("待转入人员").innerText()).toContain("待转入");

    // With a reason it asks first, naming the person: 取消 leaves the row as it was.
    await rowIn("待转入人员").getByLabel(`拒绝${person.name}的原因`).fill(REASON);
    const dialog = page.getByRole("dialog");
    await rowIn("待转入人员").getByRole("button", { name: "拒绝", exact: true }).click();
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.innerText()).toContain(`确定拒绝${person.name}的调入吗？拒绝后该调转申请结束。`);
    await dialog.getByRole("button", { name: "取消" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await page.getByText("已拒绝转入").count()).toBe(0);
    expect(await rowIn("待转入人员").count()).toBe(1);

    await rowIn("待转入人员").getByRole("button", { name: "拒绝", exact: true }).click();
    await confirmInDialog(page);
    await page.getByText("已拒绝转入").waitFor();
    await expect.poll(() => rowIn("待转入人员").count()).toBe(0);
    await page.screenshot({ path: "/tmp/portal-transfer-reject.png", fullPage: true });

    // 调转记录 › 人员转入记录: 拒绝转入, from 济南轨道交通; its 详情 shows the reason.
    await page.getByRole("link", { name: "调转记录" }).click();
    await page.waitForURL(/tab=records/);
    const record = rowIn("人员转入记录");
    await expect.poll(() => record.innerText()).toContain("拒绝转入");
    expect(await record.innerText()).toContain(FROM);
    await record.getByRole("link", { name: "详情" }).click();
    await page.waitForURL(/\/reviews\/transfers\/[0-9a-f-]{36}$/);
    expect(await factOf(page, "处理结果").innerText()).toBe("拒绝转入");
    expect(await factOf(page, "拒绝原因").innerText()).toBe(REASON);
    await signOut(page, to);
  });

  it("shows 济南轨道交通 the refusal and its reason in 调转记录 › 人员转出记录", async () => {
    await signIn(page, redis, from);
    await page.goto(`${portalUrl}/reviews/transfers?tab=records`);
    const record = rowIn("人员转出记录");
    await expect.poll(() => record.innerText()).toContain("拒绝转入");
    expect(await record.innerText()).toContain(TO);
    await record.getByRole("link", { name: "详情" }).click();
    await page.waitForURL(/\/reviews\/transfers\/[0-9a-f-]{36}$/);
    expect(await factOf(page, "姓名").innerText()).toBe(person.name);
    expect(await factOf(page, "调入单位").innerText()).toBe(TO);
    expect(await factOf(page, "处理结果").innerText()).toBe("拒绝转入");
    expect(await factOf(page, "拒绝原因").innerText()).toBe(REASON);
    await page.screenshot({ path: "/tmp/portal-transfer-reject-detail.png", fullPage: true });
    await signOut(page, from);
  });

  it("leaves the person in 济南轨道交通", async () => {
    await signIn(page, redis, person);
    await page.goto(`${portalUrl}/me/profile`);
    expect(await factOf(page, "所在单位").innerText()).toBe(FROM);
    await signOut(page, person);
  });
});
