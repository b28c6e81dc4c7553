import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetSession } from "./chromium.ts";
import { confirmInDialog } from "./dialog-support.ts";
import { demoAdminOf, freshIdNumber, openBrowser, type People, portalUrl } from "./people-support.ts";

// F18: a registration 驳回ed by the unit's admin is not the end. The applicant signs in and reads the
// 驳回原因, registers again with the same 证件号 (choosing the unit the reason asked for), and the new
// registration goes to that unit's 审核注册人员, where it is approved; the new password then signs in.
const BUS = "济南公共交通集团有限公司";
const METRO = "济南轨道交通集团有限公司";
const busAdmin = demoAdminOf(BUS);
const metroAdmin = demoAdminOf(METRO);
const REASON = "工作单位信息不符，请核实后重新注册";
let b: People;

beforeAll(async () => {
  b = await openBrowser(busAdmin.unit, metroAdmin.unit);
});
afterAll(() => b?.close());

/** Signs in as 个人 expecting a refusal; returns the messages the login page shows. */
async function refusedSignIn(idNumber: string, password: string): Promise<string> {
  const { page } = b;
  await forgetSession(page);
  await page.goto(`${portalUrl}/login`);
  await page.getByLabel("用户类型").selectOption({ label: "个人" });
  await page.getByPlaceholder("请输入证件号").fill(idNumber);
  await page.getByPlaceholder("请输入密码").fill(password);
  await page.getByPlaceholder("请输入验证码").fill(await b.captchaAnswer());
  await page.getByRole("button", { name: "登录" }).click();
  // The form's message (role alert) or a field's own (证件号或密码错误 on 密码).
  const alert = page.locator('[role="alert"], [id$="-error"]').filter({ hasText: /\S/ });
  await alert.first().waitFor();
  expect(new URL(page.url()).pathname).toBe("/login");
  return (await alert.allInnerTexts()).join(" ");
}

/** Registers through 注册 › 专业技术人员注册 in `unit` and waits for the receipt. */
async function register(person: { idNumber: string; name: string; password: string; email: string }, unit: { search: string; name: string }) {
  const { page } = b;
  await forgetSession(page);
  await page.goto(`${portalUrl}/register/professional`);
  await b.fillProfessionalRegistration(person, unit);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await page.getByText("注册成功，请等待所在单位审核，审核通过后即可登录。").waitFor();
}

/** Opens 审核注册人员 filtered by `name` as the signed-in admin. */
async function reviewList(name: string) {
  await b.page.goto(`${portalUrl}/reviews/professionals?name=${encodeURIComponent(name)}`);
  return b.page.getByRole("row").filter({ hasText: name });
}

describe("a 驳回ed registration: the reason at sign-in, then a new registration with the same 证件号", () => {
  const serial = randomInt(1000, 9999);
  const stem = `驳回重报${serial}`;
  const person = { idNumber: freshIdNumber(), name: `${stem}甲`, password: "Reg12345", email: `rejected${serial}@example.com` };
  const again = { ...person, name: `${stem}乙`, password: "Again678" };

  it("registers at 济南公交集团, which 驳回s it on the 详细 page with a reason", async () => {
    await register(person, { search: "济南公共", name: BUS });
    const { page } = b;
    await b.signIn("用人单位", busAdmin.idNumber, busAdmin.password, busAdmin.name);
    const row = await reviewList(person.name);
    await row.getByRole("link", { name: /详细/ }).click();
    await page.waitForURL(/\/reviews\/professionals\/[0-9a-f-]{36}$/);
    await page.getByLabel(/驳回原因/).fill(REASON);
    await page.getByRole("button", { name: "驳回", exact: true }).click();
    await confirmInDialog(page);
    await page.getByText("已驳回1条记录").waitFor();
    await b.signOut(busAdmin.name);
  });

  it("tells the applicant the 驳回原因 at sign-in, only with the right password, and by mail", async () => {
    expect(await refusedSignIn(person.idNumber, "Wrong999x")).toContain("证件号或密码错误");
    const said = await refusedSignIn(person.idNumber, person.password);
    expect(said).toContain(`您的注册申请未通过：${REASON}，请修改信息后重新注册`);
    await b.page.screenshot({ path: "/tmp/portal-login-registration-rejected.png", fullPage: true });

    await b.page.goto(`${portalUrl}/dev/mailbox`);
    const mail = b.page.locator("table tbody tr").filter({ hasText: person.email });
    await expect.poll(() => mail.allInnerTexts()).toEqual([expect.stringContaining("注册审核未通过")]);
  });

  it("registers again with the same 证件号 at 济南轨道交通集团; its admin sees and approves it; the new password signs in", async () => {
    await register(again, { search: "济南轨道", name: METRO });
    // 待审核 again, under the new registration's password.
    expect(await refusedSignIn(again.idNumber, again.password)).toContain("注册信息正在审核中，审核通过后方可登录");

    const { page } = b;
    await b.signIn("用人单位", metroAdmin.idNumber, metroAdmin.password, metroAdmin.name);
    const row = await reviewList(stem);
    await expect.poll(() => row.allInnerTexts()).toEqual([expect.stringContaining(again.name)]);
    await page.getByLabel(`选择${again.name}`).check();
    await page.getByRole("button", { name: "审核通过" }).click();
    await page.getByText("已审核通过1条记录").waitFor();
    await b.signOut(metroAdmin.name);

    // 济南公交集团's list holds neither the old nor the new one: one person, one registration.
    await b.signIn("用人单位", busAdmin.idNumber, busAdmin.password, busAdmin.name);
    expect(await (await reviewList(stem)).count()).toBe(0);
    await b.signOut(busAdmin.name);

    await b.signIn("个人", again.idNumber, again.password, again.name);
    await b.page.goto(`${portalUrl}/me/profile`);
    await b.page.getByText(METRO).first().waitFor();
    await b.signOut(again.name);
  });
});
