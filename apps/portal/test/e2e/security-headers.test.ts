import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAdminOf, openBrowser, type People, portalUrl } from "./people-support.ts";

// The portal's outer wall seen from a browser: headers on every kind of response, a CSP the pages
// pass, cross-site and token-less POSTs refused before any action runs, the captcha an image.
const admin = demoAdminOf("烟台市交通运输局");
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const run = Date.now().toString(36).slice(-5);
let b: People;
let attacker: Server;
let attackerPort: number;

/** What another site would serve: a form that posts to the portal by itself. */
function attackerPage(action: string, name: string) {
  return `<!doctype html><meta charset="utf-8"><form method="post" action="${action}"><input name="name" value="${name}"><input name="sortOrder" value="1"><input name="intent" value="create"></form><script>document.forms[0].submit()</script>`;
}

beforeAll(async () => {
  b = await openBrowser(admin.unit);
  // Every page records the CSP violations it meets (securitypolicyviolation, CSP Level 3).
  await b.page.context().addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  attacker = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://attacker");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(attackerPage(`${portalUrl}${url.searchParams.get("to") ?? "/"}`, url.searchParams.get("name") ?? "x"));
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerPort = (attacker.address() as AddressInfo).port;
});
afterAll(async () => {
  await b?.close();
  await new Promise((resolve) => attacker?.close(resolve));
});

function expectWall(headers: Record<string, string>, what: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, what).toMatch(/default-src 'self'/);
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp, what).toMatch(/frame-ancestors 'none'/);
  expect(csp, what).not.toMatch(/unsafe-inline|unsafe-eval/);
  // Plain HTTP: no HSTS and no upgrade-insecure-requests (they would lock out an intranet portal).
  expect(csp, what).not.toMatch(/upgrade-insecure-requests/);
  expect(headers["strict-transport-security"], what).toBeUndefined();
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
}

/** The CSP violations the open page has met, one line each ("" when none). */
async function violations(page: Page): Promise<string> {
  return (await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).join("\n");
}

describe("the portal's outer wall", () => {
  it("sends the security headers on a page, a sign-in page, a static asset and the captcha", async () => {
    const { page } = b;
    const login = (await page.goto(`${portalUrl}/login`)) as Response;
    expectWall(await login.allHeaders(), "/login");
    // Every inline script of the document carries this response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(login.headers()["content-security-policy"] ?? "")?.[1];
    const scripts = [...(await login.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const css = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
    expect((await page.request.get(`${portalUrl}${css}`)).headers()["x-content-type-options"]).toBe("nosniff");
    expectWall((await page.request.get(`${portalUrl}/captcha`)).headers(), "/captcha");
  });

  it("serves the captcha as an image (PNG)", async () => {
    const { page } = b;
    await page.goto(`${portalUrl}/login`);
    const img = page.getByRole("img", { name: /验证码/ });
    await img.waitFor();
    const src = (await img.getAttribute("src")) ?? "";
    let bytes: Buffer;
    if (src.startsWith("data:")) {
      expect(src).toMatch(/^data:image\/png;base64,/);
      bytes = Buffer.from(src.slice(src.indexOf(",") + 1), "base64");
    } else {
      const res = await page.request.get(new URL(src, portalUrl).href);
      expect(res.headers()["content-type"]).toMatch(/^image\/png/);
      bytes = await res.body();
    }
    expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  });

  it("loads every kind of page without a CSP violation, error pages and a CSV download included", async () => {
    const { page } = b;
    const seen: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
    });
    for (const path of ["/login", "/register", "/register/employer", "/register/professional", "/forgot-password"]) {
      await page.goto(`${portalUrl}${path}`);
      await page.waitForLoadState("networkidle");
      expect(await violations(page), path).toBe("");
    }
    await b.signIn("主管部门", admin.idNumber, admin.password, admin.name);
    for (const path of [
      "/",
      "/accounts/departments",
      "/accounts/subordinates",
      "/accounts/admins",
      "/reviews/professionals",
      "/reviews/transfers?tab=out",
      "/hours/forms",
      "/hours/approvals",
      "/hours/records",
      "/unit/profile",
      "/audit",
    ]) {
      const res = (await page.goto(`${portalUrl}${path}`)) as Response;
      expectWall(await res.allHeaders(), path);
      await page.waitForLoadState("networkidle");
      expect(await violations(page), path).toBe("");
    }
    // Client-side navigation and a form round trip (React hydrated under the CSP).
    await page.goto(`${portalUrl}/accounts/departments`);
    await page.getByRole("link", { name: "添加", exact: true }).click();
    await page.getByLabel("部门名称").fill(`安全检查${run}`);
    await page.getByRole("button", { name: "保存" }).click();
    await page
      .locator("table tbody tr")
      .filter({ hasText: `安全检查${run}` })
      .waitFor();
    expect(await violations(page)).toBe("");

    const missing = (await page.goto(`${portalUrl}/no-such-page-${run}`)) as Response;
    expect(missing.status()).toBe(404);
    expectWall(await missing.allHeaders(), "404 page");
    await page.waitForLoadState("networkidle");
    expect(await violations(page), "404 page").toBe("");

    // A file route's refusal (an attachment nobody has, one that is not even an id) comes back to
    // its page with the Chinese message (downloadLoader), under the same CSP — never the bare
    // 出错了 page, never "Unexpected Server Error".
    for (const [path, back, message] of [
      [`/hours/attachments/${randomUUID()}`, "/hours/records", "不存在"],
      ["/hours/attachments/not-an-id", "/hours/records", ""],
      [`/reviews/transfers/${randomUUID()}/attachment`, "/reviews/transfers?tab=records", "不存在"],
    ] as const) {
      const answer = (await page.goto(`${portalUrl}${path}`)) as Response;
      expect(answer.status(), path).toBe(200);
      expect(page.url(), path).toBe(`${portalUrl}${back}`);
      const said = await page.getByRole("main").getByRole("alert").first().innerText();
      expect(said, path).toMatch(/[\u4e00-\u9fff]/);
      expect(said, path).toContain(message);
      const text = await page.locator("body").innerText();
      expect(text, path).not.toContain("出错了");
      expect(text, path).not.toMatch(/Unexpected|message|\{/);
      expectWall(await answer.allHeaders(), path);
      await page.waitForLoadState("networkidle");
      expect(await violations(page), path).toBe("");
    }

    const csv = await page.request.get(`${portalUrl}/hours/records/export`);
    expect(csv.status()).toBeLessThan(500);
    expectWall(csv.headers(), "CSV download");
    expect(seen).toEqual([]);
  });

  it("refuses a POST from another site (same host, other port, and a cross-site one) before any action runs", async () => {
    const { page } = b;
    await b.signIn("主管部门", admin.idNumber, admin.password, admin.name);
    for (const [host, name] of [
      [`127.0.0.1:${attackerPort}`, `同站伪造${run}`],
      [`localhost:${attackerPort}`, `跨站伪造${run}`],
    ] as const) {
      const to = encodeURIComponent("/accounts/departments");
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.url().startsWith(`${portalUrl}/accounts/departments`) && r.request().method() === "POST"),
        page.goto(`http://${host}/?to=${to}&name=${encodeURIComponent(name)}`),
      ]);
      expect(refused.status(), host).toBe(403);
      expect(await refused.text()).toContain("请求来自其他网站");
      await page.goto(`${portalUrl}/accounts/departments`);
      await page.locator("table").first().waitFor();
      expect(await page.locator("table").first().innerText()).not.toContain(name);
    }
  });

  it("refuses a POST without this browser's CSRF token, and accepts the same POST with it", async () => {
    const { page } = b;
    await b.signIn("主管部门", admin.idNumber, admin.password, admin.name);
    await page.goto(`${portalUrl}/accounts/departments?add=1`);
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    const post = (form: Record<string, string>) =>
      page.request.post(`${portalUrl}/accounts/departments`, { form, headers: { Origin: portalUrl }, maxRedirects: 0 });

    const without = await post({ intent: "create", name: `无令牌${run}`, sortOrder: "1" });
    expect(without.status()).toBe(403);
    const forged = await post({ intent: "create", name: `假令牌${run}`, sortOrder: "1", _csrf: `${token.split(".")[0]}.forged` });
    expect(forged.status()).toBe(403);
    const withToken = await post({ intent: "create", name: `有令牌${run}`, sortOrder: "1", _csrf: token });
    expect(withToken.status()).toBeLessThan(400);

    await page.goto(`${portalUrl}/accounts/departments`);
    const names = await page.locator("table").first().innerText();
    expect(names).toContain(`有令牌${run}`);
    expect(names).not.toContain(`无令牌${run}`);
    expect(names).not.toContain(`假令牌${run}`);
  });

  it("tells a hydrated page why the wall refused its submit (stale token, no cookie) instead of 系统繁忙", async () => {
    const { page } = b;
    await b.signIn("主管部门", admin.idNumber, admin.password, admin.name);
    const submitWith = async (spoil: () => Promise<void>) => {
      await page.goto(`${portalUrl}/accounts/departments`);
      // Remix's own fetch sends the form only once its scripts have run.
      await page.waitForFunction(() => "__remixRouteModules" in window);
      await page.getByRole("link", { name: "添加", exact: true }).click();
      await page.getByLabel("部门名称").fill(`被拒${run}`);
      await spoil();
      await page.getByRole("button", { name: "保存" }).click();
      return page.getByRole("alert").first().innerText();
    };

    // Another tab signed in meanwhile (or the cookie was renewed): the page's token no longer matches the cookie.
    const stale = await submitWith(async () => {
      const [held] = (await page.context().cookies(portalUrl)).filter((c) => c.name === "ce_csrf");
      expect(held).toBeDefined();
      await page.context().addCookies([{ ...held!, value: `${held!.value.split(".")[0]}.stale` }]);
    });
    expect(stale).toContain("页面已过期，请刷新页面后重试");
    expect(stale).not.toContain("系统繁忙");

    const cookieless = await submitWith(() => page.context().clearCookies());
    expect(cookieless).not.toContain("系统繁忙");
    expect(cookieless).toMatch(/Cookie/i);

    await b.signIn("主管部门", admin.idNumber, admin.password, admin.name);
    await page.goto(`${portalUrl}/accounts/departments`);
    expect(await page.locator("table").first().innerText()).not.toContain(`被拒${run}`);
  });

  it("answers malformed and oversized bodies with a Chinese 4xx, never a 500", async () => {
    const { page } = b;
    await b.signIn("主管部门", admin.idNumber, admin.password, admin.name);
    await page.goto(`${portalUrl}/accounts/departments?add=1`);
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const url = `${portalUrl}/accounts/departments`;
    const headers = { Origin: portalUrl };

    const fileAsText = await page.request.post(url, {
      headers,
      multipart: { _csrf: token, intent: "create", sortOrder: "1", name: { name: 'a"b\\c.png', mimeType: "image/png", buffer: PNG_SIGNATURE } },
    });
    expect(fileAsText.status()).toBe(400);
    expect(await fileAsText.text()).toContain("此项应填写文字，不能上传文件");

    const boundary = "----wall";
    const broken = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--${boundary}\r\nContent-Disposition: form-data; name="name"; filename="\u00ff"\u0000.png"\r\n\r\nxx`,
      "latin1",
    );
    const malformed = await page.request.post(url, { headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` }, data: broken });
    expect(malformed.status()).toBe(400);
    expect(await malformed.text()).toContain("提交的内容无法识别");

    const huge = await page.request.post(url, {
      headers,
      multipart: { _csrf: token, name: { name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(22 * 1024 * 1024) } },
    });
    expect(huge.status()).toBe(413);
    expect(await huge.text()).toContain("提交的内容过大");
  });
});
