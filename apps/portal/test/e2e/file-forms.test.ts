import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAdminOf, openBrowser, type People, portalUrl } from "./people-support.ts";
import { pick } from "./picker-support.ts";

// Every form that takes a file, submitted in the browser with a real PNG (学时申报's is in
// hours-declare-approve.test.ts): it either succeeds visibly or says why not.
const from = demoAdminOf("青岛地铁集团有限公司");
const to = demoAdminOf("青岛港国际股份有限公司");
// A 1×1 PNG, saved under a name with a quote, a percent sign and spaces (browsers send it as %22).
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const dir = mkdtempSync(path.join(tmpdir(), "ce-file-forms-"));
const scan = path.join(dir, '调转 "证明" 100%.png');
const storedName = "调转 _证明_ 100%.png";
let b: People;
let person: Awaited<ReturnType<People["approvedProfessional"]>>;

beforeAll(async () => {
  writeFileSync(scan, PNG);
  b = await openBrowser(from.unit, to.unit);
  person = await b.approvedProfessional(from.unit);
});
afterAll(async () => {
  await b?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function pickPerson() {
  const { page } = b;
  await page.goto(`${portalUrl}/reviews/transfers?tab=out`);
  await Promise.all([page.waitForURL(/accountId=/), pick(page, "添加人员", person.name)]);
  await page.locator('input[name="contactPhone"]').fill("0532-88886666");
  await page.getByLabel("搜索调入单位").fill("青岛港");
  await expect.poll(() => page.locator('select[name="toUnitId"] option').allInnerTexts()).toContain(to.unit);
  await page.locator('select[name="toUnitId"]').selectOption({ label: to.unit });
  await page.locator('textarea[name="reason"]').fill("工作调动");
}

describe("forms that take a file", () => {
  it("人员调出 with a file that is not an image says so by 附件, and nothing is sent", async () => {
    const { page } = b;
    await b.signIn("用人单位", from.idNumber, from.password, from.name);
    await pickPerson();
    const notImage = path.join(dir, "说明.png");
    writeFileSync(notImage, "not a picture");
    await page.getByLabel("附件").setInputFiles(notImage);
    await page.getByRole("button", { name: "提交转出申请" }).click();
    await page.getByText("附件格式不正确，仅支持 jpg、jpeg、gif、bmp、png 图片").waitFor();
    expect(await page.getByText("转出申请已提交").count()).toBe(0);
  });

  it("人员调出 with a PNG named with a quote and a percent sign is sent, and 调转记录 shows it with its picture", async () => {
    const { page } = b;
    await b.signIn("用人单位", from.idNumber, from.password, from.name);
    await pickPerson();
    await page.getByLabel("附件").setInputFiles(scan);
    await page.getByRole("button", { name: "提交转出申请" }).click();
    await page.getByText("转出申请已提交，等待调入单位确认").waitFor();

    await page.goto(`${portalUrl}/reviews/transfers?tab=records`);
    const row = page.getByRole("table", { name: "人员转出记录" }).getByRole("row", { name: new RegExp(person.name) });
    await expect.poll(() => row.innerText()).toContain("待转入");
    await row.getByRole("link", { name: "详情" }).click();
    const picture = page.getByRole("img", { name: storedName });
    await picture.waitFor();
    await expect.poll(() => picture.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth === 1)).toBe(true);
  });

  it("人员调出 over HTTP: strange names, text for the file and a file over 4 MB are field errors, never a 500", async () => {
    const { page } = b;
    await b.signIn("用人单位", from.idNumber, from.password, from.name);
    await page.goto(`${portalUrl}/reviews/transfers?tab=out`);
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    // The page is an index route: a POST reaches its action with ?index, as Remix's <Form> sends it.
    const url = `${portalUrl}/reviews/transfers?index&tab=out`;
    const headers = { Origin: portalUrl };
    const base = { _csrf: token, intent: "create", accountId: "not-a-uuid", contactPhone: "0532-1", reason: "x", toUnitId: "" };
    for (const name of ['a"b.png', "a\\b.png", "a\nb.png", "a\rb.png", "a\u0000b.png", `${"名".repeat(3000)}.png`, "\u00ff\u00fe.png"]) {
      const res = await page.request.post(url, { headers, multipart: { ...base, attachment: { name, mimeType: "image/png", buffer: PNG } } });
      expect(res.status(), JSON.stringify(name.slice(0, 20))).toBe(400);
    }
    const textForFile = await page.request.post(url, { headers, multipart: { ...base, accountId: person.accountId, attachment: "not a file" } });
    expect(textForFile.status()).toBe(400);
    expect(await textForFile.text()).toContain("请选择要上传的文件");
    const big = await page.request.post(url, {
      headers,
      multipart: { ...base, attachment: { name: "big.png", mimeType: "image/png", buffer: Buffer.concat([PNG, randomBytes(4 * 1024 * 1024)]) } },
    });
    expect(big.status()).toBe(400);
    expect(await big.text()).toContain("附件大小不能超过4M");
  });
});
