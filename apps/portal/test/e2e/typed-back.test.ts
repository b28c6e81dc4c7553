import { randomInt } from "node:crypto";
import { CREDIT_CODE_CONFIRM_MESSAGE, CREDIT_CODE_MISMATCH_CONFIRMED_LABEL, generateCreditCode } from "@ce/contracts";
import type { Redis } from "ioredis";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiLogin, freshEmployer, identity, openBrowser, type Person, portalUrl, signIn, takeOverDemoAdmin } from "./org-support.ts";

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let redis: Redis;
let jinan: Person;
let employer: Person;
const unitName = `输入保留测试${Date.now().toString(36).slice(-5)}有限公司`;
// An invented code in the right format whose check character is off by one, like some issued before 2016.
const valid = generateCreditCode("370100", String(randomInt(10_000_000, 99_999_999)));
const mismatched = valid.slice(0, 17) + (valid.endsWith("1") ? "2" : "1");

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  redis = browser.redis;
  jinan = await takeOverDemoAdmin(redis, "济南市交通运输局", "JinanTyped2024");
  employer = await freshEmployer(redis, await apiLogin(redis, jinan), unitName);
});
afterAll(() => browser?.close());

/** From here on the page runs without JavaScript: no script loads, forms post as plain HTML. */
async function withoutJavaScript() {
  await page.route(/\.m?js(\?.*)?$/, (route) => route.abort());
}

describe("人员调出's 调入单位 picker", () => {
  it("says 请选择调入单位 once and never offers the sender's own unit, even when searched by name", async () => {
    await signIn(page, redis, employer);
    await page.goto(`${portalUrl}/reviews/transfers?tab=out`);
    await expect.poll(() => page.evaluate(() => "__remixRouteModules" in window)).toBe(true);
    const options = () => page.locator('select[name="toUnitId"] option').allInnerTexts();
    expect((await options())[0]).toBe("请选择调入单位");
    expect(await options()).not.toContain(unitName);
    await page.getByLabel("搜索调入单位").fill(unitName.slice(0, 8));
    // The search answers with the own unit; the picker leaves it out.
    const found = await fetch(`${portalUrl}/register/units?kinds=EMPLOYER&name=${encodeURIComponent(unitName.slice(0, 8))}`).then(
      (r) => r.json() as Promise<{ units: { name: string }[] }>,
    );
    expect(found.units.map((u) => u.name)).toContain(unitName);
    await page.waitForLoadState("networkidle");
    expect(await options()).toEqual(["请选择调入单位"]);
    await page.getByLabel("搜索调入单位").fill("济南公共");
    await expect.poll(options).toContain("济南公共交通集团有限公司");
  });
});

describe("forms without JavaScript put back what was typed after a refusal", () => {
  it("修改单位信息 keeps the code through the 校验位 prompt and sends it once confirmed", async () => {
    await withoutJavaScript();
    await signIn(page, redis, employer);
    await page.goto(`${portalUrl}/unit/profile`);
    // Not hydrated: Remix registers its route modules only once its scripts have run.
    expect(await page.evaluate(() => "__remixRouteModules" in window)).toBe(false);
    const form = page.getByRole("form", { name: "修改单位信息" });
    const code = form.getByLabel("新的组织机构代码/统一社会信用代码");
    await code.fill(mismatched);
    await form.getByRole("button", { name: "提交申请" }).click();
    await page.getByText(CREDIT_CODE_CONFIRM_MESSAGE).waitFor();
    expect(await code.inputValue()).toBe(mismatched);
    await page.getByLabel(/已与营业执照核对/).check();
    await form.getByRole("button", { name: "提交申请" }).click();
    await page.getByText("修改单位信息申请已提交，等待上级部门审核").waitFor();
    await page.screenshot({ path: "/tmp/portal-unit-profile-typed-back.png", fullPage: true });
  });

  it("审核机构信息修改 shows 原代码 → 新代码 with the flag by the new code, and keeps the ticks and the reason after a refusal", async () => {
    const oldCode = (await identity(await apiLogin(redis, employer)).unitProfile.get.query()).unit.code ?? "";
    await signIn(page, redis, jinan);
    await page.goto(`${portalUrl}/reviews/unit-changes?unitName=${encodeURIComponent(unitName)}`);
    const row = page.getByRole("row", { name: new RegExp(unitName) });
    const text = (await row.innerText()).replace(/\s+/g, " ");
    expect(text).toContain(`原代码 ${oldCode}`);
    expect(text).toContain(`新代码 ${mismatched} ${CREDIT_CODE_MISMATCH_CONFIRMED_LABEL}`);
    expect(text.indexOf(CREDIT_CODE_MISMATCH_CONFIRMED_LABEL)).toBeGreaterThan(text.indexOf(mismatched));
    await page.screenshot({ path: "/tmp/portal-unit-changes-codes.png", fullPage: true });

    // 驳回 with the row ticked but no reason: refused, and the row comes back ticked.
    const tick = page.getByRole("checkbox", { name: `选择${unitName}` });
    await tick.check();
    await page.getByRole("button", { name: "驳回" }).click();
    await page.getByText("请填写驳回原因").waitFor();
    expect(await tick.isChecked()).toBe(true);
    // A reason but no row: refused, and the reason is still there.
    await tick.uncheck();
    await page.getByLabel("驳回原因").fill("代码与营业执照不符");
    await page.getByRole("button", { name: "驳回" }).click();
    await page.getByText("请选择要审核的记录").waitFor();
    expect(await page.getByLabel("驳回原因").inputValue()).toBe("代码与营业执照不符");
    await tick.check();
    await page.getByRole("button", { name: "驳回" }).click();
    await page.getByText("已驳回1条申请").waitFor();
  });
});
