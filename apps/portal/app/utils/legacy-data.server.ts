import { errorMessageFor } from "./error-messages.ts";
import { logInfo } from "./log.server.ts";
import { errorPageHtml } from "./resource.server.ts";

/**
 * Remix's data protocol before single fetch: `GET /path?_data=<route id>` (old clients with a page
 * cached from an earlier build, crawlers replaying such URLs). The portal uses single fetch
 * (`/path.data`), and Remix would still run the route's loader for `?_data=` after logging a
 * warning as an error with its stack (level 50) — so such a request is answered before Remix: 404,
 * one level-30 line, no stack, no loader, no action.
 */
export const LEGACY_DATA_PARAM = "_data";

/** Whether `url` asks in the old protocol (a `_data` query parameter, as Remix tests it: any value, even empty). */
export function isLegacyDataRequest(url: string | URL): boolean {
  return new URL(url, "http://portal.invalid").searchParams.has(LEGACY_DATA_PARAM);
}

/**
 * The portal's answer to a legacy data request, or null for any other request: 404 with the not-found
 * message — the Chinese error page for a browser navigating (Accept: text/html), `{ message }` JSON
 * for a script (what the old client reads) — never cached; logged once at level 30 with the route id asked for.
 */
export function legacyDataResponse(request: Request, nonce?: string): Response | null {
  const url = new URL(request.url);
  if (!url.searchParams.has(LEGACY_DATA_PARAM)) return null;
  logLegacyData(request);
  const message = errorMessageFor(404);
  const headers = { "Cache-Control": "no-store" };
  if ((request.headers.get("accept") ?? "").includes("text/html")) {
    return new Response(request.method === "HEAD" ? null : errorPageHtml(404, message, nonce), {
      status: 404,
      headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
    });
  }
  return Response.json({ message }, { status: 404, headers });
}

/** The one log line of a legacy data request (level 30): method, URL (query masked), the route id asked for. */
export function logLegacyData(request: Request): void {
  const route = new URL(request.url).searchParams.get(LEGACY_DATA_PARAM) ?? "";
  logInfo("legacy ?_data request answered 404", { method: request.method, url: request.url, route: route.slice(0, 100) });
}
