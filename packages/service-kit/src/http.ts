import http from "node:http";
import { DomainError } from "@ce/contracts";
import type { AnyRouter } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { Redis } from "ioredis";
import { DEFAULT_MAX_BODY_BYTES } from "./config.ts";
import type { Logger } from "./logger.ts";
import { requestIdFrom } from "./request-id.ts";
import { ipOrNull, NonceCache, SERVICE_AUTH_HEADER, type ServicePublicKeys, verifyServiceAuth } from "./service-auth.ts";
import { resolvePrincipal } from "./session.ts";
import { type Context, incidentId, MUST_CHANGE_PASSWORD_MESSAGE, unexpectedErrorMessage } from "./trpc.ts";

export type ReadinessChecks = Record<string, () => Promise<unknown>>;
/** Handlers by path prefix (e.g. "/api/v1/"), served as they are: each authenticates its callers itself. */
export type HttpRoutes = Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => unknown>;

/**
 * A download a service streams to the portal (a file too large for a tRPC answer: an extract, a
 * Parquet file), served at `GET /downloads/<name>?…` behind the same service credential as /trpc,
 * to a signed-in caller (`ctx.principal` is set; the handler checks permissions and scope). It
 * writes the status, headers and body to `res` itself; a DomainError thrown before the first
 * byte is answered as `{ message, field }` with its status, anything else as 500 with the
 * incident id (logged); after the first byte a failure cuts the connection, never a silently
 * short file.
 */
export type DownloadHandler = (
  ctx: Context & { principal: NonNullable<Context["principal"]> },
  query: URLSearchParams,
  res: http.ServerResponse,
) => Promise<void>;

/** The HTTP status of each DomainError kind, for a handler that writes its own response (downloads, streamed files). */
export const domainErrorStatus: Readonly<Record<DomainError["kind"], number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
};

/** The caller a /trpc request proved with its service credential (set before tRPC runs). */
const callers = new WeakMap<http.IncomingMessage, string>();

/**
 * The address rate limits and audit rows use: the browser's address (`x-client-ip`, a valid IP)
 * only on a call authenticated as the portal; otherwise the socket's peer address, so any other
 * caller changing the header changes nothing.
 */
export function clientAddress(caller: string | null, forwarded: string | null, socketAddress: string | null | undefined): string | null {
  return (caller === "portal" ? ipOrNull(forwarded) : null) ?? socketAddress ?? null;
}

/** What a body over the limit is answered with (413), before a byte of it is parsed. */
export const BODY_TOO_LARGE = { error: "payload too large", message: "提交的内容过大，请减少附件或缩小文件后重试" };

/**
 * Serves a tRPC router at /trpc with the caller resolved from the bearer token, plus
 * /healthz (the process is up, and which service it is) and /readyz (every dependency answers).
 * A /trpc request without a valid service credential (`x-ce-service-auth` signed for `audience`
 * by a key `serviceAuth` lists, not seen before) is answered 401 with no detail before any
 * procedure runs; one whose body exceeds `maxBodyBytes` (declared or streamed) is answered 413
 * before it is parsed; health and readiness stay open. `routes` are served by path prefix, each
 * authenticating its own callers.
 */
export function startHttpServer(opts: {
  router: AnyRouter;
  port: number;
  host: string;
  redis: Redis;
  log: Logger;
  readiness: ReadinessChecks;
  /** This service's name: the audience a credential must be signed for. */
  audience: string;
  /** Accepted callers' public keys (SERVICE_AUTH_PUBLIC_KEYS). */
  serviceAuth: ServicePublicKeys;
  /** The largest /trpc request body taken (SERVICE_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /** Streamed downloads by name, served at /downloads/<name> (DownloadHandler). */
  downloads?: Record<string, DownloadHandler>;
  /** Other handlers by path prefix; no service credential is asked of them. */
  routes?: HttpRoutes;
}): Promise<http.Server> {
  const { log, redis } = opts;
  const maxBodyBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const nonces = new NonceCache();
  const contextOf = async (req: http.IncomingMessage): Promise<Context> => {
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : null;
    const requestId = requestIdFrom(header(req, "x-request-id"));
    return {
      principal: await resolvePrincipal(redis, token),
      token,
      requestId,
      clientIp: clientAddress(callers.get(req) ?? null, header(req, "x-client-ip"), req.socket.remoteAddress),
      log: log.child({ requestId }),
    };
  };
  const trpc = createHTTPHandler({
    router: opts.router,
    basePath: "/trpc/",
    // A chunked body has no length up front: tRPC stops reading past this and answers 413.
    maxBodySize: maxBodyBytes,
    // Queries may come as POST (the portal sends all so): a 证件号 filter never sits in a URL or an access log.
    allowMethodOverride: true,
    createContext: ({ req }) => contextOf(req),
    onError({ error, path, ctx }) {
      // The caller got only "系统繁忙（错误编号 …）"; the detail and that id go to the log.
      if (error.code === "INTERNAL_SERVER_ERROR")
        (ctx?.log ?? log).error({ err: error.cause ?? error, path, requestId: incidentId(error, ctx) }, "procedure failed");
    },
  });

  const server = http.createServer(async (req, res) => {
    const url = req.url ?? "/";
    if (url.startsWith("/trpc/")) {
      const caller = verifyServiceAuth(header(req, SERVICE_AUTH_HEADER), { audience: opts.audience, keys: opts.serviceAuth, nonces });
      if (caller === null) return json(res, 401, { error: "unauthorized" });
      if (Number(req.headers["content-length"] ?? 0) > maxBodyBytes) {
        // Not read: the connection is closed rather than drained.
        res.setHeader("connection", "close");
        return json(res, 413, BODY_TOO_LARGE);
      }
      callers.set(req, caller);
      return trpc(req, res);
    }
    if (url.startsWith("/downloads/")) {
      const caller = verifyServiceAuth(header(req, SERVICE_AUTH_HEADER), { audience: opts.audience, keys: opts.serviceAuth, nonces });
      if (caller === null) return json(res, 401, { error: "unauthorized" });
      const target = new URL(url, "http://service");
      const handler = req.method === "GET" ? opts.downloads?.[target.pathname.slice("/downloads/".length)] : undefined;
      if (!handler) return json(res, 404, { error: "not found" });
      callers.set(req, caller);
      return serveDownload(handler, await contextOf(req), target.searchParams, res);
    }
    if (url === "/healthz") return json(res, 200, { status: "ok", service: opts.audience });
    if (url === "/readyz") {
      const results = await Promise.all(
        Object.entries(opts.readiness).map(async ([name, check]) => {
          try {
            await check();
            return [name, "ok"] as const;
          } catch (e) {
            // An open endpoint: the driver's text (hosts, users) goes to the log, not the answer.
            log.warn({ err: e, check: name }, "readiness check failed");
            return [name, "unavailable"] as const;
          }
        }),
      );
      const ready = results.every(([, s]) => s === "ok");
      return json(res, ready ? 200 : 503, { status: ready ? "ready" : "not ready", checks: Object.fromEntries(results) });
    }
    const route = Object.entries(opts.routes ?? {}).find(([prefix]) => url.startsWith(prefix));
    if (route) return route[1](req, res);
    json(res, 404, { error: "not found" });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve(server));
  });
}

/** Runs a DownloadHandler for a signed-in caller, answering its refusals before the first byte (see DownloadHandler). */
async function serveDownload(handler: DownloadHandler, ctx: Context, query: URLSearchParams, res: http.ServerResponse): Promise<void> {
  const { principal } = ctx;
  if (!principal) return json(res, 401, { message: "登录已过期，请重新登录" });
  if (principal.mustChangePassword) return json(res, 403, { message: MUST_CHANGE_PASSWORD_MESSAGE });
  try {
    await handler({ ...ctx, principal }, query, res);
  } catch (e) {
    if (res.headersSent) {
      ctx.log.error({ err: e }, "download failed part-way");
      res.destroy(e instanceof Error ? e : undefined);
    } else if (e instanceof DomainError) json(res, domainErrorStatus[e.kind], { message: e.message, field: e.field ?? null });
    else {
      ctx.log.error({ err: e, requestId: ctx.requestId }, "download failed");
      json(res, 500, { message: unexpectedErrorMessage(ctx.requestId) });
    }
  }
}

function header(req: http.IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return typeof v === "string" && v.length > 0 ? v : null;
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
