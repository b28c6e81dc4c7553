// The service credential and the client address: who may call /trpc, and whose word about the
// browser's address counts. Unit tables for the pure parts, then a real server.

import type http from "node:http";
import type { AddressInfo } from "node:net";
import { TEST_REDIS_URL } from "@ce/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseEnv, parseEnv } from "../src/config.ts";
import { clientAddress, startHttpServer } from "../src/http.ts";
import { createLogger } from "../src/logger.ts";
import { createRedis, type Redis } from "../src/redis.ts";
import {
  DEV_SERVICE_AUTH_SECRET,
  isLoopback,
  parseServiceSecrets,
  SERVICE_AUTH_HEADER,
  SERVICE_AUTH_MAX_SKEW_S,
  signServiceAuth,
  verifyServiceAuth,
} from "../src/service-auth.ts";
import { publicProcedure, router } from "../src/trpc.ts";

const NOW = Date.UTC(2026, 10, 30, 1, 0, 0);
const A = "portal-secret-aaaaaaaaaaaaaaaa";
const B = "portal-secret-bbbbbbbbbbbbbbbb";
const secrets = parseServiceSecrets(`portal:${A},portal:${B},hours:hours-secret-cccccccccccc`);

/** Another base64url character with the same top four bits (the last of 43 carries only four). */
function sparesChanged(c: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  return alphabet[alphabet.indexOf(c) ^ 1] ?? "A";
}

describe("verifyServiceAuth", () => {
  const good = signServiceAuth("portal", A, NOW);
  const [v, caller, seconds, mac] = good.split(".");
  it.each([
    { case: "signed with the current secret", value: good, expect: "portal" },
    { case: "signed with the secret being rotated out", value: signServiceAuth("portal", B, NOW), expect: "portal" },
    { case: "another caller with its own secret", value: signServiceAuth("hours", "hours-secret-cccccccccccc", NOW), expect: "hours" },
    { case: "just inside the allowed skew", value: signServiceAuth("portal", A, NOW - (SERVICE_AUTH_MAX_SKEW_S - 1) * 1000), expect: "portal" },
    { case: "too old", value: signServiceAuth("portal", A, NOW - (SERVICE_AUTH_MAX_SKEW_S + 5) * 1000), expect: null },
    { case: "from the future", value: signServiceAuth("portal", A, NOW + (SERVICE_AUTH_MAX_SKEW_S + 5) * 1000), expect: null },
    { case: "an unknown secret", value: signServiceAuth("portal", "someone-elses-secret-xxxx", NOW), expect: null },
    { case: "the development secret where it is not listed", value: signServiceAuth("portal", DEV_SERVICE_AUTH_SECRET, NOW), expect: null },
    { case: "hours' secret claiming to be the portal", value: signServiceAuth("portal", "hours-secret-cccccccccccc", NOW), expect: null },
    { case: "the portal's secret claiming to be hours", value: signServiceAuth("hours", A, NOW), expect: null },
    { case: "an unknown caller", value: signServiceAuth("reporting", A, NOW), expect: null },
    { case: "the caller renamed after signing", value: [v, "hours", seconds, mac].join("."), expect: null },
    { case: "the time changed after signing", value: [v, caller, String(Number(seconds) + 1), mac].join("."), expect: null },
    { case: "a truncated MAC", value: good.slice(0, -3), expect: null },
    { case: "another version", value: ["v2", caller, seconds, mac].join("."), expect: null },
    { case: "missing", value: null, expect: null },
    { case: "empty", value: "", expect: null },
    { case: "a bearer token instead", value: "Bearer abc", expect: null },
    { case: "extra parts", value: `${good}.x`, expect: null },
    { case: "very long", value: `v1.portal.1.${"a".repeat(400)}`, expect: null },
    // A captured header altered without knowing the secret: each decodes to the same MAC bytes.
    { case: "a character outside base64url inserted", value: [v, caller, seconds, `${mac?.slice(0, 10)}*${mac?.slice(10)}`].join("."), expect: null },
    { case: "a space inside the MAC", value: [v, caller, seconds, `${mac?.slice(0, 20)} ${mac?.slice(20)}`].join("."), expect: null },
    { case: "padding appended", value: `${good}=`, expect: null },
    { case: "the last character's spare bits changed", value: good.slice(0, -1) + sparesChanged(good.at(-1) ?? "A"), expect: null },
    { case: "the MAC in standard base64", value: [v, caller, seconds, Buffer.from(mac ?? "", "base64url").toString("base64")].join("."), expect: null },
  ])("$case → $expect", ({ value, expect: expected }) => {
    expect(verifyServiceAuth(value, secrets, NOW)).toBe(expected);
  });

  it("refuses a caller name that could break the format", () => {
    expect(() => signServiceAuth("Portal.x", A)).toThrow(/caller/);
  });
});

describe("parseServiceSecrets", () => {
  it.each([
    { text: "portal:0123456789abcdef", ok: true },
    { text: " portal:0123456789abcdef , portal:fedcba9876543210 ", ok: true },
    { text: "portal:short", ok: false },
    { text: ":0123456789abcdef", ok: false },
    { text: "0123456789abcdef", ok: false },
    { text: "Portal:0123456789abcdef", ok: false },
    { text: ",", ok: false },
  ])("$text → ok: $ok", ({ text, ok }) => {
    if (ok) expect(parseServiceSecrets(text).get("portal")?.length).toBeGreaterThan(0);
    else expect(() => parseServiceSecrets(text)).toThrow();
  });

  it("keeps every secret of a caller while rotating", () => {
    expect(parseServiceSecrets(`portal:${A},portal:${B}`).get("portal")).toEqual([A, B]);
  });

  it("is read from SERVICE_AUTH_SECRETS; the development secret is refused in production", () => {
    expect(parseEnv(baseEnv, {}).SERVICE_AUTH_SECRETS.get("portal")).toEqual([DEV_SERVICE_AUTH_SECRET]);
    expect(() => parseEnv(baseEnv, { NODE_ENV: "production" })).toThrow(/SERVICE_AUTH_SECRETS/);
    expect(() => parseEnv(baseEnv, { NODE_ENV: "production", SERVICE_AUTH_SECRETS: `portal:${A},portal:${DEV_SERVICE_AUTH_SECRET}` })).toThrow(/SERVICE_AUTH_SECRETS/);
    expect(parseEnv(baseEnv, { NODE_ENV: "production", SERVICE_AUTH_SECRETS: `portal:${A}` }).SERVICE_AUTH_SECRETS.get("portal")).toEqual([A]);
    expect(() => parseEnv(baseEnv, { SERVICE_AUTH_SECRETS: "portal:short" })).toThrow(/SERVICE_AUTH_SECRETS/);
  });
});

describe("clientAddress and isLoopback", () => {
  it.each([
    { caller: "portal", forwarded: "203.0.113.7", socket: "10.0.0.5", expect: "203.0.113.7" },
    { caller: "portal", forwarded: "2001:db8::1", socket: "10.0.0.5", expect: "2001:db8::1" },
    { caller: "portal", forwarded: null, socket: "10.0.0.5", expect: "10.0.0.5" },
    { caller: "portal", forwarded: "not-an-ip; drop table", socket: "10.0.0.5", expect: "10.0.0.5" },
    { caller: "portal", forwarded: "203.0.113.7, 10.0.0.1", socket: "10.0.0.5", expect: "10.0.0.5" },
    { caller: "hours", forwarded: "203.0.113.7", socket: "10.0.0.6", expect: "10.0.0.6" },
    { caller: null, forwarded: "127.0.0.1", socket: "198.51.100.9", expect: "198.51.100.9" },
  ])("$caller says $forwarded from $socket → $expect", ({ caller, forwarded, socket, expect: expected }) => {
    expect(clientAddress(caller, forwarded, socket)).toBe(expected);
  });

  it.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["10.0.0.1", false],
    ["::ffff:10.0.0.1", false],
    ["128.0.0.1", false],
    ["localhost", false],
    ["127.0.0.1.evil.example", false],
    ["", false],
    [null, false],
  ] as const)("isLoopback(%s) = %s", (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});

describe("the HTTP server", () => {
  let server: http.Server;
  let redis: Redis;
  let base: string;
  const appRouter = router({ whoami: publicProcedure.query(({ ctx }) => ({ clientIp: ctx.clientIp })) });

  beforeAll(async () => {
    redis = createRedis(TEST_REDIS_URL, "tserviceauth");
    server = await startHttpServer({ router: appRouter, port: 0, host: "127.0.0.1", redis, log: createLogger("test", "silent"), readiness: {}, serviceAuth: secrets });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    redis.disconnect();
  });

  const call = (headers: Record<string, string>) => fetch(`${base}/trpc/whoami`, { headers });

  it.each<{ case: string; headers: Record<string, string> }>([
    { case: "no service credential", headers: {} },
    { case: "a wrong secret", headers: { [SERVICE_AUTH_HEADER]: signServiceAuth("portal", "wrong-secret-wrong-secret") } },
    { case: "an expired credential", headers: { [SERVICE_AUTH_HEADER]: signServiceAuth("portal", A, Date.now() - 10 * 60_000) } },
    { case: "a session token only", headers: { authorization: "Bearer 0123456789abcdef0123456789abcdef" } },
  ])("answers 401 with no detail to $case", async ({ headers }) => {
    const res = await call(headers);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "unauthorized" });
  });

  it("keeps /healthz and /readyz open", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  const clientIp = async (caller: string, secret: string, forwarded: string) => {
    const res = await call({ [SERVICE_AUTH_HEADER]: signServiceAuth(caller, secret), "x-client-ip": forwarded });
    expect(res.status).toBe(200);
    return ((await res.json()) as { result: { data: { json: { clientIp: string } } } }).result.data.json.clientIp;
  };

  it("takes the browser's address from the portal only; a spoofed header from another caller changes nothing", async () => {
    expect(await clientIp("portal", A, "203.0.113.7")).toBe("203.0.113.7");
    expect(await clientIp("portal", B, "203.0.113.8")).toBe("203.0.113.8");
    for (const spoofed of ["203.0.113.9", "198.51.100.1", "10.1.2.3"]) {
      expect(await clientIp("hours", "hours-secret-cccccccccccc", spoofed)).toBe("127.0.0.1");
    }
  });
});
