import http from "node:http";
import { randomUUID } from "node:crypto";
import type { AnyRouter } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { Redis } from "ioredis";
import type { Logger } from "./logger.ts";
import { ipOrNull, SERVICE_AUTH_HEADER, verifyServiceAuth, type ServiceSecrets } from "./service-auth.ts";
import { resolvePrincipal } from "./session.ts";
import { incidentId, type Context } from "./trpc.ts";

export type ReadinessChecks = Record<string, () => Promise<unknown>>;

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

/**
 * Serves a tRPC router at /trpc with the caller resolved from the bearer token, plus
 * /healthz (the process is up) and /readyz (every dependency answers). A /trpc request without
 * a valid service credential (`x-ce-service-auth`, checked against `serviceAuth`) is answered
 * 401 with no detail before any procedure runs; health and readiness stay open.
 */
export function startHttpServer(opts: {
  router: AnyRouter;
  port: number;
  host: string;
  redis: Redis;
  log: Logger;
  readiness: ReadinessChecks;
  /** Accepted service credentials (SERVICE_AUTH_SECRETS). */
  serviceAuth: ServiceSecrets;
}): Promise<http.Server> {
  const { log, redis } = opts;
  const trpc = createHTTPHandler({
    router: opts.router,
    basePath: "/trpc/",
    createContext: async ({ req }): Promise<Context> => {
      const auth = req.headers.authorization;
      const token = auth?.startsWith("Bearer ") ? auth.slice(7) : null;
      const requestId = header(req, "x-request-id") ?? randomUUID();
      return {
        principal: await resolvePrincipal(redis, token),
        token,
        requestId,
        clientIp: clientAddress(callers.get(req) ?? null, header(req, "x-client-ip"), req.socket.remoteAddress),
        log: log.child({ requestId }),
      };
    },
    onError({ error, path, ctx }) {
      // The caller got only "系统繁忙（错误编号 …）"; the detail and that id go to the log.
      if (error.code === "INTERNAL_SERVER_ERROR") (ctx?.log ?? log).error({ err: error.cause ?? error, path, requestId: incidentId(error, ctx) }, "procedure failed");
    },
  });

  const server = http.createServer(async (req, res) => {
    const url = req.url ?? "/";
    if (url.startsWith("/trpc/")) {
      const caller = verifyServiceAuth(header(req, SERVICE_AUTH_HEADER), opts.serviceAuth);
      if (caller === null) return json(res, 401, { error: "unauthorized" });
      callers.set(req, caller);
      return trpc(req, res);
    }
    if (url === "/healthz") return json(res, 200, { status: "ok" });
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
    json(res, 404, { error: "not found" });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve(server));
  });
}

function header(req: http.IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return typeof v === "string" && v.length > 0 ? v : null;
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
