import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { API_BODY_TOO_LARGE_HEADER, apiPathUnder } from "@ce/service-kit/api-path";
import { SERVICE_AUTH_HEADER, signServiceAuth } from "@ce/service-kit/service-auth";
import { requestIdFrom } from "./api.server.ts";
import { env } from "./env.server.ts";

/** The prefix of reporting's HTTP API (analysts' API tokens, docs/analysts.md), passed on as it is. */
export const API_PROXY_PREFIX = "/api/v1/";
/** The largest body passed on (bytes): the API's inputs are a few filters (reporting reads at most 64 KiB too). */
export const MAX_API_BODY_BYTES = 64 * 1024;
/**
 * Headers of the API's answer the caller gets: its type, an extract's file name and row counts, a
 * rate's wait, a method's list, and its caching when reporting says (the OpenAPI document at
 * /api/v1/openapi.json, public for a few minutes); any answer that does not say is `no-store`.
 */
export const PASSED_BACK = [
  "content-type",
  "content-disposition",
  "x-extract-rows",
  "x-extract-suppressed",
  "x-extract-final",
  "retry-after",
  "allow",
  "cache-control",
] as const;

/**
 * Passes a request under /api/v1/ on to reporting's HTTP API (its /api/v1/, beside /trpc), since
 * the portal is the only thing published (deploy/k8s/ingress.yaml). The path is read once by
 * service-kit apiPathUnder — percent-encoding (%2e%2e, %2f) decoded, backslashes and doubled
 * slashes read as one slash, `..` resolved — and anything not strictly under /api/v1/ is answered
 * 404 here and never reaches reporting; the normalised path is what is passed on. The analyst's
 * `Authorization: Bearer <token>`, content type and request id go with it, plus the portal's
 * service credential for reporting and the caller's address (`clientIp`, the portal's req.ip under
 * TRUST_PROXY), which reporting logs with every use of the token. A body over 64 KiB is not passed
 * on: reporting is told (API_BODY_TOO_LARGE_HEADER) so that it checks the token and logs the call
 * before its 413. No session, cookie or CSRF token is involved: the token is the only credential,
 * and reporting checks it. The answer is streamed back (an extract can be large) with PASSED_BACK
 * headers; a reporting that cannot be reached is 502 with a Chinese `message`.
 */
export async function proxyReportingApi(req: IncomingMessage, res: ServerResponse, clientIp: string | null): Promise<void> {
  const target = apiPathUnder(API_PROXY_PREFIX, req.url ?? "/");
  if (target === null) {
    req.resume();
    return answer(res, 404, "NOT_FOUND", "接口不存在：请求路径无效；可用的接口见 OpenAPI 文档（/api/v1/openapi.json）");
  }
  const body = req.method === "GET" || req.method === "HEAD" ? null : await readLimited(req);
  const headers: Record<string, string> = {
    "x-request-id": requestIdFrom(first(req.headers["x-request-id"])),
    [SERVICE_AUTH_HEADER]: signServiceAuth({ caller: "portal", audience: "reporting", privateKey: env.SERVICE_AUTH_PRIVATE_KEY }),
  };
  for (const h of ["authorization", "content-type"]) {
    const v = first(req.headers[h]);
    if (v) headers[h] = v;
  }
  if (body === "too large") headers[API_BODY_TOO_LARGE_HEADER] = "1";
  if (clientIp) headers["x-client-ip"] = clientIp;
  const url = `${env.REPORTING_URL.replace(/\/trpc\/?$/, "")}${target.path}${target.query}`;
  let upstream: Response;
  try {
    upstream = await fetch(url, {
      method: req.method,
      headers,
      body: body === "too large" ? null : body,
      redirect: "manual",
      signal: AbortSignal.timeout(env.SERVICE_CALL_TIMEOUT_MS),
    });
  } catch {
    return answer(res, 502, "BAD_GATEWAY", "查询统计服务暂时不可用，请稍后再试");
  }
  res.statusCode = upstream.status;
  res.setHeader("cache-control", "no-store");
  for (const h of PASSED_BACK) {
    const v = upstream.headers.get(h);
    if (v !== null) res.setHeader(h, v);
  }
  if (!upstream.body) return void res.end();
  try {
    await pipeline(Readable.fromWeb(upstream.body as WebReadableStream<Uint8Array>), res);
  } catch {
    // Reporting cut a stream part-way (an extract that failed): the caller sees the connection end, never a silently short file.
    res.destroy();
  }
}

function first(v: string | string[] | undefined): string | null {
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

function answer(res: ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify({ message, code, data: { code, httpStatus: status, path: null, fieldErrors: null } }));
}

/** The request's body, or "too large" as soon as it passes MAX_API_BODY_BYTES (declared or streamed; the rest is drained, not kept). */
function readLimited(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | "too large"> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > MAX_API_BODY_BYTES) {
      req.resume();
      return resolve("too large");
    }
    const chunks: Buffer[] = [];
    let total = 0;
    req.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total <= MAX_API_BODY_BYTES) chunks.push(chunk);
      else resolve("too large");
    });
    req.on("end", () => resolve(total > MAX_API_BODY_BYTES ? "too large" : (Buffer.concat(chunks) as Uint8Array<ArrayBuffer>)));
    req.on("error", reject);
  });
}
