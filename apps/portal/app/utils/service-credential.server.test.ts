// The portal's side of the service credential: its configuration, and what a service receives
// from createApi (a credential it can verify, the browser's address, the bearer token).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { DEV_SERVICE_AUTH_SECRET, SERVICE_AUTH_HEADER, verifyServiceAuth } from "@ce/service-kit/service-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseEnv } from "./env.server.ts";

describe("SERVICE_AUTH_SECRET", () => {
  const production = { NODE_ENV: "production", SESSION_SECRET: "a-session-secret-of-our-own" };
  it.each([
    { env: {}, ok: true },
    { env: { SERVICE_AUTH_SECRET: "short" }, ok: false },
    { env: production, ok: false },
    { env: { ...production, SERVICE_AUTH_SECRET: DEV_SERVICE_AUTH_SECRET }, ok: false },
    { env: { ...production, SERVICE_AUTH_SECRET: "a-service-secret-of-our-own" }, ok: true },
  ])("$env → ok: $ok", ({ env, ok }) => {
    if (ok) expect(parseEnv(env).SERVICE_AUTH_SECRET.length).toBeGreaterThanOrEqual(16);
    else expect(() => parseEnv(env)).toThrow(/SERVICE_AUTH_SECRET/);
  });
});

describe("createApi", () => {
  const SECRET = "portal-secret-for-this-test-0003";
  const seen: http.IncomingHttpHeaders[] = [];
  let server: http.Server;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify([{ result: { data: { json: { ok: true } } } }]));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc`;
    vi.stubEnv("SERVICE_AUTH_SECRET", SECRET);
    vi.stubEnv("IDENTITY_URL", url);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await new Promise((r) => server.close(r));
  });

  it("signs every call as the portal and forwards the browser's address and the token", async () => {
    vi.resetModules();
    const { createApi } = await import("./api.server.ts");
    const api = createApi(new Request("http://portal.test/login"), { clientIp: "203.0.113.44", requestId: "req-12345678" }, "bearer-token-0123456789");
    await api.identity.auth.captcha.query().catch(() => undefined);
    const headers = seen.at(-1) ?? {};
    expect(verifyServiceAuth(headers[SERVICE_AUTH_HEADER] as string, new Map([["portal", [SECRET]]]))).toBe("portal");
    expect(verifyServiceAuth(headers[SERVICE_AUTH_HEADER] as string, new Map([["portal", [DEV_SERVICE_AUTH_SECRET]]]))).toBeNull();
    expect(headers["x-client-ip"]).toBe("203.0.113.44");
    expect(headers.authorization).toBe("Bearer bearer-token-0123456789");
  });
});
