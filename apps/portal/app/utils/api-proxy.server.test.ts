// The portal's /api/v1/ proxy (issue 11 probe fault 2): `curl --path-as-is
// 'http://portal/api/v1/../../trpc/statistics.professionalCounts'` reached reporting's tRPC with the
// portal's service credential. Every spelling of a climb out of /api/v1/ is answered 404 by the
// portal and never reaches the service; a path that stays inside is passed on normalised; the
// answer's file name, row counts and Retry-After come back; a body over 64 KiB is not passed on
// but marked, so reporting still checks the token before its 413. The "reporting" here is a
// recording HTTP server: what reaches it is what the test asserts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { API_BODY_TOO_LARGE_HEADER, apiPathUnder } from "@ce/service-kit/api-path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let upstream: http.Server;
let portal: http.Server;
let portalUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() });
      if (req.url === "/api/v1/openapi.json") {
        res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" });
        return res.end('{"openapi":"3.1.0"}\n');
      }
      if (req.url?.startsWith("/api/v1/extracts/")) {
        res.writeHead(200, {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": "attachment; filename*=UTF-8''x.csv",
          "x-extract-rows": "12",
          "x-extract-suppressed": "2",
          "x-internal": "not for the caller",
        });
        return res.end("a,b\r\n");
      }
      res.writeHead(429, { "content-type": "application/json", "retry-after": "17" });
      res.end(JSON.stringify({ message: "接口令牌调用过于频繁" }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  vi.stubEnv("REPORTING_URL", `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/trpc`);
  vi.resetModules();
  const { proxyReportingApi } = await import("./api-proxy.server.ts");
  // As server.ts mounts it: every path Express matches with /api/v1/* (the raw path, not normalised).
  portal = http.createServer((req, res) => {
    if (/^\/api\/v1\//i.test(req.url ?? "")) void proxyReportingApi(req, res, "203.0.113.5");
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => portal.listen(0, "127.0.0.1", resolve));
  portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((r) => portal.close(r));
  await new Promise((r) => upstream.close(r));
});

/** A request sent with its path exactly as given (curl --path-as-is). */
function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const { port } = new URL(portalUrl);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method: opts.method ?? "POST", headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

describe("apiPathUnder (the one reading of an API path)", () => {
  it.each([
    ["/api/v1/statistics/professional-counts", "/api/v1/statistics/professional-counts"],
    ["/api/v1//statistics//professional-counts", "/api/v1/statistics/professional-counts"],
    ["/api/v1/statistics/./professional-counts", "/api/v1/statistics/professional-counts"],
    ["/api/v1/statistics/../statistics/title-distribution?x=1", "/api/v1/statistics/title-distribution"],
    ["/api/v1/extracts/person-year?fromYear=2026&toYear=2026", "/api/v1/extracts/person-year"],
    ["/api/v1/../../trpc/statistics.professionalCounts", null],
    ["/api/v1/../health", null],
    ["/api/v1/..", null],
    ["/api/v1/", null],
    ["/api/v1/%2e%2e/%2e%2e/trpc/statistics.professionalCounts", null],
    ["/api/v1/%2E%2E/healthz", null],
    ["/api/v1/..%2f..%2ftrpc%2fstatistics.professionalCounts", null],
    ["/api/v1/%252e%252e/%252e%252e/trpc/x", null],
    ["/api/v1/..\\..\\trpc\\statistics.professionalCounts", null],
    ["/api/v1\\..\\..\\trpc", null],
    ["/api/v1/statistics/%00x", null],
    ["/api/v1/statistics/%zz", null],
    ["/api/v1/statistics/professional-counts.json", null],
    ["/api/v1/openapi.json", "/api/v1/openapi.json"],
    ["/api/v1//./openapi.json?x=1", "/api/v1/openapi.json"],
    ["/api/v1/%6fpenapi.json", "/api/v1/openapi.json"],
    ["/api/v1/statistics/openapi.json", null],
    ["/api/v1/openapi.json/x", null],
    ["/api/v1/openapi.JSON", null],
    ["/api/v1/openapi.yaml", null],
    ["/api/v2/statistics/x", null],
  ])("%s → %s", (url, expected) => {
    expect(apiPathUnder("/api/v1/", url)?.path ?? null).toBe(expected);
  });
});

describe("the /api/v1/ proxy", () => {
  it.each([
    "/api/v1/../../trpc/statistics.professionalCounts",
    "/api/v1/../health",
    "/api/v1/../healthz",
    "/api/v1/%2e%2e/%2e%2e/trpc/statistics.professionalCounts",
    "/api/v1/..%2f..%2ftrpc%2fstatistics.professionalCounts",
    "/api/v1/%252e%252e/%252e%252e/trpc/statistics.professionalCounts",
    "/api/v1/..\\..\\trpc\\statistics.professionalCounts",
    "/api/v1/statistics/%2e%2e/%2e%2e/%2e%2e/readyz",
    "/API/V1/../../trpc/statistics.professionalCounts",
  ])("answers %s with a Chinese JSON 404 and passes nothing on", async (path) => {
    const before = received.length;
    const r = await send(path, { headers: { "content-type": "application/json", authorization: "Bearer cet_x" }, body: "{}" });
    expect(r.status).toBe(404);
    expect(r.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(r.body)).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("接口不存在") });
    expect(received.length).toBe(before);
  });

  it("passes a path inside /api/v1/ on normalised, with the token, the caller's address and the portal's credential, and passes back Retry-After", async () => {
    const r = await send("/api/v1//statistics/./professional-counts", {
      headers: { "content-type": "application/json", authorization: "Bearer cet_abc", "x-client-ip": "1.2.3.4" },
      body: '{"asOf":"2026-06-30"}',
    });
    expect([r.status, r.headers["retry-after"], r.headers["cache-control"]]).toEqual([429, "17", "no-store"]);
    const got = received.at(-1);
    expect(got).toMatchObject({ method: "POST", url: "/api/v1/statistics/professional-counts", body: '{"asOf":"2026-06-30"}' });
    expect(got?.headers).toMatchObject({ authorization: "Bearer cet_abc", "x-client-ip": "203.0.113.5", "content-type": "application/json" });
    expect(got?.headers["x-ce-service-auth"]).toBeTruthy();
  });

  it("streams an extract back with its file name and row counts (and nothing else of reporting's headers)", async () => {
    const r = await send("/api/v1/extracts/person-year?fromYear=2026&toYear=2026", { method: "GET", headers: { authorization: "Bearer cet_abc" } });
    expect(r.status).toBe(200);
    expect(r.body).toBe("a,b\r\n");
    expect(r.headers).toMatchObject({
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": "attachment; filename*=UTF-8''x.csv",
      "x-extract-rows": "12",
      "x-extract-suppressed": "2",
    });
    expect(r.headers["x-internal"]).toBeUndefined();
    expect(received.at(-1)?.url).toBe("/api/v1/extracts/person-year?fromYear=2026&toYear=2026");
  });

  it("passes GET /api/v1/openapi.json on without a token and its type and caching back (reporting serves the document)", async () => {
    const r = await send("/api/v1/openapi.json", { method: "GET" });
    expect([r.status, r.body, r.headers["content-type"], r.headers["cache-control"]]).toEqual([
      200,
      '{"openapi":"3.1.0"}\n',
      "application/json; charset=utf-8",
      "public, max-age=300",
    ]);
    expect(received.at(-1)).toMatchObject({ method: "GET", url: "/api/v1/openapi.json" });
    expect(received.at(-1)?.headers.authorization).toBeUndefined();
  });

  it("does not pass a body over 64 KiB on, but marks it so that reporting checks the token before its 413", async () => {
    await send("/api/v1/statistics/professional-counts", {
      headers: { "content-type": "application/json", authorization: "Bearer cet_abc" },
      body: JSON.stringify({ asOf: "x".repeat(70_000) }),
    });
    const got = received.at(-1);
    expect(got?.body).toBe("");
    expect(got?.headers[API_BODY_TOO_LARGE_HEADER]).toBe("1");
  });
});
