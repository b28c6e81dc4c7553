// The portal's production server: Express serving the Vite build and the Remix request handler.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequestHandler, type ServerBuild, writeReadableStreamToWritable } from "@remix-run/node";
import express, { type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import helmet from "helmet";
import { portalBuildDir } from "./build-dir.ts";

// Configuration first: a bad variable stops the server with a message naming it, not a stack.
const { env } = await import("./app/utils/env.server.ts").catch((err: Error) => {
  console.error(`portal: ${err.message}`);
  process.exit(1);
});
const { requestIdFrom } = await import("./app/utils/api.server.ts");
const { API_PROXY_PREFIX, proxyReportingApi } = await import("./app/utils/api-proxy.server.ts");
const csrf = await import("./app/utils/csrf.server.ts");
const { MAX_BODY_BYTES, formMessages } = await import("./app/utils/form-data.server.ts");
const { cookieForTransport, helmetOptions } = await import("./app/utils/headers.server.ts");
const { logError, logWarn } = await import("./app/utils/log.server.ts");
const { errorPageHtml } = await import("./app/utils/resource.server.ts");
const { legacyDataResponse } = await import("./app/utils/legacy-data.server.ts");

const buildDir = fileURLToPath(new URL(`./${portalBuildDir()}/`, import.meta.url));
const serverBuild = `${buildDir}server/index.js`;
if (!existsSync(serverBuild)) {
  console.error(`portal: ${serverBuild} is missing; run \`npm run build\` in apps/portal first`);
  process.exit(1);
}
const build = (await import(serverBuild)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
// req.ip is the browser's address as forwarded by the proxies we trust (TRUST_PROXY).
app.set("trust proxy", env.TRUST_PROXY);

// Security headers on every response, assets and error pages included; a fresh CSP nonce for each.
const nonceOf = (res: unknown) => String((res as ExpressResponse).locals.cspNonce);
const headersOverHttp = helmet(helmetOptions(nonceOf, false));
const headersOverHttps = helmet(helmetOptions(nonceOf, true));
app.use((req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  (req.secure ? headersOverHttps : headersOverHttp)(req, res, next);
});

// Vite fingerprints everything under /assets, so it may be cached for good.
app.use("/assets", express.static(`${buildDir}client/assets`, { immutable: true, maxAge: "1y", index: false }));
app.use(express.static(`${buildDir}client`, { maxAge: "1h", index: false }));

app.get("/healthz", (_req, res) => {
  res.json({ status: "ok" });
});

// Analysts' HTTP API (API tokens, docs/analysts.md): passed on to reporting before the session,
// CSRF and Remix layers — the bearer token is its only credential, and reporting checks it.
app.all(`${API_PROXY_PREFIX}*`, (req, res, next) => {
  proxyReportingApi(req, res, req.ip ?? null).catch(next);
});

// Every browser holds a signed CSRF token in a cookie; pages render it into their forms.
app.use((req, res, next) => {
  const held = csrf.cookieValue(req.get("cookie"), csrf.CSRF_COOKIE);
  const token = csrf.isIssuedToken(env.SESSION_SECRET, held) ? held : csrf.newCsrfToken(env.SESSION_SECRET);
  if (token !== held) res.cookie(csrf.CSRF_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: req.secure, path: "/" });
  res.locals.csrfToken = token;
  next();
});

const handleRequest = createRequestHandler(build, "production");

/** The host (and port) the browser addressed: X-Forwarded-Host only from a proxy TRUST_PROXY trusts. */
function hostOf(req: ExpressRequest): string {
  const trusted = (req.app.get("trust proxy fn") as (addr: string, i: number) => boolean)(req.socket.remoteAddress ?? "", 0);
  const forwarded = trusted ? req.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || req.get("host") || "localhost";
}

/** The request's headers for Remix (repeated headers kept). */
function headersOf(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(key, v);
  }
  return headers;
}

/** Writes Remix's response to Express (as @remix-run/express does). */
async function send(req: ExpressRequest, res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  // A header Remix's answer names replaces the wall's (helmet's) rather than doubling it ("nosniff, nosniff").
  for (const [key, value] of response.headers.entries()) if (key !== "set-cookie") res.set(key, value);
  // Every cookie is Secure exactly when this response goes out over HTTPS (headers.server.ts).
  for (const cookie of response.headers.getSetCookie()) res.append("Set-Cookie", cookieForTransport(cookie, req.secure));
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/**
 * The body of a state-changing request, or null once it is over MAX_BODY_BYTES (announced or
 * actual). The rest of a body that is too large is read and dropped, so the client, still
 * sending, gets the 413 instead of a reset connection.
 */
function readBody(req: ExpressRequest): Promise<Uint8Array<ArrayBuffer> | null> {
  return new Promise((resolve, reject) => {
    const drop = () => {
      req.removeAllListeners("data");
      req.resume();
      resolve(null);
    };
    if (Number(req.get("content-length")) > MAX_BODY_BYTES) return drop();
    const chunks: Buffer[] = [];
    let total = 0;
    req.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > MAX_BODY_BYTES) drop();
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks) as Uint8Array<ArrayBuffer>));
    req.on("error", reject);
  });
}

/**
 * The wall's answer to a request it will not hand to an action: a page for a browser, JSON for a
 * page's own fetch of a resource route (as resource.server.ts answers), and — for Remix's own
 * fetch (single fetch asks for `<path>.data` and reads only Remix's encoding; JSON or a page there
 * reached the person as 系统繁忙) — Remix's answer from routes/refusal.ts, carrying this status
 * and message to the page's error panel.
 */
async function refuse(req: ExpressRequest, res: ExpressResponse, status: number, message: string): Promise<void> {
  res.set("Cache-Control", "no-store");
  if (req.path.endsWith(".data")) {
    try {
      // Only what Remix needs: no Origin (Remix would take another site's for an attack and answer 500), no body.
      const url = new URL("/refusal.data", `${req.protocol}://${hostOf(req)}`);
      return await send(req, res, await handleRequest(new Request(url, { method: "POST" }), { refusal: { status, message }, cspNonce: nonceOf(res) }));
    } catch (error) {
      logError("could not answer a refusal through Remix", error, { url: req.originalUrl });
    }
  }
  res.status(status);
  if (req.accepts(["application/json", "text/html"]) === "text/html") res.type("text/html; charset=utf-8").send(errorPageHtml(status, message, nonceOf(res)));
  else res.json({ message });
}

/**
 * Remix behind the CSRF wall: a request that may change something (not GET/HEAD/OPTIONS) must
 * come from the portal's own pages (Origin / Sec-Fetch-Site) and carry this browser's token (form
 * field `_csrf` or header X-CSRF-Token); otherwise 403 and no action runs. Its body is read here
 * once (413 over MAX_BODY_BYTES) and handed on to Remix as bytes.
 */
app.all("*", async (req, res, next) => {
  try {
    const controller = new AbortController();
    res.on("close", () => res.writableFinished || controller.abort());
    // req.protocol honours X-Forwarded-Proto from trusted proxies; the origin check compares against this.
    const url = new URL(req.originalUrl, `${req.protocol}://${hostOf(req)}`);
    const init: RequestInit = { method: req.method, headers: headersOf(req), signal: controller.signal };
    // Remix's old data protocol (?_data=, old clients and crawlers): 404 before Remix runs a loader or logs a stack.
    const legacy = legacyDataResponse(new Request(url.href, { method: req.method, headers: init.headers }), nonceOf(res));
    if (legacy) return await send(req, res, legacy);
    if (csrf.needsCsrfCheck(req.method)) {
      const verdict = csrf.checkOrigin({ method: req.method, ownOrigin: url.origin, origin: req.get("origin"), secFetchSite: req.get("sec-fetch-site") });
      if (!verdict.ok) {
        logWarn("refused a request from another site", { method: req.method, path: req.path, reason: verdict.reason });
        return refuse(req, res, 403, "请求来自其他网站，已被拒绝");
      }
      const body = await readBody(req);
      if (!body) return refuse(req, res, 413, formMessages.bodyTooLarge);
      const presented = req.get(csrf.CSRF_HEADER) ?? csrf.csrfFieldOf(req.get("content-type"), body);
      const held = csrf.cookieValue(req.get("cookie"), csrf.CSRF_COOKIE);
      if (!csrf.verifyCsrfToken(env.SESSION_SECRET, held, presented)) {
        logWarn("refused a request without a valid CSRF token", { method: req.method, path: req.path, cookie: held !== null });
        // No cookie at all: the browser refuses this site's cookies, and signing in cannot work either.
        return refuse(req, res, 403, held === null ? csrf.NO_COOKIE_MESSAGE : "页面已过期，请刷新页面后重试");
      }
      init.body = body;
    }
    const loadContext = {
      clientIp: req.ip,
      requestId: requestIdFrom(req.get("x-request-id")),
      cspNonce: String(res.locals.cspNonce),
      csrfToken: String(res.locals.csrfToken),
    };
    // Always "production": errors reach the browser without their stack, in every environment.
    await send(req, res, await handleRequest(new Request(url.href, init), loadContext));
  } catch (error) {
    logError("request failed", error, { url: req.originalUrl });
    if (res.headersSent) next(error);
    else await refuse(req, res, 500, "系统繁忙，请稍后再试");
  }
});

const server = app.listen(env.PORT, env.HOST, () => {
  console.log(`portal listening on http://${env.HOST}:${env.PORT}${env.SUBJECT_PREFIX ? ` (prefix ${env.SUBJECT_PREFIX})` : ""}`);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`portal: ${signal} received, closing`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // Requests still running after this long are cut off.
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
