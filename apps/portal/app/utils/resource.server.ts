import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import { PLATFORM_NAME } from "./brand.ts";
import { errorMessageFor } from "./error-messages.ts";
import { isThrownData } from "./errors.server.ts";
import { logError } from "./log.server.ts";

/**
 * Resource routes (attachments, downloads, the captcha, the registration pickers) answer with
 * bytes, not pages, so Remix renders no ErrorBoundary for them: a thrown `data(...)` became
 * `{"message":"Unexpected Server Error"}` with status 500. A resource route that answers the
 * page's own fetch (the pickers, the captcha, id-search) is wrapped by `resourceLoader`, which
 * turns whatever it throws into the Chinese error page (for a browser) or `{ message }` JSON (for
 * the page's fetch), with the right status; one that answers a file goes back to its page with
 * the message instead (download-refusal.server.ts downloadLoader; downloads.server.test.ts).
 */

/** `load`, with every thrown error answered by `errorAnswer`; redirects (e.g. to /login) pass through. */
export function resourceLoader<T>(load: (args: LoaderFunctionArgs) => Promise<T>): (args: LoaderFunctionArgs) => Promise<T | Response> {
  return async (args) => {
    try {
      return await load(args);
    } catch (error) {
      if (error instanceof Response && error.status >= 300 && error.status < 400) return error;
      return errorAnswer(args.request, error, (args.context as { cspNonce?: string } | undefined)?.cspNonce);
    }
  };
}

/** The status and Chinese message of anything a loader threw; an unexpected error is logged with an id the message carries. */
export function describeThrown(request: Request, error: unknown): { status: number; message: string } {
  let status = 500;
  let said: unknown;
  if (isThrownData(error)) {
    status = error.init?.status ?? 500;
    said = (error.data as { message?: unknown } | null)?.message;
  } else if (isRouteErrorResponse(error)) {
    status = error.status;
    said = (error.data as { message?: unknown } | null)?.message;
  } else if (error instanceof Response) {
    status = error.status;
  } else {
    const id = randomUUID().slice(0, 8);
    logError("resource route failed", error, { url: request.url, errorId: id });
    return { status, message: `${errorMessageFor(500)}（错误编号 ${id}）` };
  }
  return { status, message: typeof said === "string" && said.length > 0 ? said : errorMessageFor(status) };
}

/** The error as a page when a browser navigates here (Accept: text/html), else as `{ message }`. */
export function errorAnswer(request: Request, error: unknown, nonce?: string): Response {
  const { status, message } = describeThrown(request, error);
  const headers = { "Cache-Control": "no-store" };
  if (!(request.headers.get("accept") ?? "").includes("text/html")) return Response.json({ message }, { status, headers });
  return new Response(errorPageHtml(status, message, nonce), { status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A self-contained Chinese error page (no script; its few styles carry the CSP nonce when there is
 * one): the platform's name, 出错了 or 服务暂时不可用, the message and a link to 首页. Used for
 * resource routes here and by server.ts for what it refuses before Remix runs (403, 413, 500).
 */
export function errorPageHtml(status: number, message: string, nonce?: string): string {
  const title = status === 503 ? "服务暂时不可用" : "出错了";
  const style = `<style${nonce ? ` nonce="${escapeHtml(nonce)}"` : ""}>
body{margin:0;font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f1f5f9;color:#111827}
header{background:#1e40af;color:#fff;padding:16px 24px;font-size:18px;font-weight:600}
main{max-width:48rem;margin:24px auto;padding:0 16px}
div{background:#fff;border:1px solid #fecaca;border-radius:4px;padding:24px}
h1{margin:0;font-size:18px;color:#b91c1c}p{margin:8px 0 0;color:#374151}a{color:#1d4ed8}
</style>`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} - ${escapeHtml(PLATFORM_NAME)}</title>${style}</head>
<body><header>${escapeHtml(PLATFORM_NAME)}</header><main><div role="alert"><h1>${title}</h1><p>${escapeHtml(message)}</p><p><a href="/">返回首页</a></p></div></main></body></html>
`;
}
