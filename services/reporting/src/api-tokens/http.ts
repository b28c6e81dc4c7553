import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiTokenPermission } from "@ce/contracts";
import {
  API_BODY_TOO_LARGE_HEADER,
  API_DOCUMENT_NAME,
  apiPathUnder,
  clientAddress,
  type Logger,
  NonceCache,
  requestIdFrom,
  SERVICE_AUTH_HEADER,
  type ServicePublicKeys,
  unexpectedErrorMessage,
  verifyServiceAuth,
} from "@ce/service-kit";
import type { AnyRouter } from "@trpc/server";
import { createOpenApiNodeHttpHandler, generateOpenApiDocument, type OpenAPIObject, type OpenApiMeta } from "trpc-to-openapi";
import type { ReportingDeps } from "../deps.ts";
import { type ApiCaller, authenticateApiCall, finishApiCall } from "./authenticate.ts";
import { type BodyRefusal, readJsonBody } from "./body.ts";
import type { ApiContext } from "./procedure.ts";

/** Where the HTTP API is served on the reporting service's port (and the OpenAPI document's server path). */
export const API_BASE_PATH = "/api/v1";
/**
 * Where the API's OpenAPI document is served, below API_BASE_PATH (`GET /api/v1/openapi.json`): the
 * document apiDocumentText generates — the text committed at docs/openapi/reporting.json, which
 * test/openapi.test.ts validates and keeps equal to it. It needs no token (it describes the API,
 * holds no data) and is not logged.
 */
export const API_DOCUMENT_PATH = `/${API_DOCUMENT_NAME}`;
/** How long a client (or the portal's proxy, which passes it back) may cache the document: it changes only with a release. */
export const API_DOCUMENT_CACHE = "public, max-age=300";
/** The largest request body the API reads (bytes): its inputs are a few filters. */
export const API_MAX_BODY_BYTES = 64 * 1024;

/** One request as the API's handlers see it after the gate: who called, and the ids of the log. */
export interface ApiCall {
  caller: ApiCaller;
  requestId: string;
  log: Logger;
  /** The query string of the request (a streamed GET operation reads its inputs from it). */
  query: URLSearchParams;
}

/** An operation served by a plain handler (a streamed file) rather than a tRPC procedure, listed in the OpenAPI document beside them. */
export interface ApiStream {
  method: "GET";
  /** Below API_BASE_PATH, e.g. "/extracts/person-year". */
  path: string;
  permission: ApiTokenPermission;
  /** Its operation in the OpenAPI document (summary, parameters, answers), under its path and method there. */
  document: Record<string, unknown>;
  /** Answers the call; the gate has let it through and logged it, the handler completes the log row (finishApiCall). */
  handle(req: IncomingMessage, res: ServerResponse, call: ApiCall): Promise<void>;
}

/** An operation of the API: its method and path below API_BASE_PATH, the permission it needs, and what serves it. */
interface ApiOperation {
  method: string;
  path: string;
  permission: ApiTokenPermission;
  stream: ApiStream | null;
}

/** The operations of an API router (each procedure's `openapi` meta; its name is its permission, as routers/api.ts builds them). */
export function routerOperations(router: AnyRouter): Array<{ method: string; path: string; name: string }> {
  return Object.entries(router._def.procedures as Record<string, { _def: { meta?: OpenApiMeta } }>).flatMap(([name, p]) => {
    const o = p._def.meta?.openapi;
    return o ? [{ method: o.method, path: o.path, name }] : [];
  });
}

/**
 * The address a request to one of reporting's HTTP handlers comes from: the analyst's address the
 * portal vouches for (`x-client-ip` on a request signed with the portal's service credential for
 * reporting, its /api/v1 proxy), else the socket's peer — service-kit clientAddress's rule, the one
 * every other operation uses. Verifies (and so spends) the request's service credential: call it
 * once per request.
 */
export function apiCallerAddress(req: IncomingMessage, serviceAuth: ServicePublicKeys, nonces: NonceCache): string | null {
  const caller = verifyServiceAuth(header(req, SERVICE_AUTH_HEADER), { audience: "reporting", keys: serviceAuth, nonces });
  return clientAddress(caller, header(req, "x-client-ip"), req.socket.remoteAddress);
}

/** A refusal of the API in the one shape of its errors: `{ message, code, data: { code, httpStatus, path, fieldErrors } }`. */
export function sendApiRefusal(
  res: ServerResponse,
  refusal: { status: number; code: string; message: string; path?: string | null; field?: string | null; headers?: Record<string, string> },
) {
  const fieldErrors = refusal.field ? { [refusal.field]: [refusal.message] } : null;
  res.writeHead(refusal.status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...refusal.headers });
  res.end(
    JSON.stringify({
      message: refusal.message,
      code: refusal.code,
      data: { code: refusal.code, httpStatus: refusal.status, path: refusal.path ?? null, fieldErrors },
    }),
  );
}

const GATE_STATUS = { UNAUTHORIZED: 401, FORBIDDEN: 403, TOO_MANY_REQUESTS: 429 } as const;

/** Callers the gate let through, for the tRPC context of the same request. */
const gateCallers = new WeakMap<IncomingMessage, ApiCaller>();

/**
 * The HTTP/JSON API under API_BASE_PATH: the router's operations (trpc-to-openapi's node adapter)
 * and `streams`, behind one order for every request —
 * 1. the path normalised (service-kit apiPathUnder: percent-encoding, backslashes, `..`, doubled
 *    slashes) — anything not strictly under the base is 404 at once;
 * 2. the token gate (authenticateApiCall: address limit for calls without a token, token, scope,
 *    permission of the operation, rate; refusals 401/403/429 with Retry-After; every call logged);
 * 3. the operation: an unknown path 404, a wrong method 405 (Allow), both in Chinese and logged;
 * 4. the body of a JSON operation (api-tokens/body.ts: 413 over API_MAX_BODY_BYTES, 415 not JSON,
 *    400 malformed, nested too deep, or not an object), logged with the request id;
 * 5. the procedure, with the caller in its context (api-tokens/procedure.ts), or the stream.
 * The one exception is `GET` (or `HEAD`) API_DOCUMENT_PATH: the OpenAPI document, before the
 * gate, to anyone (it is what a client generator or Swagger UI loads first, without a token).
 * `x-request-id` (or a new id) ties the answer to the logs.
 */
export function apiHttpHandler(
  router: AnyRouter,
  deps: Pick<ReportingDeps, "db" | "now" | "redis" | "log">,
  serviceAuth: ServicePublicKeys,
  streams: readonly ApiStream[] = [],
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const nonces = new NonceCache();
  const log = deps.log;
  const operations: ApiOperation[] = [
    ...routerOperations(router).map((o) => ({ method: o.method, path: o.path, permission: o.name as ApiTokenPermission, stream: null })),
    ...streams.map((s) => ({ method: s.method, path: s.path, permission: s.permission, stream: s })),
  ];
  const handle = createOpenApiNodeHttpHandler({
    router,
    maxBodySize: API_MAX_BODY_BYTES,
    createContext: ({ req }): ApiContext => {
      const caller = gateCallers.get(req as IncomingMessage) ?? null;
      const requestId = caller?.requestId ?? randomUUID();
      return { caller, requestId, log: log.child({ requestId }) };
    },
    responseMeta({ errors }) {
      const retryAfterS = errors.map((e) => (e.cause as { retryAfterS?: unknown } | undefined)?.retryAfterS).find((s) => typeof s === "number");
      return retryAfterS === undefined ? {} : { headers: { "retry-after": String(retryAfterS) } };
    },
    onError({ error, path, ctx }) {
      // The caller got only "系统繁忙（错误编号 …）"; the detail goes to the log under the same id.
      if (error.code === "INTERNAL_SERVER_ERROR") ((ctx as ApiContext | undefined)?.log ?? log).error({ err: error.cause ?? error, path }, "API call failed");
    },
  });

  const documentText = apiDocumentText(router, streams);

  const serve = async (req: IncomingMessage, res: ServerResponse, requestId: string, reqLog: Logger) => {
    const method = (req.method ?? "GET").toUpperCase();
    const target = apiPathUnder(`${API_BASE_PATH}/`, req.url ?? "/");
    if (target?.path === `${API_BASE_PATH}${API_DOCUMENT_PATH}` && (method === "GET" || method === "HEAD")) {
      req.resume();
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": API_DOCUMENT_CACHE });
      return void res.end(method === "HEAD" ? undefined : documentText);
    }
    const clientIp = apiCallerAddress(req, serviceAuth, nonces);
    const below = target ? target.path.slice(API_BASE_PATH.length) : null;
    const samePath = below === null ? [] : operations.filter((o) => o.path === below);
    const op = samePath.find((o) => o.method === method) ?? null;
    const check = await authenticateApiCall(deps, {
      authorization: header(req, "authorization"),
      procedure: op?.permission ?? null,
      // The path only, never the query: a query may carry a 证件号 (break-it probe), and 调用记录 shows this.
      logAs: op?.permission ?? `unknown ${method} ${(below ?? (req.url ?? "").split(/[?#]/)[0] ?? "").slice(0, 120)}`,
      clientIp,
      requestId,
    });
    if (!check.ok) {
      req.resume();
      const headers: Record<string, string> = check.retryAfterS === null ? {} : { "retry-after": String(check.retryAfterS) };
      return sendApiRefusal(res, {
        status: GATE_STATUS[check.refusal.code],
        code: check.refusal.code,
        message: check.refusal.message,
        path: op?.permission,
        headers,
      });
    }
    const { caller } = check;
    const refuse = async (status: number, code: string, message: string, headers?: Record<string, string>) => {
      req.resume();
      await finishApiCall(deps, caller.useId, { errorCode: code });
      reqLog.warn({ status, code, path: below ?? req.url, tokenId: caller.tokenId }, "API request refused");
      sendApiRefusal(res, { status, code, message, path: op?.permission, headers });
    };
    if (!op && samePath.length > 0) {
      const allow = [...new Set(samePath.map((o) => o.method))].join(", ");
      return refuse(405, "METHOD_NOT_SUPPORTED", `接口 ${API_BASE_PATH}${below} 只接受 ${allow} 请求`, { allow });
    }
    if (!op || below === null || target === null) {
      return refuse(
        404,
        "NOT_FOUND",
        `接口不存在：${target ? target.path : "请求路径无效"}；可用的接口见 OpenAPI 文档（${API_BASE_PATH}${API_DOCUMENT_PATH}）`,
      );
    }
    if (op.stream) return op.stream.handle(req, res, { caller, requestId, log: reqLog, query: new URLSearchParams(target.query.slice(1)) });
    const body = await readJsonBody(req, API_MAX_BODY_BYTES, header(req, API_BODY_TOO_LARGE_HEADER) !== null);
    if (!body.ok) return refuse(...bodyStatus(body.refusal));
    gateCallers.set(req, caller);
    // trpc-to-openapi takes the parsed body as it is and the operation's path below the base.
    Object.assign(req, { body: body.value });
    req.headers["content-type"] = "application/json";
    req.headers["x-request-id"] = requestId;
    req.url = below;
    return handle(req, res);
  };
  return async (req, res) => {
    const requestId = requestIdFrom(header(req, "x-request-id"));
    const reqLog = log.child({ requestId });
    try {
      await serve(req, res, requestId, reqLog);
    } catch (e) {
      // A fault of ours (the database or Redis gone): the caller gets the incident id, the log the detail.
      reqLog.error({ err: e }, "API request failed");
      if (res.headersSent) res.destroy();
      else sendApiRefusal(res, { status: 500, code: "INTERNAL_SERVER_ERROR", message: unexpectedErrorMessage(requestId) });
    }
  };
}

function bodyStatus(r: BodyRefusal): [number, string, string] {
  if (r.kind === "too-large") return [413, "PAYLOAD_TOO_LARGE", r.message];
  if (r.kind === "media-type") return [415, "UNSUPPORTED_MEDIA_TYPE", r.message];
  return [400, "BAD_REQUEST", r.message];
}

/**
 * The OpenAPI 3.1 document of the API a handler serves: the router's operations (generated from
 * their zod input and output schemas) and the `streams` (their own `document`), served from
 * `baseUrl` (default API_BASE_PATH, relative to the host that serves the document), with
 * bearer-token security on every operation.
 */
export function apiDocument(router: AnyRouter, streams: readonly ApiStream[] = [], baseUrl = API_BASE_PATH): OpenAPIObject {
  const doc = generateOpenApiDocument(router, {
    title: "继续教育公共服务平台 查询统计 API",
    description:
      "查询统计的只读接口，供数据分析人员和其他系统使用。每个请求须带 `Authorization: Bearer <令牌>`：令牌由本单位超级管理员在门户“接口令牌管理”中创建，只能访问其数据范围（某单位及其下级）和所授予的报表权限，有到期时间和每分钟调用上限，每次调用都记录在案。",
    version: "1.0.0",
    baseUrl,
    securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "接口令牌（cet_ 开头）" } },
  });
  const paths: Record<string, Record<string, unknown>> = { ...(doc.paths as Record<string, Record<string, unknown>>) };
  for (const st of streams) paths[st.path] = { ...paths[st.path], [st.method.toLowerCase()]: { ...st.document, security: [{ bearerAuth: [] }] } };
  return { ...doc, paths: paths as OpenAPIObject["paths"] };
}

/**
 * The OpenAPI document as served at API_DOCUMENT_PATH and committed at docs/openapi/reporting.json:
 * apiDocument(router, streams) as JSON, two-space indented, one final newline.
 */
export function apiDocumentText(router: AnyRouter, streams: readonly ApiStream[] = []): string {
  return `${JSON.stringify(apiDocument(router, streams), null, 2)}\n`;
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return typeof v === "string" && v.length > 0 ? v : null;
}
