import { readFileSync } from "node:fs";
import { addDays, calendarDate } from "@ce/contracts";
import ExcelJS from "exceljs";
import type { Redis } from "ioredis";
import type { Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmInDialog } from "./dialog-support.ts";
import { identityAs } from "./hours-support.ts";
import { expectTrail, openBrowser, type Person, portalUrl, signIn, signOut, takeOverDemoAdmin } from "./org-support.ts";
import { type StatsWorld, statsWorld } from "./statistics-support.ts";

// 查询统计's four pages in the browser, as the province and as a city admin (济南市): the guide's
// columns and pager, a chart drawn (an SVG), an export downloaded and read back, and a bad 统计时间
// refused next to its field. The figures come from a fresh employer whose people and hours were
// made through the real services (statistics-support.ts): 注册 3, 学习 2, 合格 1, 合格率 33.33%.
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let redis: Redis;
let jinan: Person, province: Person;
let world: StatsWorld;
/** Every URL the browser asked for (navigations, redirects followed, downloads, data fetches). */
const requested: string[] = [];
const today = calendarDate(new Date());

beforeAll(async () => {
  browser = await openBrowser();
  ({ page, redis } = browser);
  jinan = await takeOverDemoAdmin(redis, "济南市交通运输局", "JinanStats2026");
  province = await takeOverDemoAdmin(redis, "山东省交通运输厅", "ShandongStats2026");
  world = await statsWorld(redis, jinan, province);
  page.on("request", (r) => requested.push(r.url()));
  // Every page records the CSP violations it meets: a chart must not need unsafe-eval or inline styles.
  await page.context().addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
});
afterAll(() => browser?.close());

/** The header cells of the first table captioned `caption`. */
async function headers(caption: string): Promise<string[]> {
  const table = page.locator("table").filter({ has: page.locator("caption", { hasText: caption }) });
  return (await table.first().locator("thead th").allInnerTexts()).map((h) => h.trim());
}

/** The cells of the row of the table captioned `caption` that contains `text`. */
async function rowCells(caption: string, text: string): Promise<string[]> {
  const table = page.locator("table").filter({ has: page.locator("caption", { hasText: caption }) });
  const row = table.first().getByRole("row").filter({ hasText: text });
  await expect.poll(() => row.count()).toBe(1);
  return (await row.locator("th, td").allInnerTexts()).map((c) => c.trim());
}

const pagerText = async () => (await page.getByRole("navigation", { name: "分页" }).first().innerText()).replace(/\s+/g, " ").trim();

/** Waits for the page's chart to be drawn: an SVG inside the figure's drawing box. */
async function expectChart() {
  await page.locator("figure [data-chart] svg").first().waitFor();
  expect(
    await page
      .locator("figure [data-chart] svg")
      .first()
      .evaluate((svg) => svg.getBoundingClientRect().height),
  ).toBeGreaterThan(50);
}

async function expectNoCspViolation(what: string) {
  await page.waitForLoadState("networkidle");
  expect((await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).join("\n"), what).toBe("");
}

/** Clicks a download link and reads the file back: the XLSX's first sheet as rows of cell values. */
async function downloadXlsx(linkName: string): Promise<{ name: string; rows: unknown[][] }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("no sheet in the download");
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: download.suggestedFilename(), rows };
}

/** Clicks a download link and reads the CSV back as text. */
async function downloadCsv(linkName: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  return readFileSync(await download.path(), "utf8");
}

/** `idNumber` is in no URL: the page's address, its links and form targets, nor any request the browser made. */
async function expectNoIdNumberInUrls(idNumber: string) {
  expect(page.url()).not.toContain(idNumber);
  const targets = await page.locator("a[href], form[action]").evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? e.getAttribute("action") ?? ""));
  expect(targets.length).toBeGreaterThan(0);
  expect(targets.filter((t) => t.includes(idNumber))).toEqual([]);
  expect(requested.filter((u) => u.includes(idNumber))).toEqual([]);
}

/** The bad 统计时间 cases: typed value → the message shown next to the field (with 400, no table). */
const badDates: Array<[string, string]> = [
  [addDays(today, 1), `统计时间不能晚于今天（${today}）`],
  ["1999-12-31", "统计时间不能早于2000-01-01"],
  ["2026-02-30", "统计时间不是有效日期，请按YYYY-MM-DD填写"],
  ["abc", "统计时间不是有效日期，请按YYYY-MM-DD填写"],
];

describe.each([
  ["the province", () => province],
  ["a city admin (济南市)", () => jinan],
])("查询统计 as %s", (_, who) => {
  // One sign-in for the four pages (sign-in attempts are rate-limited per address).
  beforeAll(() => signIn(page, redis, who()));
  afterAll(() => signOut(page, who()));

  it("专业技术人员数量查询: the unit's figures, drill to the people and a person's 学习记录 on the same 统计时间, a chart, an export, bad 统计时间 refused", async () => {
    await page.goto(`${portalUrl}/stats/counts?pageSize=200`);
    await expectTrail(page, "查询统计 > 专业技术人员数量查询");
    expect(await page.getByLabel("统计时间:", { exact: true }).inputValue()).toBe(today);
    expect(await headers("专业技术人员数量")).toEqual(["单位名称", "单位类型", "注册总数", "学习总数", "合格总数", "合格率"]);
    expect(await rowCells("专业技术人员数量", world.unitName)).toEqual([world.unitName, "用人单位", "3", "2", "1", "33.33%"]);
    // The 合计 row names no unit type (it once read 主管部门), and its figures lead to the whole subtree's people.
    expect((await rowCells("专业技术人员数量", "合计")).slice(0, 2)).toEqual(["合计", ""]);
    expect(await pagerText()).toMatch(/^第1\/1页 共\d+条 显示第1到\d+条 首页 1 尾页$/);
    await expectChart();
    // 合格率 by unit, and the hours approved per month (twelve months up to 统计时间).
    await expect.poll(() => page.locator("figure [data-chart] svg").count()).toBe(2);
    await page.getByRole("img", { name: /审核通过学时（按月.*（柱状图）/ }).waitFor();
    await page.screenshot({ path: "/tmp/portal-stats-counts.png", fullPage: true });
    await expectNoCspViolation("/stats/counts");

    // 导出Excel: the same figures, the 合计 row last; the sheet is named with its 统计时间.
    const xlsx = await downloadXlsx("导出Excel");
    expect(xlsx.name).toBe(`专业技术人员数量查询_统计时间${today}_${today}.xlsx`);
    expect(xlsx.rows[0]).toEqual(["序号", "单位名称", "单位类型", "注册总数", "学习总数", "合格总数", "合格率"]);
    expect(xlsx.rows.find((r) => r[1] === world.unitName)?.slice(1)).toEqual([world.unitName, "用人单位", 3, 2, 1, "33.33%"]);
    expect(xlsx.rows.at(-1)?.[1]).toBe("合计");

    // 合格总数 → the one person behind it → their 学习记录, 统计时间 carried through.
    const unitRow = page.getByRole("row").filter({ hasText: world.unitName });
    await unitRow.getByRole("link", { name: "1", exact: true }).click();
    await page.waitForURL(/\/stats\/counts\/people\?/);
    expect(new URL(page.url()).searchParams.get("asOf")).toBe(today);
    expect(await rowCells(`${world.unitName} 合格总数`, world.compliant.name)).toEqual([
      "1",
      world.compliant.name,
      world.compliant.idNumberMasked,
      world.unitName,
      "30",
      "60",
      "90",
      "合格",
      "学习记录",
    ]);
    await expectTrail(page, "查询统计 > 专业技术人员数量查询 > 合格总数");
    expect(await pagerText()).toBe("第1/1页 共1条 显示第1到1条 首页 1 尾页");
    await page.getByRole("link", { name: "学习记录", exact: true }).click();
    await page.waitForURL(/\/learning\?/);
    expect(new URL(page.url()).searchParams.get("asOf")).toBe(today);
    expect(await rowCells(`${world.compliant.name}的学习记录`, String(world.year))).toEqual(["1", String(world.year), "30", "60", "90", "合格"]);
    await page.screenshot({ path: "/tmp/portal-stats-learning.png", fullPage: true });

    // A past 统计时间: the unit did not exist yet, so it is not counted.
    await page.goto(`${portalUrl}/stats/counts?pageSize=200&asOf=${addDays(today, -1)}`);
    await page.getByRole("navigation", { name: "分页" }).waitFor();
    expect(await page.getByRole("row").filter({ hasText: world.unitName }).count()).toBe(0);

    for (const [typed, message] of badDates) {
      const res = (await page.goto(`${portalUrl}/stats/counts?asOf=${encodeURIComponent(typed)}`)) as Response;
      expect(res.status(), typed).toBe(400);
      expect(await page.locator("#filter-asOf-error").innerText(), typed).toBe(message);
      expect(await page.getByLabel("统计时间:", { exact: true }).getAttribute("aria-describedby")).toBe("filter-asOf-error");
      expect(await page.locator("table").count(), typed).toBe(0);
    }
  });

  it("专业技术人员信息查询: the guide's filters and columns, masked 证件号, 详细 and 学习记录, a CSV export", async () => {
    await page.goto(`${portalUrl}/stats/professionals`);
    await expectTrail(page, "查询统计 > 专业技术人员信息查询");
    for (const label of ["地区", "姓名", "证件号", "证书管理号", "学历", "专业技术职务", "现专业技术职称资格"])
      await page.getByLabel(`${label}:`, { exact: true }).waitFor();
    // 主管部门 is the one picker (a combobox named by its label, without the colon).
    await page.getByText("主管部门:", { exact: true }).waitFor();
    await page.getByRole("combobox", { name: "主管部门" }).waitFor();
    const stem = world.compliant.name.slice(0, -1);
    await page.getByLabel("姓名:", { exact: true }).fill(stem);
    await page.getByRole("button", { name: "查询" }).click();
    await page.waitForURL(/name=/);
    expect(await headers("专业技术人员信息")).toEqual(["序号", "姓名", "证件号", "所在单位", "学历", "专业技术职务", "操作"]);
    expect(await rowCells("专业技术人员信息", world.studying.name)).toEqual([
      expect.stringMatching(/^[123]$/),
      world.studying.name,
      world.studying.idNumberMasked,
      world.unitName,
      "本科",
      "工程技术",
      expect.stringMatching(/^详细\s*重置密码\s*学习记录$/),
    ]);
    expect(await pagerText()).toBe("第1/1页 共3条 显示第1到3条 首页 1 尾页");
    expect(await page.locator("body").innerText()).not.toContain(world.studying.idNumber);
    await expectNoCspViolation("/stats/professionals");

    const csv = await page.request.get(`${portalUrl}/stats/professionals/export?name=${encodeURIComponent(stem)}&format=csv`);
    expect(csv.status()).toBe(200);
    const text = (await csv.body()).toString("utf8");
    expect(text).toContain(`"${world.idle.name}","${world.idle.idNumberMasked}","${world.unitName}","本科","工程技术"`);
    expect(text).not.toContain(world.idle.idNumber);

    // By the whole 证件号 (exact, blind index): one person, and the number in no URL — the page's,
    // its links, its exports (posted through /id-search, sealed behind idq); 重置密码 gives a
    // temporary password once and comes back to the same search; 详细 shows them masked.
    requested.length = 0; // the other admin's run typed this number into a URL on purpose, below
    await page.getByLabel("证件号:", { exact: true }).fill(world.idle.idNumber);
    await page.getByRole("button", { name: "查询" }).click();
    await page.waitForURL(/idq=/);
    expect(await pagerText()).toBe("第1/1页 共1条 显示第1到1条 首页 1 尾页");
    await expectNoIdNumberInUrls(world.idle.idNumber);
    expect((await downloadCsv("导出CSV")).split("\n")[1]).toContain(world.idle.idNumberMasked);
    await page.getByRole("button", { name: "重置密码" }).click();
    await confirmInDialog(page);
    await page.getByText(`已重置${world.idle.name}的密码，临时密码（仅显示一次）：`).waitFor();
    expect(await pagerText()).toBe("第1/1页 共1条 显示第1到1条 首页 1 尾页");
    await expectNoIdNumberInUrls(world.idle.idNumber);
    // A number written into the URL itself is refused, never searched by.
    const typed = (await page.goto(`${portalUrl}/stats/professionals?idNumber=${world.idle.idNumber}`)) as Response;
    expect(typed.status()).toBe(400);
    await page.getByText("证件号不能写在网址中").waitFor();
    await page.goBack();
    await page.getByRole("link", { name: "详细" }).click();
    await page.waitForURL(new RegExp(`/stats/professionals/${world.idle.accountId}$`));
    await page.getByRole("definition").filter({ hasText: world.idle.idNumberMasked }).waitFor();
    await expectTrail(page, "查询统计 > 专业技术人员信息查询 > 详细");
    // 状态 in the words of every 详细 (contracts registrationStatusLabels), not a table of the page's own.
    const status = page.locator("main dl > div").filter({ has: page.getByRole("term").getByText("状态:", { exact: true }) });
    expect(await status.getByRole("definition").innerText()).toBe("审核通过");
    // 学习记录 of someone without hours: today's 统计时间, the guide's empty table.
    await page.getByRole("link", { name: "学习记录", exact: true }).click();
    await page.waitForURL(new RegExp(`/stats/professionals/${world.idle.accountId}/learning$`));
    await page
      .getByRole("table", { name: `${world.idle.name}的学习记录` })
      .getByRole("cell", { name: "没有数据" })
      .waitFor();
    expect(await page.getByLabel("统计时间:", { exact: true }).inputValue()).toBe(today);
    await expectTrail(page, "查询统计 > 专业技术人员信息查询 > 学习记录");
  });

  it("职称系列分布情况: the guide's table for one 用人单位, the same numbers as a stacked chart, an export", async () => {
    await page.goto(`${portalUrl}/stats/title-series?employer=${encodeURIComponent(world.unitName)}`);
    await expectTrail(page, "查询统计 > 职称系列分布情况");
    expect(await headers("职称系列分布情况")).toEqual(["专业技术职务", "职称人数", "人数", "初级", "中级", "高级", "无"]);
    expect(await rowCells("职称系列分布情况", "高等学校教师")).toEqual(["高等学校教师", "0", "0", "0", "0", "0"]);
    expect(await rowCells("职称系列分布情况", "工程技术")).toEqual(["工程技术", "0", "3", "0", "0", "3"]);
    expect(await rowCells("职称系列分布情况", "合计")).toEqual(["合计", "0", "3", "0", "0", "3"]);
    expect(await pagerText()).toMatch(/^第1\/1页 共(\d+)条 显示第1到\1条 首页 1 尾页$/);
    await expectChart();
    // The chart's own table (for screen readers) holds the same figures.
    expect(await rowCells("职称系列分布情况（", "工程技术")).toEqual(["工程技术", "0", "3", "0", "0"]);
    await page.screenshot({ path: "/tmp/portal-stats-title-series.png", fullPage: true });
    await expectNoCspViolation("/stats/title-series");
    const xlsx = await downloadXlsx("导出Excel");
    expect(xlsx.rows[0]).toEqual(["专业技术职务", "初级", "中级", "高级", "无", "人数"]);
    expect(xlsx.rows.find((r) => r[0] === "工程技术")).toEqual(["工程技术", 0, 3, 0, 0, 3]);
    expect(xlsx.rows.at(-1)).toEqual(["合计", 0, 3, 0, 0, 3]);

    const bad = (await page.goto(`${portalUrl}/stats/title-series?to=${addDays(today, 1)}`)) as Response;
    expect(bad.status()).toBe(400);
    expect(await page.locator("#filter-to-error").innerText()).toBe(`结束时间不能晚于今天（${today}）`);
  });

  it("学习记录验证: 没有数据 until asked, then 年度 完成公需课时 完成专业课时 总完成学时 认定结果 by 证件号", async () => {
    await page.goto(`${portalUrl}/stats/verification`);
    await expectTrail(page, "查询统计 > 学习记录验证");
    expect(await headers("学习记录验证")).toEqual(["序号", "证件号", "姓名", "年度", "完成公需课时", "完成专业课时", "总完成学时", "认定结果", "操作"]);
    expect(await page.locator("table tbody").innerText()).toContain("没有数据");
    await page.getByLabel("证件号:", { exact: true }).fill(world.studying.idNumber);
    await page.getByRole("button", { name: "查验" }).click();
    await page.waitForURL(/idq=/);
    await expectNoIdNumberInUrls(world.studying.idNumber);
    expect(await rowCells("学习记录验证", String(world.year))).toEqual([
      "1",
      world.studying.idNumberMasked,
      world.studying.name,
      String(world.year),
      "30",
      "0",
      "30",
      "不合格",
      "学习记录",
    ]);
    expect(await pagerText()).toBe("第1/1页 共1条 显示第1到1条 首页 1 尾页");
    await expectNoCspViolation("/stats/verification");
    const xlsx = await downloadXlsx("导出Excel");
    expect(xlsx.rows).toEqual([
      ["序号", "证件号", "姓名", "年度", "完成公需课时", "完成专业课时", "总完成学时", "认定结果"],
      [1, world.studying.idNumberMasked, world.studying.name, world.year, 30, 0, 30, "不合格"],
    ]);
  });
});

describe("查询统计 keeps a city admin to their own subtree", () => {
  it("refuses another city's 用人单位 next to the field and a drill into another city's unit, showing none of their figures", async () => {
    const [qingdao] = await identityAs().registration.searchUnits.query({ name: "青岛港国际股份有限公司" });
    if (!qingdao) throw new Error("no demo unit 青岛港国际股份有限公司");
    await signIn(page, redis, jinan);
    const refused = (await page.goto(`${portalUrl}/stats/title-series?employer=${encodeURIComponent(qingdao.name)}`)) as Response;
    expect(refused.status()).toBe(404);
    expect(await page.locator("#filter-employer-error").innerText()).toBe("用人单位不存在或不在您的管理范围内");
    expect(await page.locator("table").count()).toBe(0);
    const drilled = (await page.goto(`${portalUrl}/stats/counts?unitId=${qingdao.id}`)) as Response;
    expect(drilled.status()).toBe(404);
    expect(await page.getByRole("alert").innerText()).toContain("不在您的管理范围内");
    // Its export: no file — back on the page (with the menu), refused the same way.
    const exported = (await page.goto(`${portalUrl}/stats/counts/export?unitId=${qingdao.id}&format=csv`)) as Response;
    expect(exported.url()).toBe(`${portalUrl}/stats/counts?unitId=${qingdao.id}`);
    expect(exported.status()).toBe(404);
    expect(await page.getByRole("alert").innerText()).toContain("不在您的管理范围内");
    expect(await page.getByRole("navigation", { name: "主菜单" }).count()).toBe(1);
    await signOut(page, jinan);
  });
});
