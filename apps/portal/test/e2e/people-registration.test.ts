import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAdminOf, freshIdNumber, openBrowser, type People, portalUrl } from "./people-support.ts";

const busAdmin = demoAdminOf("济南公共交通集团有限公司");
let b: People;

beforeAll(async () => {
  b = await openBrowser(busAdmin.unit);
});
afterAll(() => b?.close());

describe("self-registration of a professional, reviewed by their unit", () => {
  const person = { idNumber: freshIdNumber(), name: `注册测试${randomInt(1000, 9999)}`, password: "Reg12345" };

  it("registers through 注册 › 专业技术人员注册 from the login page", async () => {
    const { page } = b;
    await page.goto(`${portalUrl}/login`);
    await Promise.all([page.waitForURL(/\/register$/), page.getByRole("link", { name: "注册", exact: true }).click()]);
    await Promise.all([page.waitForURL(/\/register\/professional$/), page.getByRole("link", { name: /专业技术人员注册/ }).click()]);

    await b.fillProfessionalRegistration({ ...person, email: "reg-e2e@example.com" }, { search: "济南公共", name: "济南公共交通集团有限公司" }, "Other999");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await page.getByText("两次输入的密码不一致").waitFor();

    await page.locator('input[name="password"]').fill(person.password);
    await page.locator('input[name="confirmPassword"]').fill(person.password);
    await page.getByPlaceholder("请输入验证码").fill(await b.captchaAnswer());
    await page.screenshot({ path: "/tmp/portal-register-professional.png", fullPage: true });
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await page.getByText("注册成功，请等待所在单位审核，审核通过后即可登录。").waitFor();
  });

  it("lets the 济南公交集团 admin approve the registration in 审核注册人员", async () => {
    const { page } = b;
    await b.signIn("用人单位", busAdmin.idNumber, busAdmin.password, busAdmin.name);
    await page.goto(`${portalUrl}/reviews/professionals`);
    await expect.poll(() => page.getByRole("navigation", { name: "当前位置" }).innerText()).toBe("审核账户 > 审核注册人员");
    await page.getByLabel("姓名").fill(person.name);
    await page.getByRole("button", { name: "查询" }).click();
    await page.waitForURL(/name=/);
    const row = page.getByRole("row", { name: new RegExp(person.name) });
    await expect.poll(() => row.innerText()).toContain(`${person.idNumber.slice(0, 10)}****${person.idNumber.slice(14)}`);
    expect(await page.locator("table").innerText()).not.toContain(person.idNumber);
    await page.screenshot({ path: "/tmp/portal-review-professionals.png", fullPage: true });

    await page.getByLabel(`选择${person.name}`).check();
    await page.getByRole("button", { name: "审核通过" }).click();
    await page.getByText("已审核通过1条记录").waitFor();
    await expect.poll(() => page.getByRole("row", { name: new RegExp(person.name) }).count()).toBe(0);
    await b.signOut(busAdmin.name);
  });

  it("signs the approved professional in as 个人", async () => {
    await b.signIn("个人", person.idNumber, person.password, person.name);
    await b.page.goto(`${portalUrl}/me/profile`);
    await b.page.getByText(`${person.idNumber.slice(0, 10)}****${person.idNumber.slice(14)}`).waitFor();
    await b.page.screenshot({ path: "/tmp/portal-me-profile.png", fullPage: true });
    await b.signOut(person.name);
  });
});
