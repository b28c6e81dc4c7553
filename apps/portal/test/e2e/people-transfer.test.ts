import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAdminOf, openBrowser, type People, portalUrl } from "./people-support.ts";
import { pick } from "./picker-support.ts";

const from = demoAdminOf("济南公共交通集团有限公司");
const to = demoAdminOf("淄博市公共汽车公司");
let b: People;
let person: Awaited<ReturnType<People["approvedProfessional"]>>;

beforeAll(async () => {
  b = await openBrowser(from.unit, to.unit);
  person = await b.approvedProfessional("济南公共交通集团有限公司");
});
afterAll(() => b?.close());

describe("人员调转 across cities in the browser", () => {
  it("sends the person out from 济南公交集团 with 提交转出申请", async () => {
    const { page } = b;
    await b.signIn("用人单位", from.idNumber, from.password, from.name);
    await page.goto(`${portalUrl}/reviews/transfers?tab=out`);
    await expect.poll(() => page.getByRole("navigation", { name: "当前位置" }).innerText()).toBe("审核账户 > 人员调转");
    await Promise.all([page.waitForURL(/accountId=/), pick(page, "添加人员", person.name)]);
    await page.getByText(`${person.idNumber.slice(0, 10)}****${person.idNumber.slice(14)}`).waitFor();

    await page.locator('input[name="contactPhone"]').fill("0531-88886666");
    await page.getByLabel("搜索调入单位").fill("淄博");
    await expect.poll(() => page.locator('select[name="toUnitId"] option').allInnerTexts()).toContain("淄博市公共汽车公司");
    await page.locator('select[name="toUnitId"]').selectOption({ label: "淄博市公共汽车公司" });
    await page.locator('textarea[name="reason"]').fill("工作调动");
    await page.screenshot({ path: "/tmp/portal-transfer-out.png", fullPage: true });
    await page.getByRole("button", { name: "提交转出申请" }).click();
    await page.getByText("转出申请已提交，等待调入单位确认").waitFor();
    await b.signOut(from.name);
  });

  it("lets 淄博公交 confirm in 人员调入, and 调转记录 shows 同意转入", async () => {
    const { page } = b;
    await b.signIn("用人单位", to.idNumber, to.password, to.name);
    await page.goto(`${portalUrl}/reviews/transfers`);
    const row = page.getByRole("row", { name: new RegExp(person.name) });
    await expect.poll(() => row.innerText()).toContain("待转入");
    await row.getByRole("button", { name: "确认调转" }).click();
    await page.getByText("已确认调转").waitFor();

    await page.getByRole("link", { name: "调转记录" }).click();
    await page.waitForURL(/tab=records/);
    const record = page.getByRole("table", { name: "人员转入记录" }).getByRole("row", { name: new RegExp(person.name) });
    await expect.poll(() => record.innerText()).toContain("同意转入");
    expect(await record.innerText()).toContain("济南公共交通集团有限公司");
    await page.screenshot({ path: "/tmp/portal-transfer-records.png", fullPage: true });
    await b.signOut(to.name);
  });

  it("lets the moved person sign in under the new unit", async () => {
    await b.signIn("个人", person.idNumber, person.password, person.name);
    await b.page.goto(`${portalUrl}/me/profile`);
    await b.page.getByText("淄博市公共汽车公司").waitFor();
    await b.signOut(person.name);
  });
});
