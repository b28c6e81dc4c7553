import { readdirSync, readFileSync } from "node:fs";
import { data, redirect } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { errorResponse } from "./errors.server.ts";
import { resourceLoader } from "./resource.server.ts";

const args = (accept: string) => ({
  request: new Request("http://portal.test/hours/attachments/x", { headers: { accept } }),
  context: { cspNonce: "n0nce" },
  params: {},
});
const browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("resourceLoader", () => {
  it.each([
    [
      "a service's 404 (errorResponse)",
      () => errorResponse({ kind: "notFound", message: "附件不存在或不在您的管理范围内", fieldErrors: {} }),
      404,
      "附件不存在或不在您的管理范围内",
    ],
    ["a thrown data() without a message", () => data(null, { status: 403 }), 403, "您没有权限访问该页面"],
    ["a thrown Response", () => new Response("nope", { status: 404 }), 404, "您访问的页面不存在"],
    ["a 503 data()", () => data({ message: "服务暂时不可用，请稍后再试" }, { status: 503 }), 503, "服务暂时不可用，请稍后再试"],
    ["a bug (TypeError)", () => new TypeError("cannot read properties of undefined"), 500, "系统繁忙，请稍后再试（错误编号 "],
  ])("answers %s with its status and Chinese message, as a page and as JSON", async (_what, thrown, status, message) => {
    const loader = resourceLoader(async () => {
      throw thrown();
    });
    const page = (await loader(args(browser))) as Response;
    expect(page.status).toBe(status);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    expect(html).toContain(message);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<style nonce="n0nce">');
    expect(html).not.toMatch(/Unexpected Server Error|TypeError|undefined/);

    const json = (await loader(args("*/*"))) as Response;
    expect(json.status).toBe(status);
    expect(((await json.json()) as { message: string }).message).toContain(message);
  });

  it("lets a redirect (to /login) through untouched", async () => {
    const loader = resourceLoader(async () => {
      throw redirect("/login?redirectTo=%2Fhours");
    });
    const answer = (await loader(args(browser))) as Response;
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/login?redirectTo=%2Fhours");
  });

  it("escapes the message it shows", async () => {
    const loader = resourceLoader(async () => {
      throw data({ message: '<img src=x onerror="alert(1)">' }, { status: 400 });
    });
    expect(await ((await loader(args(browser))) as Response).text()).toContain("&#60;img src=x onerror=&#34;alert(1)&#34;&#62;");
  });
});

describe("every resource route", () => {
  // A route module without a default export renders nothing: Remix shows no ErrorBoundary for it.
  const routes = readdirSync(new URL("../routes/", import.meta.url)).filter((f) => {
    const src = readFileSync(new URL(`../routes/${f}`, import.meta.url), "utf8");
    return /export (async )?(function|const) loader/.test(src) && !/export default/.test(src);
  });

  // 查询统计's downloads answer theirs on the page they came from instead (download-refusal.server.ts);
  // a list page's 导出 through listExportLoader, which is downloadLoader (list-export.server.ts).
  it.each(routes)("%s answers its errors through resourceLoader or downloadLoader", (file) => {
    expect(readFileSync(new URL(`../routes/${file}`, import.meta.url), "utf8")).toMatch(
      /export const loader = (resourceLoader|downloadLoader|listExportLoader)\(/,
    );
  });

  it("sends every 查询统计 export and download back to its page (downloadLoader)", () => {
    const stats = routes.filter((f) => f.startsWith("_app.stats.") && /\.(export|download)\.ts$/.test(f));
    expect(stats.length).toBeGreaterThanOrEqual(7);
    for (const file of stats)
      expect(readFileSync(new URL(`../routes/${file}`, import.meta.url), "utf8"), file).toMatch(/export const loader = (downloadLoader|listExportLoader)\(/);
  });

  it("finds the six resource routes", () => {
    expect(routes.length).toBeGreaterThanOrEqual(6);
  });
});
