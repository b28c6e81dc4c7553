import { readFileSync } from "node:fs";
import { calendarYear, PERSON_YEAR_COLUMNS } from "@ce/contracts";
import type { Redis } from "ioredis";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectTrail, openBrowser, type Person, portalUrl, signIn, signOut, takeOverDemoAdmin } from "./org-support.ts";
import { type StatsWorld, statsWorld } from "./statistics-support.ts";

// 查询统计 › 管理看板 and 人年抽取 in the browser as the province's super admin (issue 11 items 6
// and 3): each of the four dashboards drawn (an SVG chart) with its table, the fresh employer of
// statistics-support.ts in 达标进度 (注册 3, 合格 1; 乙 and 丙 not reaching the rule at their pace)
// and in 审批时效 (its three records decided, by unit and by the province's admin as 审核人), and
// the person-year extract downloaded as CSV and as Parquet: the documented columns, the employer's
// three people by pseudonym only.
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let redis: Redis;
let province: Person;
let world: StatsWorld;

beforeAll(async () => {
  browser = await openBrowser();
  ({ page, redis } = browser);
  const jinan = await takeOverDemoAdmin(redis, "济南市交通运输局", "JinanBoards2026");
  province = await takeOverDemoAdmin(redis, "山东省交通运输厅", "ShandongBoards2026");
  world = await statsWorld(redis, jinan, province);
  await signIn(page, redis, province);
});
afterAll(async () => {
  if (province) await signOut(page, province).catch(() => undefined);
  await browser?.close();
});

/** The cells of the row of the table captioned `caption` that contains `text`. */
async function rowCells(caption: string, text: string): Promise<string[]> {
  const table = page.locator("table").filter({ has: page.locator("caption", { hasText: caption }) });
  const row = table.first().getByRole("row").filter({ hasText: text });
  await expect.poll(() => row.count()).toBe(1);
  return (await row.locator("th, td").allInnerTexts()).map((c) => c.trim());
}

describe("管理看板", () => {
  it("draws the four dashboards, each with its table, the fresh employer's figures among them", async () => {
    await page.goto(`${portalUrl}/stats/dashboard`);
    for (const title of ["达标进度", "审批时效", "驳回原因", "继续教育基地质量"]) await page.getByRole("heading", { name: new RegExp(`^${title}`) }).waitFor();
    await expect.poll(() => page.locator("figure [data-chart] svg").count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    expect(await rowCells("各单位达标进度", world.unitName)).toEqual([world.unitName, "用人单位", "3", "1", "33.33%", "1", "33.33%"]);
    // The 合计 row names no unit type (it read 主管部门 for every caller, an employer's admin too).
    const total = await rowCells("各单位达标进度", "合计");
    expect(total.slice(0, 2)).toEqual(["合计", ""]);
    expect(Number(total[2])).toBeGreaterThanOrEqual(3);
    const byUnit = await rowCells("各申报单位审批时效", world.unitName);
    expect(byUnit.slice(0, 2)).toEqual([world.unitName, "3"]);
    expect(byUnit.at(-1)).toBe("0");
    // 按审核人: the province's admin ended each chain of the employer's three records — by name, with its chart.
    const byApprover = await rowCells("各审核人审批时效", province.name);
    expect(byApprover[0]).toBe(province.name);
    expect(Number(byApprover[1])).toBeGreaterThanOrEqual(3);
    expect(byApprover).toHaveLength(4); // 审核人 审结条数 用时中位数 90%用时
    await page.getByRole("figure", { name: "各审核人审批用时（天）" }).locator("[data-chart] svg").waitFor({ timeout: 15_000 });
    await page
      .getByRole("table", { name: "驳回原因", exact: true })
      .getByRole("row", { name: /证明材料不全或不清晰/ })
      .waitFor();
    await page.getByRole("table", { name: "继续教育基地质量", exact: true }).waitFor();
    // 超期天数 out of range: refused next to the field, no dashboards.
    await page.goto(`${portalUrl}/stats/dashboard?pendingDays=0`);
    await expect.poll(() => page.locator("#filter-pendingDays-error").innerText()).toBe("超期天数不能小于1");
  });
});

describe("人年抽取", () => {
  const year = String(calendarYear(new Date()));

  async function download(format: "CSV（Excel 可打开）" | "Parquet（分析工具）") {
    await page.goto(`${portalUrl}/stats/extract`);
    await page.getByLabel("开始年度").fill(year);
    await page.getByLabel("结束年度").fill(year);
    await page.getByLabel("文件格式").selectOption({ label: format });
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载人年抽取" }).click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  }

  it("downloads the CSV: the documented columns, the employer's people by pseudonym, no name or ID number", async () => {
    const { name, bytes } = await download("CSV（Excel 可打开）");
    expect(name).toMatch(new RegExp(`^人年抽取_${year}-${year}_统计时间\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    const [header, ...lines] = text.split("\r\n").filter((l) => l.length > 0);
    expect(header).toBe(PERSON_YEAR_COLUMNS.map((c) => `"${c.name}"`).join(","));
    // Disclosure control (k = 5, docs/analysts.md): the employer's three people share their unit with
    // fewer than five, so it is never named; every combination of unit, 地区, title and education shown covers ≥ 5 rows.
    expect(lines.filter((l) => l.includes(`"${world.unitName}"`))).toEqual([]);
    const combos = new Map<string, number>();
    for (const l of lines) {
      const cells = l.split(",");
      const key = [2, 5, 6, 8, 10].map((i) => cells[i]).join("|");
      combos.set(key, (combos.get(key) ?? 0) + 1);
    }
    for (const n of combos.values()) expect(n).toBeGreaterThanOrEqual(5);
    for (const p of [world.compliant, world.studying, world.idle]) {
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.idNumber);
      expect(text).not.toContain(p.idNumberMasked);
      expect(text).not.toContain(p.accountId);
    }
  });

  it("downloads the Parquet file", async () => {
    const { name, bytes } = await download("Parquet（分析工具）");
    expect(name.endsWith(".parquet")).toBe(true);
    expect(bytes.subarray(0, 4).toString()).toBe("PAR1");
    expect(bytes.subarray(-4).toString()).toBe("PAR1");
  });
});

describe("a refused download stays on its page", () => {
  const year = calendarYear(new Date());

  /** The page after a refused download: the menu and the breadcrumb are there, no bare error page. */
  async function onPage(trail: string) {
    await expectTrail(page, trail);
    expect(await page.getByRole("navigation").count()).toBeGreaterThan(0);
    expect(await page.locator("body").innerText()).not.toContain("出错了");
  }

  it.each([
    // [what, how it is asked, the field whose message shows, the message, the values the form keeps]
    [
      "开始年度 too early for the span",
      { fromYear: "2010", toYear: String(year) },
      "toYear",
      "一次最多抽取10个年度",
      { fromYear: "2010", toYear: String(year) },
    ],
    ["开始年度 not a year", { fromYear: "abc", toYear: String(year) }, "fromYear", "开始年度须为整数年份", { fromYear: "abc", toYear: String(year) }],
    [
      "结束年度 before 开始年度",
      { fromYear: String(year), toYear: String(year - 1) },
      "toYear",
      "结束年度不能早于开始年度",
      { fromYear: String(year), toYear: String(year - 1) },
    ],
    // Only the service knows: 统计时间 after today (it comes back in the one-time refusal).
    [
      "统计时间 after today",
      { fromYear: String(year), toYear: String(year), asOf: "2099-01-01" },
      "asOf",
      "统计时间不能晚于今天",
      { fromYear: String(year), toYear: String(year) },
    ],
  ])("人年抽取: %s — the message next to the field, the form keeping its values", async (_, asked, field, message, kept) => {
    if (field === "toYear" && asked.fromYear === "2010") {
      // Typed into the form and sent, as the trial did.
      await page.goto(`${portalUrl}/stats/extract`);
      await page.getByLabel("开始年度").fill(asked.fromYear);
      await page.getByLabel("结束年度").fill(asked.toYear);
      await Promise.all([page.waitForURL(/\/stats\/extract\?/), page.getByRole("button", { name: "下载人年抽取" }).click()]);
    } else {
      const answer = await page.goto(`${portalUrl}/stats/extract/download?${new URLSearchParams({ format: "csv", ...asked })}`);
      expect(answer?.status()).toBe(400);
    }
    await onPage("查询统计 > 人年抽取");
    await expect.poll(() => page.locator(`#filter-${field}-error`).innerText()).toContain(message);
    expect(await page.locator(`#filter-${field}`).getAttribute("aria-invalid")).toBe("true");
    for (const [name, value] of Object.entries(kept)) expect(await page.locator(`#filter-${name}`).inputValue()).toBe(value);
    // Shown once: a reload asks again (the address's values), the one-time refusal is gone.
    if (field === "asOf") {
      await page.reload();
      expect(await page.locator("#filter-asOf-error").count()).toBe(0);
    }
  });

  it("导出 of a statistics page: a refused export comes back to the page, its message by 统计时间", async () => {
    const answer = await page.goto(`${portalUrl}/stats/counts/export?asOf=2099-01-01&format=csv`);
    expect(answer?.url()).toBe(`${portalUrl}/stats/counts?asOf=2099-01-01`);
    await onPage("查询统计 > 专业技术人员数量查询");
    await expect.poll(() => page.locator("#filter-asOf-error").innerText()).toMatch(/^统计时间不能晚于今天/);
    expect(await page.getByLabel("统计时间:", { exact: true }).inputValue()).toBe("2099-01-01");
  });
});
