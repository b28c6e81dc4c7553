import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoProfessionals, demoUnits } from "../../../../services/identity/src/seed/demo-data.ts";
import { openBrowser, portalUrl, signIn, takeOverDemoAdmin } from "./org-support.ts";

// Issue 13.12, the small things an admin notices, each as a browser check (人员调出's 调入单位 is in
// picker.test.ts): 详细 of a registration decides it, 每单位每形式抽N条 without N says so, no
// address keeps Remix's ?index, and the main pages work on a 390 px wide phone.
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
const pending = demoProfessionals().find((p) => p.status === "PENDING");
const reviewerUnit = demoUnits.find((u) => u.key === pending?.unitKey)?.name ?? "";

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  await signIn(page, browser.redis, await takeOverDemoAdmin(browser.redis, reviewerUnit, "SmallThings2026"));
});
afterAll(() => browser?.close());

describe("issue 13.12", () => {
  it("a registration's 详细 page has 审核通过 and 驳回, and 驳回 asks for its reason", async () => {
    await page.goto(`${portalUrl}/reviews/professionals`);
    const row = page.getByRole("row").filter({ hasText: pending?.name ?? "?" });
    await row.getByRole("link", { name: /详细/ }).click();
    await page.waitForURL(/\/reviews\/professionals\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "审核通过" }).waitFor();
    await page.getByRole("button", { name: "驳回" }).click();
    await page.getByText("请填写原因").waitFor();
    expect(page.url()).toMatch(/\/reviews\/professionals\/[0-9a-f-]{36}$/);
  });

  it("首页's 待办事项 counts the registrations waiting and links to 审核注册人员 (new-user pass F24)", async () => {
    await page.goto(`${portalUrl}/`);
    const todo = page.getByRole("region", { name: "待办事项" });
    const line = todo.getByRole("listitem").filter({ hasText: "审核注册人员" });
    const count = Number((await line.innerText()).match(/：(\d+)条待处理/)?.[1]);
    await page.goto(`${portalUrl}/reviews/professionals`);
    const total = Number(
      (
        await page
          .getByText(/共\s*\d+\s*条/)
          .first()
          .innerText()
      ).match(/\d+/)?.[0],
    );
    expect(count).toBeGreaterThan(0);
    expect(count).toBe(total);
    await page.goto(`${portalUrl}/`);
    await Promise.all([page.waitForURL(/\/reviews\/professionals$/), line.getByRole("link", { name: /^审核注册人员：\d+条待处理$/ }).click()]);
  });

  it("no address keeps ?index after a refused submit (even one the browser sent without the page's checks)", async () => {
    await page.goto(`${portalUrl}/reviews/professionals`);
    await Promise.all([
      page.waitForLoadState("load"),
      page.evaluate(() => {
        const form = document.querySelector<HTMLFormElement>('form[method="post"]');
        if (form) HTMLFormElement.prototype.submit.call(form);
      }),
    ]);
    await page.waitForLoadState("networkidle");
    expect(page.url()).not.toContain("index");
  });

  it("成果备案's 每单位每形式抽N条 without N says so instead of listing everything", async () => {
    await signIn(page, browser.redis, await takeOverDemoAdmin(browser.redis, "山东省交通运输厅", "SmallThings2026"));
    const response = await page.goto(`${portalUrl}/hours/audits?sample=COUNT`);
    expect(response?.status()).toBe(400);
    await page.getByText("请填写抽查数量N").first().waitFor();
  });

  it("the record tabs and main pages are usable 390 px wide: nothing wider than the screen, no text one character per line", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const problems: string[] = [];
    for (const path of [
      "/",
      "/hours/records",
      "/reviews/transfers?tab=out",
      "/hours/declare",
      "/reviews/professionals",
      "/stats/professionals",
      "/hours/approvals",
      "/audit",
    ]) {
      await page.goto(`${portalUrl}${path}`);
      const found = await page.evaluate(() => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > window.innerWidth + 1) {
          // Name the innermost elements that stick out, so a failure says what to fix.
          const over = [...document.querySelectorAll<HTMLElement>("main *, nav *, header *")].filter(
            (el) => el.getBoundingClientRect().right > window.innerWidth + 1 && el.children.length === 0,
          );
          const names = over.slice(0, 3).map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">${(el.innerText ?? "").slice(0, 10)}`);
          out.push(`page ${document.documentElement.scrollWidth}px wide: ${names.join(" | ")}`);
        }
        for (const el of document.querySelectorAll<HTMLElement>("nav a, button, th, label, h1, h2")) {
          const text = (el.innerText ?? "").trim();
          const box = el.getBoundingClientRect();
          // Hidden, or visually hidden for screen readers (an sr-only label of a 时间范围 is 1px wide on purpose).
          if (text.length < 2 || box.width === 0 || el.closest(".sr-only")) continue;
          const size = Number.parseFloat(getComputedStyle(el).fontSize);
          // Two characters or more side by side, unless the element holds a single word in a narrow cell.
          if (box.width < size * 1.9) out.push(`${el.tagName.toLowerCase()} “${text.slice(0, 12)}” ${Math.round(box.width)}px`);
        }
        return out;
      });
      problems.push(...found.map((f) => `${path}: ${f}`));
    }
    expect(problems).toEqual([]);
  });
});
