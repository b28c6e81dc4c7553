import type { HoursRouter } from "@ce/hours/router";
import type { IdentityRouter } from "@ce/identity/router";
import type { ReportingRouter } from "@ce/reporting/router";
import { fetchWithTimeout } from "@ce/service-kit/call-timeout";
import { SERVICE_AUTH_HEADER, signServiceAuth } from "@ce/service-kit/service-auth";
import { type AppLoadContext, data } from "@remix-run/node";
import { createTRPCClient, type HTTPHeaders, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import { env } from "./env.server.ts";
import "./load-context.ts";

// A caller's x-request-id when it looks like one, otherwise a new id: one rule with the services.
import { requestIdFrom } from "@ce/service-kit/request-id";

export { requestIdFrom };

function serviceHeaders(request: Request, context: AppLoadContext | undefined, token: string | null): HTTPHeaders {
  // server.ts fixes the id once per request; without it (vite dev) each client gets its own.
  const headers: Record<string, string> = { "x-request-id": context?.requestId ?? requestIdFrom(request.headers.get("x-request-id")) };
  if (token) headers.authorization = `Bearer ${token}`;
  if (context?.clientIp) headers["x-client-ip"] = context.clientIp;
  return headers;
}

// A fresh service credential for each batch sent, signed for that service only: it expires in a
// minute and a service takes it once. A call that outlasts SERVICE_CALL_TIMEOUT_MS is abandoned,
// so a hung service never hangs the page. Queries travel as POST too: their inputs (a 证件号
// filter) are bodies, never URLs in a service's or a proxy's logs.
function link(url: string, audience: "identity" | "hours" | "reporting", headers: HTTPHeaders, timeoutMs = env.SERVICE_CALL_TIMEOUT_MS) {
  return httpBatchLink({
    url,
    methodOverride: "POST",
    transformer: superjson,
    fetch: fetchWithTimeout(timeoutMs),
    headers: () => ({ ...headers, [SERVICE_AUTH_HEADER]: signServiceAuth({ caller: "portal", audience, privateKey: env.SERVICE_AUTH_PRIVATE_KEY }) }),
  });
}

/** Headers a service download answers with that the browser gets too. */
const DOWNLOAD_HEADERS = ["content-type", "content-disposition", "cache-control", "x-extract-rows", "x-extract-suppressed", "x-extract-final"];

/**
 * A file a service streams (service-kit /downloads/<name>, beside its /trpc), passed through to the
 * browser as it arrives: signed for that service like a tRPC call, with the user's bearer token.
 * Only the wait for the answer's headers is bounded (SERVICE_CALL_TIMEOUT_MS), never the body.
 * @throws data({ message, field }, status) with the service's Chinese refusal (bad year, too many rows, not allowed) and the field it names (or null).
 */
async function serviceDownload(trpcUrl: string, audience: "reporting", headers: HTTPHeaders, name: string, query: URLSearchParams): Promise<Response> {
  const url = `${trpcUrl.replace(/\/trpc\/?$/, "")}/downloads/${encodeURIComponent(name)}?${query}`;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), env.SERVICE_CALL_TIMEOUT_MS);
  let answer: Response;
  try {
    answer = await fetch(url, {
      signal: abort.signal,
      headers: {
        ...(headers as Record<string, string>),
        [SERVICE_AUTH_HEADER]: signServiceAuth({ caller: "portal", audience, privateKey: env.SERVICE_AUTH_PRIVATE_KEY }),
      },
    });
  } finally {
    clearTimeout(timer);
  }
  if (!answer.ok) {
    const said = (await answer.json().catch(() => null)) as { message?: unknown; field?: unknown } | null;
    const message = typeof said?.message === "string" ? said.message : "下载失败，请稍后再试";
    throw data({ message, field: typeof said?.field === "string" ? said.field : null }, { status: answer.status });
  }
  const passed = new Headers();
  for (const h of DOWNLOAD_HEADERS) {
    const v = answer.headers.get(h);
    if (v !== null) passed.set(h, v);
  }
  return new Response(answer.body, { headers: passed });
}

/**
 * Clients for the three services, bound to one incoming request: they carry the portal's
 * service credential, the request's bearer token, the browser's address and the request id.
 * Build them per request, never share them.
 */
export function createApi(request: Request, context: AppLoadContext | undefined, token: string | null) {
  const headers = serviceHeaders(request, context, token);
  return {
    identity: createTRPCClient<IdentityRouter>({ links: [link(env.IDENTITY_URL, "identity", headers)] }),
    /**
     * Identity for calls that read a whole uploaded file (批量导入 › 校验, 导出失败信息): bounded by
     * FILE_CALL_TIMEOUT_MS (5 min) instead — a 100,000-row file takes longer than a page call may.
     */
    identityFiles: createTRPCClient<IdentityRouter>({ links: [link(env.IDENTITY_URL, "identity", headers, env.FILE_CALL_TIMEOUT_MS)] }),
    hours: createTRPCClient<HoursRouter>({ links: [link(env.HOURS_URL, "hours", headers)] }),
    reporting: createTRPCClient<ReportingRouter>({ links: [link(env.REPORTING_URL, "reporting", headers)] }),
    /** A download reporting streams (e.g. `person-year-extract`), as this user: serviceDownload. */
    reportingDownload: (name: string, query: URLSearchParams) => serviceDownload(env.REPORTING_URL, "reporting", headers, name, query),
  };
}

export type Api = ReturnType<typeof createApi>;
