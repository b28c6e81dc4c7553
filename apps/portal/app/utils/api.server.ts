import { randomUUID } from "node:crypto";
import type { HoursRouter } from "@ce/hours/router";
import type { IdentityRouter } from "@ce/identity/router";
import type { ReportingRouter } from "@ce/reporting/router";
import { fetchWithTimeout } from "@ce/service-kit/call-timeout";
import { SERVICE_AUTH_HEADER, signServiceAuth } from "@ce/service-kit/service-auth";
import type { AppLoadContext } from "@remix-run/node";
import { createTRPCClient, type HTTPHeaders, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import { env } from "./env.server.ts";
import "./load-context.ts";

/** A caller's x-request-id when it looks like one; otherwise a new id. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && /^[\w.-]{8,128}$/.test(incoming) ? incoming : randomUUID();
}

function serviceHeaders(request: Request, context: AppLoadContext | undefined, token: string | null): HTTPHeaders {
  // server.ts fixes the id once per request; without it (vite dev) each client gets its own.
  const headers: Record<string, string> = { "x-request-id": context?.requestId ?? requestIdFrom(request.headers.get("x-request-id")) };
  if (token) headers.authorization = `Bearer ${token}`;
  if (context?.clientIp) headers["x-client-ip"] = context.clientIp;
  return headers;
}

// A fresh service credential for each batch sent, signed for that service only: it expires in a
// minute and a service takes it once. A call that outlasts SERVICE_CALL_TIMEOUT_MS is abandoned,
// so a hung service never hangs the page.
function link(url: string, audience: "identity" | "hours" | "reporting", headers: HTTPHeaders) {
  return httpBatchLink({
    url,
    transformer: superjson,
    fetch: fetchWithTimeout(env.SERVICE_CALL_TIMEOUT_MS),
    headers: () => ({ ...headers, [SERVICE_AUTH_HEADER]: signServiceAuth({ caller: "portal", audience, privateKey: env.SERVICE_AUTH_PRIVATE_KEY }) }),
  });
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
    hours: createTRPCClient<HoursRouter>({ links: [link(env.HOURS_URL, "hours", headers)] }),
    reporting: createTRPCClient<ReportingRouter>({ links: [link(env.REPORTING_URL, "reporting", headers)] }),
  };
}

export type Api = ReturnType<typeof createApi>;
