import { readFileSync } from "node:fs";
import { calendarDate } from "@ce/contracts";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectTrail, openBrowserAsDemoAdmin, portalUrl } from "./org-support.ts";

// 接口令牌管理 (issue 11 items 1, 2) in the browser: 济南市's super admin makes a token for
// 专业技术人员数量查询, the secret is shown once with 复制; an analyst's program calls the HTTP API
// through the portal (/api/v1, passed on to reporting) with it and gets 济南市's figures, a report not
// granted is refused; the list then shows 最近使用 and the token's 调用记录 lists both calls; the
// OpenAPI document is linked and served; the list fits at 1366 px; after 撤销 the same call is refused 已撤销.
let browser: Awaited<ReturnType<typeof openBrowserAsDemoAdmin>>;
let page: Page;
let secret: string;

beforeAll(async () => {
  browser = await openBrowserAsDemoAdmin("济南市交通运输局", "JinanTokens2026");
  page = browser.page;
});
afterAll(() => browser?.close());

/** What an analyst's program does: POST JSON to the portal's /api/v1 with the token. */
async function callApi(
  path: string,
  body: unknown,
  token: string,
): Promise<{ status: number; body: { message?: string; unitName?: string; items?: unknown[] } }> {
  const res = await fetch(`${portalUrl}/api/v1${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** The cells of the token list's row holding `text`. */
async function tokenRow(text: string): Promise<string[]> {
  const row = page
    .locator("table")
    .filter({ has: page.locator("caption", { hasText: "接口令牌" }) })
    .getByRole("row")
    .filter({ hasText: text });
  await expect.poll(() => row.count()).toBe(1);
  return (await row.locator("td").allInnerTexts()).map((c) => c.trim());
}

describe("接口令牌管理", () => {
  const name = `年报分析${Date.now() % 100000}`;

  it("creates a token in the menu's page and shows the secret once, with 复制", async () => {
    // The menu offers the page to a super admin under 查询统计 (its dropdown would cover the page's buttons: go there directly).
    const item = page.locator('nav[aria-label="主菜单"] a[href="/stats/api-tokens"]');
    expect(await item.count()).toBe(1);
    expect((await item.textContent())?.trim()).toBe("接口令牌管理");
    await page.goto(`${portalUrl}/stats/api-tokens`);
    await expectTrail(page, "查询统计 > 接口令牌管理");
    await page.getByRole("link", { name: "新建令牌" }).click();
    await page.getByLabel("令牌名称").fill(name);
    await page.getByLabel("专业技术人员数量查询").check();
    // A figure is read as typed, by the one integer parser: 1e2 is not 100 days (issue 11 fault 11).
    await page.getByLabel("有效期（天）").fill("1e2");
    await page.getByRole("button", { name: "生成令牌" }).click();
    await page.getByText("有效期须为整数天").waitFor();
    await page.getByLabel("有效期（天）").fill("30");
    await page.getByLabel("证件号查询上限（次/日）").fill("500");
    await page.getByRole("button", { name: "生成令牌" }).click();
    await page.getByRole("heading", { name: new RegExp(`已生成令牌“${name}”`) }).waitFor();
    secret = await page.getByLabel("令牌:").inputValue();
    expect(secret).toMatch(/^cet_[A-Za-z0-9_-]{43}$/);
    await page.getByRole("button", { name: "复制" }).click();
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .filter({ hasText: /已复制|Ctrl\+C/ })
          .count(),
      )
      .toBe(1);
    const cells = await tokenRow(name);
    expect(cells[1]).toBe("济南市交通运输局");
    expect(cells[2]).toBe("专业技术人员数量查询");
    expect(cells[3]).toBe("每分钟60次\n证件号查询500次/日");
    expect(cells[6]).toBe("有效");
    // Shown once: the list (and the page after a reload) never holds the secret.
    await page.reload();
    expect(await page.content()).not.toContain(secret);
  });

  it("calls the HTTP API through the portal with the token: 济南市's figures, a report not granted refused, the use shown", async () => {
    const counts = await callApi("/statistics/professional-counts", { asOf: calendarDate(new Date()) }, secret);
    expect(counts.status).toBe(200);
    expect(counts.body.unitName).toBe("济南市交通运输局");
    expect(Array.isArray(counts.body.items)).toBe(true);
    const other = await callApi("/statistics/title-distribution", {}, secret);
    expect(other).toEqual({ status: 403, body: expect.objectContaining({ message: "接口令牌没有“职称系列分布情况”的权限" }) });
    await page.reload();
    expect((await tokenRow(name))[5]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it("shows the token's 调用记录: newest first, Beijing time, the report, the answer, the rows, the address masked, the portal's pager", async () => {
    await page.locator("table").getByRole("row").filter({ hasText: name }).getByRole("link", { name: "调用记录" }).click();
    await expectTrail(page, `查询统计 > 接口令牌管理 > ${name}的调用记录`);
    const table = page.locator("table").filter({ has: page.locator("caption", { hasText: "调用记录" }) });
    const rows = table.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    const cells = async (i: number) => (await rows.nth(i).locator("td").allInnerTexts()).map((c) => c.trim());
    const [newest, first] = [await cells(0), await cells(1)];
    expect(newest.slice(1, 4)).toEqual(["职称系列分布情况", "无此报表权限（403）", "—"]);
    expect(first.slice(1, 3)).toEqual(["专业技术人员数量查询", "成功（200）"]);
    expect(Number(first[3])).toBeGreaterThanOrEqual(0);
    // Beijing time, to the second; the address cut to its network (the portal vouches for 127.0.0.1 here).
    expect(first[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(first[5]).toMatch(/^(\d+\.\d+\.\d+\.\*|[0-9a-f:]+::\*)$/);
    expect(await page.getByRole("navigation", { name: "分页" }).innerText()).toContain("共2条");
    // Another unit's (or no) token: the 404 page, not a list.
    const other = await page.goto(`${portalUrl}/stats/api-tokens/00000000-0000-4000-8000-000000000000/uses`);
    expect(other?.status()).toBe(404);
    await page.getByText("令牌不存在或不属于本单位").first().waitFor();
    expect(await table.count()).toBe(0);
  });

  it("links the OpenAPI document, served at /api/v1/openapi.json without a token: the committed docs/openapi/reporting.json", async () => {
    await page.goto(`${portalUrl}/stats/api-tokens`);
    const href = await page.getByRole("link", { name: "OpenAPI 文档" }).getAttribute("href");
    expect(href).toBe("/api/v1/openapi.json");
    const res = await fetch(`${portalUrl}${href}`);
    expect([res.status, res.headers.get("content-type")]).toEqual([200, "application/json; charset=utf-8"]);
    expect(await res.text()).toBe(readFileSync(new URL("../../../../docs/openapi/reporting.json", import.meta.url), "utf8"));
  });

  it("fits the list at 1366 px: no horizontal scroll of the page or the table, headers on one line, times unclipped", async () => {
    // The widest row there is: a long name, every 报表权限, the longest limits.
    await page.goto(`${portalUrl}/stats/api-tokens?add=1`);
    await page.getByLabel("令牌名称").fill(`职称评审系统接口令牌（全部报表权限）${Date.now() % 1000}`);
    for (const box of await page.locator('input[name="permissions"]').all()) await box.check();
    await page.getByLabel("每分钟上限").fill("600");
    await page.getByLabel("证件号查询上限（次/日）").fill("5000");
    await page.getByRole("button", { name: "生成令牌" }).click();
    await page.getByRole("heading", { name: /已生成令牌/ }).waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
    try {
      await page.goto(`${portalUrl}/stats/api-tokens`);
      const layout = await page.evaluate(() => {
        const table = [...document.querySelectorAll("table")].find((t) => t.caption?.textContent === "接口令牌");
        if (!table?.parentElement) return null;
        const lines = (el: Element) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        };
        return {
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          table: table.parentElement.scrollWidth - table.parentElement.clientWidth,
          headersWrapped: [...table.querySelectorAll("th")].filter((th) => lines(th) > 1).map((th) => th.textContent),
          clipped: [...table.querySelectorAll("td")].filter((td) => td.scrollWidth > td.clientWidth).map((td) => td.textContent),
        };
      });
      expect(layout).toEqual({ page: 0, table: 0, headersWrapped: [], clipped: [] });
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  });

  it("revokes the token after confirming; the next call is refused 已撤销", async () => {
    await page.locator("table").getByRole("row").filter({ hasText: name }).getByRole("button", { name: "撤销" }).click();
    // 撤销 asks first (a confirmation dialog, or the browser's confirm, which openBrowser accepts).
    const confirm = page.getByRole("dialog").getByRole("button", { name: "确定" });
    const flash = page.getByText(`已撤销令牌${name}`);
    await confirm.or(flash).first().waitFor();
    if (await confirm.isVisible()) await confirm.click();
    await flash.waitFor();
    expect((await tokenRow(name))[6]).toBe("已撤销");
    const refused = await callApi("/statistics/professional-counts", {}, secret);
    expect(refused).toEqual({ status: 401, body: expect.objectContaining({ message: "接口令牌已撤销，请向本单位超级管理员申请新的令牌" }) });
  });
});
