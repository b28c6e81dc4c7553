import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetSession } from "./chromium.ts";
import { openBrowser, portalUrl, signIn, takeOverDemoAdmin } from "./org-support.ts";
import { pickerBox } from "./picker-support.ts";

// Issue 13.12 ("make the main pages usable on a phone"), new-user findings F2, F9 and F17: the
// province's main pages at 390×844. The page never scrolls sideways (a chart's screen-reader table
// once widened it by 222 px; the 选择申请人 list ran 27 px off the edge), a list's name columns stay
// on one or two lines inside the table's own scroller (they wrapped one character per line, rows
// 200–340 px tall), a chart's labels never overprint each other, and the menus are folded behind
// 菜单 so the page's work starts on the first screen.
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

const PAGES = [
  "/stats/counts",
  "/stats/professionals",
  "/stats/title-series",
  "/stats/dashboard",
  "/hours/records",
  "/hours/approvals",
  "/audit",
  "/reviews/professionals",
  "/accounts/admins",
  "/unit/profile",
];

/** Headers of the columns that hold a name (a person's, a unit's, a form's); their cells must not wrap per character. */
const NAME_HEADERS = ["姓名", "单位名称", "所在单位", "申请人", "学习形式", "专业技术职务", "操作人", "当前处理人"];

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  await signIn(page, browser.redis, await takeOverDemoAdmin(browser.redis, "山东省交通运输厅", "PhoneLayout2026"));
  await page.setViewportSize({ width: 390, height: 844 });
});
afterAll(() => browser?.close());

/** How far the open page is wider than the window (px; 0 when it fits), with the innermost elements sticking out. */
async function sideways(): Promise<string | null> {
  return page.evaluate(() => {
    const over = document.documentElement.scrollWidth - window.innerWidth;
    if (over <= 0) return null;
    const out = [...document.querySelectorAll<HTMLElement>("body *")].filter(
      (el) => el.getBoundingClientRect().right > window.innerWidth + 1 && el.children.length === 0,
    );
    return `${over}px too wide: ${out
      .slice(0, 3)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}">${(el.textContent ?? "").slice(0, 12)}`)
      .join(" | ")}`;
  });
}

/** Name cells (NAME_HEADERS columns) whose text takes more than two lines: “header: text Npx”. */
async function tallNameCells(): Promise<string[]> {
  return page.evaluate((headers) => {
    const out: string[] = [];
    for (const table of document.querySelectorAll("table")) {
      if (table.closest(".sr-only")) continue;
      const heads = [...table.querySelectorAll("thead tr:first-child th")].map((th) => (th.textContent ?? "").trim());
      for (const [col, header] of heads.entries()) {
        if (!headers.includes(header)) continue;
        for (const row of table.querySelectorAll("tbody tr")) {
          const cell = row.children[col];
          if (!(cell instanceof HTMLTableCellElement) || (cell.textContent ?? "").trim() === "" || cell.colSpan > 1) continue;
          // The text's own height, not the row's (another column may make the row taller).
          const range = document.createRange();
          range.selectNodeContents(cell);
          const height = range.getBoundingClientRect().height;
          const line = Number.parseFloat(getComputedStyle(cell).lineHeight);
          if (height > line * 2 + 2) out.push(`${header}: ${(cell.textContent ?? "").trim().slice(0, 12)} ${Math.round(height)}px`);
        }
      }
    }
    return out;
  }, NAME_HEADERS);
}

/** Pairs of upright texts drawn in a chart's SVG that overlap (rotated axis labels are checked by ECharts' hideOverlap). */
async function overprintedChartTexts(): Promise<string[]> {
  await page.waitForLoadState("networkidle");
  return page.evaluate(() => {
    const out: string[] = [];
    for (const chart of document.querySelectorAll('[data-chart="bar"]')) {
      const boxes = [...chart.querySelectorAll<SVGTextElement>("svg text")]
        .filter((t) => {
          const m = t.getCTM();
          const style = getComputedStyle(t);
          return m !== null && Math.abs(m.b) < 1e-6 && style.display !== "none" && style.opacity !== "0" && (t.textContent ?? "").trim() !== "";
        })
        .map((t) => ({ text: t.textContent ?? "", box: t.getBoundingClientRect() }));
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (w > 1 && h > 1) out.push(`${chart.getAttribute("aria-label")}: “${a.text}” over “${b.text}”`);
        }
      }
    }
    return out;
  });
}

/** What the layout checks find on each of `paths` (one line each), and how many charts and table cells they looked at. */
async function checkPages(paths: readonly string[]): Promise<{ problems: string[]; charts: number; cells: number }> {
  const problems: string[] = [];
  let charts = 0;
  let cells = 0;
  for (const path of paths) {
    await page.goto(`${portalUrl}${path}`);
    await page.locator("main").waitFor();
    const wide = await sideways();
    if (wide) problems.push(`${path}: ${wide}`);
    problems.push(...(await tallNameCells()).map((p) => `${path}: ${p}`));
    problems.push(...(await overprintedChartTexts()).map((p) => `${path}: ${p}`));
    charts += await page.locator('[data-chart="bar"] svg').count();
    cells += await page.locator("table:not(.sr-only table) tbody td").count();
  }
  return { problems, charts, cells };
}

describe("the province's main pages at 390×844", () => {
  it("never scroll sideways, keep name columns on two lines at most, and draw chart labels apart", async () => {
    const { problems, charts, cells } = await checkPages(PAGES);
    expect(problems).toEqual([]);
    // The check looked at something: the statistics pages draw charts, the lists have rows.
    expect(charts).toBeGreaterThan(0);
    expect(cells).toBeGreaterThan(0);
  });

  it("folds the menus behind 菜单: the page's content starts on the first screen, the button opens and names its state", async () => {
    await page.goto(`${portalUrl}/reviews/professionals`);
    const menu = page.getByRole("button", { name: "菜单" });
    await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("false");
    expect(await page.getByRole("navigation", { name: "主菜单" }).isVisible()).toBe(false);
    const mainTop = await page.locator("main").evaluate((el) => el.getBoundingClientRect().top);
    expect(mainTop).toBeLessThan(844 / 3);
    // Keyboard alone: focus the button, Enter opens both menus, a link of the section is reachable.
    await page.waitForFunction(() => Object.keys(document.querySelector("header button") ?? {}).some((k) => k.startsWith("__reactProps")));
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("true");
    expect(await page.getByRole("navigation", { name: "主菜单" }).isVisible()).toBe(true);
    const section = page.getByRole("navigation", { name: "审核账户" });
    expect(await section.isVisible()).toBe(true);
    await section.getByRole("link", { name: "审核人员信息修改" }).click();
    await page.waitForURL(/\/reviews\/profile-changes/);
    // Gone elsewhere: folded again.
    await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("false");
    expect(await sideways()).toBeNull();
  });

  it("opens the 选择申请人 picker's list inside the screen", async () => {
    await page.goto(`${portalUrl}/hours/declare`);
    await (await pickerBox(page, "选择申请人")).focus();
    const list = page.getByRole("listbox", { name: "选择申请人" });
    await list.getByRole("option").first().waitFor();
    const right = await list.evaluate((el) => el.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(390);
    expect(await sideways()).toBeNull();
  });

  it("a city bureau's 各单位合格率 draws its unit names apart, upright or turned as the units need (they once overprinted each other)", async () => {
    await signIn(page, browser.redis, await takeOverDemoAdmin(browser.redis, "济南市交通运输局", "PhoneLayout2026"));
    const { problems, charts } = await checkPages(["/stats/counts", "/stats/dashboard"]);
    expect(problems).toEqual([]);
    expect(charts).toBeGreaterThan(0);
    await page.goto(`${portalUrl}/stats/counts`);
    await page.waitForLoadState("networkidle");
    // How many units the city has depends on what earlier files registered: upright when they fit, turned 45° when not.
    const named = await page.evaluate(
      () => [...document.querySelectorAll<SVGTextElement>('[data-chart="bar"] svg text')].filter((t) => (t.textContent ?? "").startsWith("济南")).length,
    );
    expect(named).toBeGreaterThan(0);
  });

  it("专业技术人员注册: the chosen 所在单位 is readable beside its search box (form labels stand above their fields on a phone, F11)", async () => {
    await forgetSession(page);
    await page.goto(`${portalUrl}/register/professional`);
    const unit = page.getByRole("combobox", { name: "所在单位" });
    await page.waitForFunction(() => Object.keys(document.querySelector("form select") ?? {}).some((k) => k.startsWith("__reactProps")));
    await page.getByRole("textbox", { name: "搜索所在单位" }).fill("济南公共");
    await unit.locator("option", { hasText: "济南公共交通集团有限公司" }).waitFor({ state: "attached" });
    await unit.selectOption({ label: "济南公共交通集团有限公司" });
    const shown = await unit.evaluate((el) => {
      const select = el as HTMLSelectElement;
      // The chosen name's width in the select's font, against the room the select gives it (less padding and arrow).
      const probe = document.createElement("span");
      probe.style.font = getComputedStyle(select).font;
      probe.textContent = select.selectedOptions[0]?.text ?? "";
      document.body.append(probe);
      const needed = probe.getBoundingClientRect().width;
      probe.remove();
      return { needed, room: select.clientWidth - 40 };
    });
    expect(shown.room).toBeGreaterThanOrEqual(shown.needed);
    expect(await sideways()).toBeNull();
  });

  it("a record's 详细 and a 学习记录's head (FactList) leave their values room beside the labels", async () => {
    await signIn(page, browser.redis, await takeOverDemoAdmin(browser.redis, "山东省交通运输厅", "PhoneLayout2026"));
    await page.goto(`${portalUrl}/stats/professionals`);
    await Promise.all([page.waitForURL(/\/stats\/professionals\/[^/?]+$/), page.getByRole("link", { name: /详细/ }).first().click()]);
    const narrowest = () => page.locator("main dl dd").evaluateAll((cells) => Math.min(...cells.map((c) => c.getBoundingClientRect().width)));
    expect(await narrowest()).toBeGreaterThanOrEqual(160);
    expect(await sideways()).toBeNull();
    // The person's 学习记录: its head (姓名 证件号 所在单位 统计时间, two facts a row on a wide screen)
    // stands one fact a row here — two a row squeezed 所在单位 to a character a line (new-user pass).
    await Promise.all([page.waitForURL(/\/learning/), page.getByRole("link", { name: "学习记录", exact: true }).click()]);
    await page.getByRole("term").getByText("统计时间:", { exact: true }).waitFor();
    expect(await narrowest()).toBeGreaterThanOrEqual(160);
    expect(await sideways()).toBeNull();
  });
});
