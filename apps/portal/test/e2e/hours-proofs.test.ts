import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { calendarDate, calendarYear } from "@ce/contracts";
import { eventually } from "@ce/service-kit/testing";
import type { Redis } from "ioredis";
import jsQR from "jsqr";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvedProfessionals, approveThroughChain, declareOnline, hoursAs, type Registered, tokenOf, uniqueName } from "./hours-support.ts";
import { expectTrail, freshEmployer, openBrowser, type Person, portalUrl, signIn, signOut, takeOverDemoAdmin } from "./org-support.ts";
import { reportingAs } from "./statistics-support.ts";

// 学时证明 (issue 11 item 5) in the browser: a professional with 公需 30 + 专业 60 approved 开具s this
// year's proof (个人 › 学时证明), downloads the PDF, and the QR code read off the page (jsQR) opens
// the public /verify/<code> without a session: 有效, with its 证明编号. 济南市 fails the audit of the 专业 record; the
// verification page then says 已撤销. 济南市's admin sees the person's proofs on their 学习记录
// (已撤销), issues the new one there, and then finds 查看 instead of 开具 for that year; the revoked
// proof's PDF, asked for by its address, comes back to 学时证明 with the reason.

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let redis: Redis;
let jinan: Person;
let person: Registered;
let professionalRecord: string;
const year = calendarYear(new Date());

beforeAll(async () => {
  browser = await openBrowser();
  ({ page, redis } = browser);
  jinan = await takeOverDemoAdmin(redis, "济南市交通运输局", "JinanProof2026");
  const province = await takeOverDemoAdmin(redis, "山东省交通运输厅", "ShandongProof2026");
  const jinanToken = await tokenOf(redis, jinan);
  const unitName = `证明测试${randomInt(1000, 9999)}运输有限公司`;
  const employer = await freshEmployer(redis, jinanToken, unitName);
  const employerToken = await tokenOf(redis, employer);
  [person] = (await approvedProfessionals(redis, employer, unitName, [uniqueName("证明")])) as [Registered];
  const general = await declareOnline(employerToken, person, "GENERAL", 30);
  professionalRecord = await declareOnline(employerToken, person, "PROFESSIONAL", 60);
  await approveThroughChain(redis, [jinan, province], [general, professionalRecord]);
  const reporting = reportingAs(await tokenOf(redis, province));
  await eventually(async () => {
    const record = await reporting.statistics.learningRecord.query({ accountId: person.accountId });
    expect(record.years.find((y) => y.year === year)).toMatchObject({ general: 30, professional: 60, total: 90 });
  }, 20_000);
}, 120_000);
afterAll(() => browser?.close());

/** The QR code on the proof's page, decoded: its pixels read through a canvas, jsQR in the test. */
async function qrOnPage(): Promise<string> {
  const img = page.getByRole("img", { name: "学时证明查验二维码" });
  const pixels = await img.evaluate(async (el: HTMLImageElement) => {
    await el.decode();
    const canvas = document.createElement("canvas");
    canvas.width = el.naturalWidth;
    canvas.height = el.naturalHeight;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2d context");
    ctx.drawImage(el, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { data: Array.from(data), width, height };
  });
  const code = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
  if (!code) throw new Error("no QR code found on the page");
  return code.data;
}

/** The facts of the verification page, label → value. */
async function verificationFacts(): Promise<Record<string, string>> {
  const labels = await page.locator("dl dt").allInnerTexts();
  const values = await page.locator("dl dd").allInnerTexts();
  return Object.fromEntries(labels.map((l, i) => [l.replace(/:$/, "").trim(), (values[i] ?? "").trim()]));
}

let verifyUrl: string;
let firstProofId: string;

describe("学时证明", () => {
  it("a professional issues this year's proof, downloads the PDF and the QR code opens 有效 without signing in", async () => {
    await signIn(page, redis, person);
    // The home page links the person's menu pages (menu.test checks 查看申报记录 › 学时证明 is one of them).
    await Promise.all([page.waitForURL(/\/hours\/proofs$/), page.getByRole("main").getByRole("link", { name: "学时证明" }).click()]);
    await expectTrail(page, "查看申报记录 > 学时证明");
    await page.getByLabel("年度").selectOption(String(year));
    await Promise.all([page.waitForURL(/\/hours\/proofs\/[0-9a-f-]{36}$/), page.getByRole("button", { name: "开具学时证明" }).click()]);
    firstProofId = page.url().slice(page.url().lastIndexOf("/") + 1);

    const certificate = page.getByRole("article", { name: "专业技术人员继续教育学时证明" });
    const text = await certificate.innerText();
    expect(text).toContain(`${year}年度参加专业技术人员继续教育`);
    expect(text).toContain(person.name[0] ?? "");
    expect(text).not.toContain(person.name);
    expect(text).not.toContain(person.idNumber);
    expect(text).toMatch(/公需科目\s+30 学时/);
    expect(text).toMatch(/专业科目\s+60 学时/);
    expect(text).toMatch(/合计\s+90 学时/);
    expect(text).toMatch(/年度认定结果\s+合格/);
    await page.screenshot({ path: "/tmp/hours-proof-page.png", fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载PDF" }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^学时证明_${year}_XSZM${year}\\d{8}\\.pdf$`));
    const proofNo = download.suggestedFilename().replace(/^学时证明_\d{4}_|\.pdf$/g, "");
    expect(text).toContain(proofNo);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/FontName \/[A-Z]{6}\+NotoSerifCJKsc-Regular/);

    verifyUrl = await qrOnPage();
    expect(verifyUrl).toMatch(new RegExp(`^${portalUrl}/verify/[A-Za-z0-9_-]{22}$`));
    expect(await page.locator("[data-verify-url]").innerText()).toBe(verifyUrl);
    await page.goto(`${portalUrl}/hours/proofs`);
    expect(
      await page
        .getByRole("table", { name: "已开具的学时证明" })
        .getByRole("row")
        .filter({ hasText: String(year) })
        .innerText(),
    ).toContain("有效");
    await signOut(page, person);

    // No session: the public page, only the masked facts.
    const answer = await page.goto(verifyUrl);
    expect(answer?.status()).toBe(200);
    expect(answer?.headers()["content-security-policy"]).toContain("default-src");
    expect(await page.locator("[data-proof-status]").innerText()).toBe("有效");
    const facts = await verificationFacts();
    expect(facts).toEqual({
      // The number printed on the proof, so a reader can match the paper to the page.
      证明编号: proofNo,
      姓名: expect.stringMatching(/\*/),
      年度: String(year),
      // The proof's own rows, in the words of the page and the PDF (contracts hoursProofRows).
      公需科目: "30 学时",
      专业科目: "60 学时",
      合计: "90 学时",
      年度认定结果: "合格",
      开具日期: calendarDate(new Date()),
      证明状态: "有效",
    });
    const body = await page.locator("body").innerText();
    expect(body).not.toContain(person.name);
    expect(body).not.toContain(person.idNumberMasked);
    await page.screenshot({ path: "/tmp/hours-proof-verify.png", fullPage: true });

    // An altered code: 证明不存在, nothing else.
    const code = verifyUrl.slice(verifyUrl.lastIndexOf("/") + 1);
    const altered = `${code.slice(0, -1)}${code.endsWith("A") ? "B" : "A"}`;
    const forged = await page.goto(`${portalUrl}/verify/${altered}`);
    expect(forged?.status()).toBe(404);
    expect(await page.getByRole("alert").innerText()).toBe("证明不存在");
    expect(await page.locator("dl").count()).toBe(0);
  });

  it("a failed audit of the 专业 record revokes it: the verification page says 已撤销; the admin issues the new one from 学习记录", async () => {
    const jinanToken = await tokenOf(redis, jinan);
    const outcome = await hoursAs(jinanToken).audits.fail.mutate({ ids: [professionalRecord], reason: "结业证书无法核实" });
    expect(outcome.decided).toHaveLength(1);
    await eventually(async () => {
      await page.goto(verifyUrl);
      expect(await page.locator("[data-proof-status]").innerText()).toBe("已撤销");
    }, 20_000);
    expect((await verificationFacts()).证明状态).toBe("已撤销");

    await signIn(page, redis, jinan);
    await page.goto(`${portalUrl}/stats/professionals/${person.accountId}/learning`);
    // The admin sees the person's proofs: the one they issued themself, now 已撤销; the year's button 开具s anew.
    const proofRows = () =>
      page
        .getByRole("table", { name: "已开具的学时证明" })
        .getByRole("row")
        .filter({ hasText: `XSZM${year}` });
    expect(await proofRows().count()).toBe(1);
    expect(await proofRows().first().innerText()).toContain("已撤销");
    expect(await page.getByRole("link", { name: `查看${year}年度学时证明` }).count()).toBe(0);
    await Promise.all([
      page.waitForURL(new RegExp(`/stats/professionals/${person.accountId}/proofs/[0-9a-f-]{36}$`)),
      page.getByRole("button", { name: `开具${year}年度学时证明` }).click(),
    ]);
    // The address changes as the client navigates; the page's breadcrumb renders just after.
    await expectTrail(page, "查询统计 > 专业技术人员信息查询 > 学习记录 > 学时证明");
    const text = await page.getByRole("article", { name: "专业技术人员继续教育学时证明" }).innerText();
    expect(text).toMatch(/专业科目\s+0 学时/);
    expect(text).toMatch(/合计\s+30 学时/);
    expect(text).toMatch(/年度认定结果\s+不合格/);
    const renewed = await qrOnPage();
    expect(renewed).not.toBe(verifyUrl);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载PDF" }).click()]);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
    // Back on 学习记录: the year's valid proof is to be looked at (查看), not issued again; both proofs listed.
    await page.goto(`${portalUrl}/stats/professionals/${person.accountId}/learning`);
    expect(await page.getByRole("button", { name: `开具${year}年度学时证明` }).count()).toBe(0);
    expect((await proofRows().allInnerTexts()).map((t) => (t.includes("有效") ? "有效" : t.includes("已撤销") ? "已撤销" : t))).toEqual(["有效", "已撤销"]);
    await Promise.all([
      page.waitForURL(new RegExp(`/stats/professionals/${person.accountId}/proofs/[0-9a-f-]{36}$`)),
      page.getByRole("link", { name: `查看${year}年度学时证明` }).click(),
    ]);
    expect(await qrOnPage()).toBe(renewed);
    await signOut(page, jinan);

    await page.goto(renewed);
    expect(await page.locator("[data-proof-status]").innerText()).toBe("有效");
    expect((await verificationFacts()).合计).toBe("30 学时");
    await page.goto(verifyUrl);
    expect(await page.locator("[data-proof-status]").innerText()).toBe("已撤销");

    // The person asks for the revoked proof's PDF by its address: back to 学时证明 with the reason
    // (downloadLoader), never the bare 出错了 page.
    await signIn(page, redis, person);
    await page.goto(`${portalUrl}/hours/proofs/${firstProofId}/pdf`);
    await page.waitForURL(`${portalUrl}/hours/proofs`);
    await page.getByRole("main").getByRole("alert").filter({ hasText: "该学时证明已撤销，请重新开具" }).waitFor();
    expect(await page.locator("body").innerText()).not.toContain("出错了");
    await signOut(page, person);
  });
});
