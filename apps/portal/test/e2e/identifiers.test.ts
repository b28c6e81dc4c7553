import { randomInt } from "node:crypto";
import { generateCreditCode } from "@ce/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAdminOf, freshIdNumber, openBrowser, type People, portalUrl } from "./people-support.ts";

const jinan = demoAdminOf("济南市交通运输局");
let b: People;

beforeAll(async () => {
  b = await openBrowser(jinan.unit);
});
afterAll(() => b?.close());

// What a Chinese IME types: full-width digits and letters.
const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe("identifiers typed with a Chinese IME or pasted", () => {
  // An invented code in the right format whose check character is off by one, like some issued before 2016.
  const valid = generateCreditCode("370100", String(randomInt(10_000_000, 99_999_999)));
  const mismatched = valid.slice(0, 17) + (valid.endsWith("1") ? "2" : "1");
  const unitName = `校验位测试运输有限公司${randomInt(1000, 9999)}`;
  const admin = { idNumber: freshIdNumber(), password: "Code1234" };

  it("用人单位注册 asks to confirm a credit code whose check character does not match, then accepts it", async () => {
    const { page } = b;
    await page.goto(`${portalUrl}/register/employer`);
    await page.locator('input[name="unitName"]').fill(unitName);
    await page.locator('select[name="nature"]').selectOption({ label: "企业" });
    await page.locator('select[name="industry"]').selectOption("G");
    await page.locator('select[name="region"]').selectOption("370100");
    await page.locator('input[name="code"]').fill(fullWidth(mismatched.toLowerCase()));
    await page.getByLabel("搜索上级主管部门").fill("济南市交通");
    await expect.poll(() => page.locator('select[name="superiorId"] option').allInnerTexts()).toContain("济南市交通运输局");
    await page.locator('select[name="superiorId"]').selectOption({ label: "济南市交通运输局" });
    await page.locator('input[name="idNumber"]').fill(`\u3000${fullWidth(admin.idNumber)}\u200B`);
    await page.locator('input[name="name"]').fill("校验位管理员");
    await page.locator('input[name="phone"]').fill("+86 139-1234-5678");
    await page.locator('input[name="email"]').fill("code-e2e@example.com");
    const fillSecrets = async () => {
      await page.locator('input[name="password"]').fill(admin.password);
      await page.locator('input[name="confirmPassword"]').fill(admin.password);
      await page.getByPlaceholder("请输入验证码").fill(await b.captchaAnswer());
    };
    await fillSecrets();
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await page.getByText("统一社会信用代码校验位不符，请与营业执照核对后确认").waitFor();
    const confirm = page.getByLabel(/已与营业执照核对/);
    await confirm.check();
    await fillSecrets();
    await page.screenshot({ path: "/tmp/portal-register-code-confirm.png", fullPage: true });
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await page.getByText("注册成功，请等待上级主管部门审核").waitFor();
  });

  it("signs the 主管部门 admin in with a full-width ID number, and 审核用人单位 shows the confirmed mismatch", async () => {
    const { page } = b;
    await b.signIn("主管部门", fullWidth(jinan.idNumber), jinan.password, jinan.name);
    await page.goto(`${portalUrl}/reviews/employers`);
    const row = page.getByRole("row", { name: new RegExp(unitName) });
    await expect.poll(() => row.innerText()).toContain(mismatched);
    expect(await row.innerText()).toContain("校验位不符，已由申请人确认");
    await page.screenshot({ path: "/tmp/portal-review-employers-mismatch.png", fullPage: true });
    await b.signOut(jinan.name);
  });
});
