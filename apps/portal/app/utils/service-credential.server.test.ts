// The portal's side of the service credential: its configuration, and what a service receives
// from createApi (a credential it can verify for that service only, the browser's address, the
// bearer token). Then a real service's 400: its Chinese messages reach the page as field errors.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRedis, publicProcedure, router } from "@ce/service-kit";
import {
  DEV_SERVICE_AUTH_PRIVATE_KEY,
  DEV_SERVICE_AUTH_PUBLIC_KEY,
  generateServiceKeyPair,
  parseServicePublicKeys,
  SERVICE_AUTH_HEADER,
  signServiceAuth,
  verifyServiceAuth,
} from "@ce/service-kit/service-auth";
import { startTestHttpServer, type TestHttpServer } from "@ce/service-kit/testing";
import { TEST_REDIS_URL } from "@ce/testkit";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { parseEnv } from "./env.server.ts";
import { toFormErrors } from "./errors.server.ts";

const PORTAL = generateServiceKeyPair();

describe("SERVICE_AUTH_PRIVATE_KEY", () => {
  const production = { NODE_ENV: "production", SESSION_SECRET: "a-session-secret-of-our-own" };
  it.each([
    { case: "default (development)", env: {}, ok: true },
    { case: "not a key", env: { SERVICE_AUTH_PRIVATE_KEY: "short" }, ok: false },
    { case: "a public key", env: { SERVICE_AUTH_PRIVATE_KEY: PORTAL.publicKey }, ok: false },
    { case: "production without a key", env: production, ok: false },
    { case: "production with the development key", env: { ...production, SERVICE_AUTH_PRIVATE_KEY: DEV_SERVICE_AUTH_PRIVATE_KEY }, ok: false },
    { case: "production with its own key", env: { ...production, SERVICE_AUTH_PRIVATE_KEY: PORTAL.privateKey }, ok: true },
  ])("$case → ok: $ok", ({ env, ok }) => {
    if (ok) expect(parseEnv(env).SERVICE_AUTH_PRIVATE_KEY.length).toBeGreaterThan(40);
    else expect(() => parseEnv(env)).toThrow(/SERVICE_AUTH_PRIVATE_KEY/);
  });
});

describe("createApi", () => {
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
    vi.stubEnv("SERVICE_AUTH_PRIVATE_KEY", PORTAL.privateKey);
    vi.stubEnv("IDENTITY_URL", url);
    vi.stubEnv("HOURS_URL", url);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await new Promise((r) => server.close(r));
  });

  it("signs every call as the portal for the service called, and forwards the browser's address and the token", async () => {
    vi.resetModules();
    const { createApi } = await import("./api.server.ts");
    const api = createApi(new Request("http://portal.test/login"), { clientIp: "203.0.113.44", requestId: "req-12345678" }, "bearer-token-0123456789");
    await api.identity.auth.captcha.query().catch(() => undefined);
    const headers = seen.at(-1) ?? {};
    const credential = headers[SERVICE_AUTH_HEADER] as string;
    const ours = parseServicePublicKeys(`portal:${PORTAL.publicKey}`);
    expect(verifyServiceAuth(credential, { audience: "identity", keys: ours })).toBe("portal");
    expect(verifyServiceAuth(credential, { audience: "hours", keys: ours })).toBeNull();
    expect(verifyServiceAuth(credential, { audience: "identity", keys: parseServicePublicKeys(`portal:${DEV_SERVICE_AUTH_PUBLIC_KEY}`) })).toBeNull();
    expect(headers["x-client-ip"]).toBe("203.0.113.44");
    expect(headers.authorization).toBe("Bearer bearer-token-0123456789");

    await api.hours.declarations.get.query({ declarationId: "00000000-0000-4000-8000-000000000000" }).catch(() => undefined);
    expect(verifyServiceAuth(seen.at(-1)?.[SERVICE_AUTH_HEADER] as string, { audience: "hours", keys: ours })).toBe("portal");
  });
});

describe("a service's 400 on the page", () => {
  const redis = createRedis(TEST_REDIS_URL, "tportalzod");
  let service: TestHttpServer;
  let url: string;
  const Input = z.object({ name: z.string().max(5), count: z.number().int().max(9), kind: z.enum(["A", "B"]) });
  const FIELDS = ["name", "count", "kind"];

  beforeAll(async () => {
    const appRouter = router({ save: publicProcedure.input(Input).mutation(() => ({ ok: true })) });
    service = await startTestHttpServer(appRouter, redis, { audience: "svc" });
    url = service.trpcUrl;
  });
  afterAll(() => service.close());

  const client = () =>
    createTRPCClient<never>({
      links: [
        httpBatchLink({
          url,
          transformer: superjson,
          headers: () => ({ [SERVICE_AUTH_HEADER]: signServiceAuth({ caller: "portal", audience: "svc", privateKey: DEV_SERVICE_AUTH_PRIVATE_KEY }) }),
        }) as never,
      ],
    }) as unknown as { save: { mutate: (i: unknown) => Promise<unknown> } };

  it.each([
    { case: "wrong type", input: { name: 42, count: 1, kind: "A" }, field: "name", message: "格式不正确，应为文本" },
    { case: "too long", input: { name: "一二三四五六", count: 1, kind: "A" }, field: "name", message: "长度不能超过5个字符" },
    { case: "invalid enum", input: { name: "张三", count: 1, kind: "Z" }, field: "kind", message: "选项无效" },
    { case: "missing field", input: { name: "张三", kind: "A" }, field: "count", message: "必填" },
  ])("$case → $field: $message", async ({ input, field, message }) => {
    const error = await client()
      .save.mutate(input)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(toFormErrors(error, FIELDS)).toEqual({ formErrors: [], fieldErrors: { [field]: [message] } });
  });
});
