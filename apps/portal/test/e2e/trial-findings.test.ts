import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ATTACHMENT_SIZE_MESSAGE, ATTACHMENT_TYPE_MESSAGE } from "@ce/contracts";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { forgetSession } from "./chromium.ts";
import { approvedProfessionals, fillDeclaredClass, openDeclaration, uniqueName } from "./hours-support.ts";
import { apiLogin, expectTrail, identity, mailedResetToken, openBrowser, pendingEmployer, portalUrl, signIn, takeOverDemoAdmin } from "./org-support.ts";
import { pick } from "./picker-support.ts";

// A new user's trial of the portal (after issue 13): each finding as a browser check of its kind.
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
const dir = mkdtempSync(path.join(tmpdir(), "ce-trial-"));

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A file of this test's own under `name`, holding `bytes`: what a person picks in the file dialog. */
function fileNamed(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

// A 1×1 PNG: a good 附件 beside the bad one, so the message must say which of the two it refuses.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

describe("审核用人单位 shows the applicant who becomes the unit's super admin before 通过", () => {
  it("详细 lists the unit and its 超级管理员 (姓名, 证件号 and 手机 masked, 电子邮箱), never the clear numbers, and 通过 decides it", async () => {
    const jinan = await takeOverDemoAdmin(browser.redis, "济南市交通运输局", "TrialFindings2026");
    const unitName = `申请人可见运输有限公司${Date.now() % 100_000}`;
    const applicant = await pendingEmployer(browser.redis, await apiLogin(browser.redis, jinan), unitName);
    await signIn(page, browser.redis, jinan);
    await page.goto(`${portalUrl}/reviews/employers`);
    await page.getByRole("link", { name: `${unitName}详细` }).click();
    await page.waitForURL(new RegExp(`/reviews/employers/${applicant.unitId}$`));
    await expectTrail(page, "详细", { contains: true });
    const facts = page.getByRole("region", { name: "超级管理员（申请人）" });
    const text = await facts.innerText();
    expect(text).toContain(applicant.admin.name);
    expect(text).toContain(`${applicant.admin.idNumber.slice(0, 10)}****${applicant.admin.idNumber.slice(14)}`);
    expect(text).toContain(`${applicant.phone.slice(0, 3)}*****${applicant.phone.slice(9)}`);
    expect(text).toContain(applicant.email);
    expect(text).toContain("身份证");
    const html = await page.content();
    expect(html).not.toContain(applicant.admin.idNumber);
    expect(html).not.toContain(applicant.phone);
    expect(await page.getByRole("region", { name: "单位信息" }).innerText()).toContain(unitName);
    await Promise.all([page.waitForURL(/\/reviews\/employers$/), page.getByRole("button", { name: "通过", exact: true }).click()]);
    await page.getByText("已审核通过1个单位").waitFor();
  });
});

describe("a refused upload names its file and says why, on every upload form", () => {
  const unit = "青岛地铁集团有限公司";

  it("学时申报's 附件 (type and size, one good file beside), 人员调出's 附件 and 批量导入's 导入文件", async () => {
    const admin = await takeOverDemoAdmin(browser.redis, unit, "TrialUploads2026");
    const [person] = await approvedProfessionals(browser.redis, admin, unit, [uniqueName("上传测试")]);
    if (!person) throw new Error("no person");
    await signIn(page, browser.redis, admin);
    const good = fileNamed("好的扫描件.png", PNG);

    // 学时申报: the form filled once; each case chooses its files and submits.
    await openDeclaration(page);
    await pick(page, "选择申请人", person.name, `${person.idNumberMasked}，${unit}`);
    const fillDeclaration = () => fillDeclaredClass(page, { school: "培训中心", className: "岗位培训班", from: "03-02", to: "03-03", hours: 8 });
    const cases: { what: string; files: string[]; says: string }[] = [
      { what: "a PDF beside a good PNG", files: [good, fileNamed("结业证书.pdf", "%PDF-1.7\n%%EOF")], says: `文件“结业证书.pdf”：${ATTACHMENT_TYPE_MESSAGE}` },
      {
        what: "a file over 4 MB",
        files: [fileNamed("超大扫描件.png", Buffer.concat([PNG, randomBytes(4 * 1024 * 1024)]))],
        says: `文件“超大扫描件.png”：${ATTACHMENT_SIZE_MESSAGE}`,
      },
    ];
    for (const c of cases) {
      await fillDeclaration();
      await page.locator('input[type="file"][name="attachments"]').setInputFiles(c.files);
      await page.getByRole("button", { name: "提交申报" }).click();
      await page.getByText(c.says).waitFor();
      expect(await page.getByText("申报成功").count(), c.what).toBe(0);
    }

    // 人员调出
    await page.goto(`${portalUrl}/reviews/transfers?tab=out`);
    await Promise.all([page.waitForURL(/accountId=/), pick(page, "添加人员", person.name)]);
    await page.locator('input[name="contactPhone"]').fill("0532-88886666");
    await page.getByLabel("搜索调入单位").fill("青岛港");
    await expect.poll(() => page.locator('select[name="toUnitId"] option').allInnerTexts()).toContain("青岛港国际股份有限公司");
    await page.locator('select[name="toUnitId"]').selectOption({ label: "青岛港国际股份有限公司" });
    await page.locator('textarea[name="reason"]').fill("工作调动");
    await page.locator('input[type="file"][name="attachment"]').setInputFiles(fileNamed("调转函.docx", "PK not really a document"));
    await page.getByRole("button", { name: "提交转出申请" }).click();
    await page.getByText(`文件“调转函.docx”：${ATTACHMENT_TYPE_MESSAGE}`).waitFor();

    // 批量导入
    await page.goto(`${portalUrl}/import`);
    await page.getByLabel("导入文件").setInputFiles(fileNamed("人员名单.pdf", "%PDF-1.7\n%%EOF"));
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "上传并校验" }).click()]);
    await page.getByText("文件“人员名单.pdf”：仅支持 .xlsx 或 .csv 文件").waitFor();
  });
});

describe("a dead password-reset link says so at once", () => {
  it("a used, replaced, forged or missing token shows 已失效 with 忘记登录密码 and no 新密码 (410); a live one shows the form", async () => {
    await forgetSession(page);
    const unit = "济南市交通运输局";
    const open = async (token: string | null) => {
      const response = await page.goto(`${portalUrl}/reset-password${token === null ? "" : `?token=${encodeURIComponent(token)}`}`);
      return response?.status();
    };
    const replaced = await mailedResetToken(browser.redis, unit);
    const live = await mailedResetToken(browser.redis, unit);
    expect(await open(live)).toBe(200);
    await page.getByLabel(/^\*?新密码:?$/).waitFor();
    // Opening the page used nothing up: the link still sets the password, and is dead afterwards.
    await identity().auth.resetPassword.mutate({ token: live, newPassword: "TrialReset2026", confirmPassword: "TrialReset2026" });
    const dead: [string, string | null][] = [
      ["used", live],
      ["replaced by a newer link", replaced],
      ["forged", "x".repeat(43)],
      ["cut short", live.slice(0, 12)],
      ["missing", null],
    ];
    for (const [what, token] of dead) {
      expect(await open(token), what).toBe(410);
      await page.getByRole("alert").filter({ hasText: "该重置链接已失效" }).waitFor();
      expect(await page.getByLabel(/新密码/).count(), what).toBe(0);
      expect(await page.getByRole("link", { name: /忘记登录密码/ }).getAttribute("href"), what).toBe("/forgot-password");
    }
  });
});

/**
 * Every visible input or textarea with a placeholder on the open page whose placeholder is wider
 * than its box (the text measured in the input's own font, against the box less its padding), or
 * whose content overflows it (scrollWidth > clientWidth): `name "placeholder" needed>room`.
 */
async function cutPlaceholders(): Promise<string[]> {
  return page.evaluate(() => {
    const ctx = document.createElement("canvas").getContext("2d");
    if (!ctx) return ["no canvas"];
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input[placeholder], textarea[placeholder]")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || el.placeholder === "") continue;
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const needed = ctx.measureText(el.placeholder).width;
      const room = el.clientWidth - Number.parseFloat(cs.paddingLeft) - Number.parseFloat(cs.paddingRight);
      if (needed > room + 0.5 || el.scrollWidth > el.clientWidth + 1) {
        out.push(`${el.name || el.id || el.getAttribute("aria-label")} "${el.placeholder}" ${Math.ceil(needed)}>${Math.floor(room)}`);
      }
    }
    return out;
  });
}

describe("every placeholder shows in full, on a phone and a desktop", () => {
  const anonymous = ["/login", "/forgot-password", "/register/professional", "/register/employer"];
  const signedIn = [
    "/hours/declare",
    "/hours/approvals",
    "/hours/records",
    "/hours/audits",
    "/reviews/professionals",
    "/reviews/employers",
    "/reviews/profile-changes",
    "/reviews/unit-changes",
    "/reviews/transfers?tab=in",
    "/accounts/admins/new",
    "/accounts/subordinates",
    "/accounts/training-bases",
    "/audit",
  ];

  it.each([
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ])("$width px: the 验证码 box and every other input with a placeholder on the main pages", async ({ width, height }) => {
    await page.setViewportSize({ width, height });
    const cut: string[] = [];
    await forgetSession(page);
    for (const path of anonymous) {
      await page.goto(`${portalUrl}${path}`);
      for (const c of await cutPlaceholders()) cut.push(`${path}: ${c}`);
    }
    await signIn(page, browser.redis, await takeOverDemoAdmin(browser.redis, "山东省交通运输厅", "TrialWidths2026"));
    for (const path of signedIn) {
      await page.goto(`${portalUrl}${path}`);
      for (const c of await cutPlaceholders()) cut.push(`${path}: ${c}`);
    }
    await signIn(page, browser.redis, await takeOverDemoAdmin(browser.redis, "青岛地铁集团有限公司", "TrialWidths2026"));
    for (const path of ["/reviews/transfers?tab=out", "/hours/declare", "/import"]) {
      await page.goto(`${portalUrl}${path}`);
      for (const c of await cutPlaceholders()) cut.push(`${path}: ${c}`);
    }
    expect(cut).toEqual([]);
  });
});

describe("Remix's old ?_data= requests", () => {
  it("get a clean 404 (JSON for a script, the error page for a browser), no loader's data, and no level-50 line in the portal's log", async () => {
    const log = path.join(inject("logDir"), "portal.log");
    const before = readFileSync(log, "utf8").length;
    const asked = [
      "/?_data=root",
      "/login?_data=routes%2Flogin",
      "/hours/records?tab=APPROVED&_data=routes%2F_app.hours.records._index",
      "/reset-password?token=abcdefghijklmnopqrstuvwxyz&_data=routes%2Freset-password",
    ];
    for (const url of asked) {
      const script = await page.request.get(`${portalUrl}${url}`, { headers: { accept: "*/*" }, maxRedirects: 0 });
      expect(script.status(), url).toBe(404);
      expect(await script.json(), url).toEqual({ message: "您访问的页面不存在" });
      const browsing = await page.request.get(`${portalUrl}${url}`, { headers: { accept: "text/html" }, maxRedirects: 0 });
      expect(browsing.status(), url).toBe(404);
      expect(await browsing.text(), url).toContain("您访问的页面不存在");
    }
    // The log is written as requests end; give the last line a moment.
    await expect
      .poll(
        () =>
          readFileSync(log, "utf8")
            .slice(before)
            .split("\n")
            .filter((l) => l.includes("_data")).length,
      )
      .toBeGreaterThanOrEqual(asked.length * 2);
    const lines = readFileSync(log, "utf8")
      .slice(before)
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { level: number; msg: string; err?: unknown });
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.filter((l) => l.msg === "legacy ?_data request answered 404").every((l) => l.level === 30 && l.err === undefined)).toBe(true);
  });
});
