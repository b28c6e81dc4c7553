// A service that never answers: the portal gives up after SERVICE_CALL_TIMEOUT_MS and the page
// says 服务响应超时 (a form error, or a 503 for a loader) instead of hanging.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseEnv } from "./env.server.ts";
import { classifyError, errorResponse, toFormErrors } from "./errors.server.ts";

describe("SERVICE_CALL_TIMEOUT_MS", () => {
  it.each([
    { value: undefined, expected: 10_000 },
    { value: "", expected: 10_000 },
    { value: "2500", expected: 2_500 },
    { value: "100", expected: 100 },
    { value: "0", expected: null },
    { value: "99", expected: null },
    { value: "-5", expected: null },
    { value: "1.5", expected: null },
    { value: "十秒", expected: null },
    { value: "600001", expected: null },
  ])("$value → $expected", ({ value, expected }) => {
    const env = value === undefined ? {} : { SERVICE_CALL_TIMEOUT_MS: value };
    if (expected === null) expect(() => parseEnv(env)).toThrow(/SERVICE_CALL_TIMEOUT_MS/);
    else expect(parseEnv(env).SERVICE_CALL_TIMEOUT_MS).toBe(expected);
  });
});

describe("a service that never answers", () => {
  let server: http.Server;
  let url: string;
  const hung = new Set<http.ServerResponse>();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hung.add(res);
      if (req.url?.includes("stall")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.write("[");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc`;
    vi.stubEnv("SERVICE_CALL_TIMEOUT_MS", "300");
    vi.stubEnv("IDENTITY_URL", url);
    vi.stubEnv("HOURS_URL", `${url}/stall`);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    for (const res of hung) res.destroy();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it.each([
    { service: "identity", behaviour: "no answer at all" },
    { service: "hours", behaviour: "headers, then a body that never ends" },
  ] as const)("$service ($behaviour): the call is abandoned and the form says 服务响应超时", async ({ service }) => {
    vi.resetModules();
    const { createApi } = await import("./api.server.ts");
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const api = createApi(new Request("http://portal.test/login"), { clientIp: "203.0.113.44", requestId: "req-12345678" }, null);
    const started = Date.now();
    const call = service === "identity" ? api.identity.auth.captcha.query() : api.hours.forms.list.query();
    const error = await (call as Promise<unknown>).then(
      () => null,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(toFormErrors(error, ["captcha"])).toEqual({ formErrors: ["服务响应超时，请稍后再试"], fieldErrors: {} });
    const response = errorResponse(classifyError(error) as Parameters<typeof errorResponse>[0]);
    expect(response.init?.status).toBe(503);
    expect(response.data).toEqual({ message: "服务响应超时，请稍后再试" });
    stderr.mockRestore();
  });
});
