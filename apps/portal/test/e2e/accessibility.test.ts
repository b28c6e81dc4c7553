import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoLogins } from "../../../../services/identity/src/seed/demo-logins.ts";
import { PLATFORM_NAME } from "../../app/utils/brand.ts";
import { forgetSession } from "./chromium.ts";
import { openBrowser, type Person, portalUrl, signIn, takeOverDemoAdmin } from "./org-support.ts";

// Issue 13, Accessibility (WCAG 2.1 AA / GB/T 37668): axe-core on every page each kind of user
// reaches, found by walking the links from 首页 (one browser session per user type, one page per
// route pattern), and nothing serious or critical on any of them. The count of pages checked is
// printed at the end.
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
const checked = new Map<string, string[]>();
/** How long each page took to load and to check (for keeping this test economical). */
const timings: string[] = [];

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  const total = [...checked.values()].reduce((n, pages) => n + pages.length, 0);
  console.log(`axe: ${total} pages checked — ${[...checked].map(([who, pages]) => `${who} ${pages.length}`).join(", ")}`);
  for (const [who, pages] of checked) console.log(`  ${who}: ${pages.join(" ")}`);
  console.log(`  timings: ${timings.join(", ")}`);
  await browser?.close();
});

/** Links that are not pages: downloads (files, PDFs), images, the captcha, 退出, the development mailbox, the analysts' API (/api/v1/openapi.json is JSON). */
const NOT_A_PAGE = /\/export$|\/attachment|\/attachments\/|^\/captcha|^\/logout|^\/dev\/|^\/api\/|\.pdf$/;
/** One walk (every page of one user type) may take this long on a busy two-core machine. */
const WALK_TIMEOUT = 600_000;
/** The most pages one walk opens (a guard against a link that generates links). */
const MAX_PAGES = 80;

/**
 * The route a URL shows: ids (uuids, numbers) and query values that are ids become `:id`; the
 * pager and free-text filters drop out, so `?tab=out` and `?way=REGISTER` stay distinct states.
 */
function routePattern(href: string): string {
  const url = new URL(href, portalUrl);
  const id = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-|^\d+$/i.test(s);
  const path = url.pathname
    .split("/")
    .map((s) => (id(s) ? ":id" : s))
    .join("/");
  const keys = [...url.searchParams]
    .filter(([k]) => !["page", "pageSize", "q", "name", "idNumber", "index"].includes(k))
    .map(([k, v]) => (id(v) || v.length > 24 || /^\d{4}-\d{2}-\d{2}$/.test(v) ? k : `${k}=${v}`))
    .sort();
  return keys.length ? `${path}?${keys.join("&")}` : path;
}

/**
 * Serious and critical axe findings on the open page, one line each: the whole page, or only its
 * <main> when `mainOnly` (the header and menu are the same on every page of one user; checking
 * them once per user keeps this test affordable on two cores).
 */
async function axeFindings(mainOnly: boolean): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  const result = await (mainOnly ? builder.include("main") : builder).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * Opens `start` and every same-site page linked from it, breadth first, one per route pattern;
 * runs axe on each. Returns `{ pattern → findings }` for the pages with findings, and the
 * patterns checked in `checked` under `who`.
 */
async function walk(who: string, start: string[]): Promise<Record<string, string[]>> {
  const queue = [...start];
  const seen = new Set<string>();
  const found: Record<string, string[]> = {};
  const broken: string[] = [];
  const untitled: string[] = [];
  while (queue.length > 0 && seen.size < MAX_PAGES) {
    const href = queue.shift() as string;
    const pattern = routePattern(href);
    if (seen.has(pattern)) continue;
    seen.add(pattern);
    const began = Date.now();
    const response = await page.goto(new URL(href, portalUrl).toString());
    const status = response?.status() ?? 0;
    if (status >= 500 || (status >= 400 && !start.includes(href))) broken.push(`${href} ${status}`);
    const loaded = Date.now();
    // WCAG 2.4.2: each page names itself in the browser's title, not the platform alone (F23).
    if (!(await page.title()).endsWith(` - ${PLATFORM_NAME}`)) untitled.push(`${href} “${await page.title()}”`);
    const findings = await axeFindings(seen.size > 1);
    timings.push(`${pattern} ${loaded - began}+${Date.now() - loaded}ms`);
    if (findings.length > 0) found[pattern] = findings;
    const links = await page.$$eval("a[href]:not([download])", (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const link of links) {
      const url = new URL(link);
      if (url.origin !== new URL(portalUrl).origin || NOT_A_PAGE.test(url.pathname)) continue;
      if (!seen.has(routePattern(link))) queue.push(url.pathname + url.search);
    }
  }
  checked.set(who, [...seen]);
  expect(broken, `${who}: links that answered with an error`).toEqual([]);
  expect(untitled, `${who}: pages titled with the platform's name alone`).toEqual([]);
  return found;
}

const admins: [string, string][] = [
  ["省级主管部门", "山东省交通运输厅"],
  ["市级主管部门", "济南市交通运输局"],
  ["用人单位", "济南市公路事业发展中心"],
  ["继续教育基地", "山东交通职业学院继续教育基地"],
];

describe("axe-core finds nothing serious or critical", () => {
  it(
    "on the pages anyone can open (登录, 注册, 忘记密码, an unknown address)",
    async () => {
      await forgetSession(page);
      expect(await walk("匿名", ["/login", "/reset-password?token=abc", "/no-such-page"])).toEqual({});
    },
    WALK_TIMEOUT,
  );

  for (const [who, unit] of admins) {
    it(
      `on every page the ${who} admin (${unit}) reaches from 首页`,
      async () => {
        const admin = await takeOverDemoAdmin(browser.redis, unit, "AxeCheck2026");
        await signIn(page, browser.redis, admin);
        expect(await walk(who, ["/"])).toEqual({});
      },
      WALK_TIMEOUT,
    );
  }

  it(
    "on every page a professional reaches from 首页",
    async () => {
      const login = demoLogins.find((l) => l.userType === "PROFESSIONAL");
      if (!login) throw new Error("the demo data has no professional login");
      const person: Person = { userType: login.userType, idNumber: login.idNumber, password: login.password, name: login.name };
      await signIn(page, browser.redis, person);
      expect(await walk("个人", ["/"])).toEqual({});
    },
    WALK_TIMEOUT,
  );
});
