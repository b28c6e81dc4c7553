// The service credential and the client address: who may call /trpc, and whose word about the
// browser's address counts. Unit tables for the pure parts, then a real server.

import { TEST_REDIS_URL } from "@ce/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseEnv, parseEnv } from "../src/config.ts";
import { clientAddress } from "../src/http.ts";
import { createRedis, type Redis } from "../src/redis.ts";
import {
  DEV_SERVICE_AUTH_PRIVATE_KEY,
  DEV_SERVICE_AUTH_PUBLIC_KEY,
  generateServiceKeyPair,
  isLoopback,
  NonceCache,
  parseServicePublicKeys,
  SERVICE_AUTH_HEADER,
  SERVICE_AUTH_MAX_AGE_S,
  SERVICE_AUTH_MAX_SKEW_S,
  signServiceAuth,
  verifyServiceAuth,
} from "../src/service-auth.ts";
import { startTestHttpServer, type TestHttpServer } from "../src/testing.ts";
import { publicProcedure, router } from "../src/trpc.ts";

const NOW = Date.UTC(2026, 10, 30, 1, 0, 0);
const PORTAL_NEW = generateServiceKeyPair();
const PORTAL_OLD = generateServiceKeyPair();
const HOURS = generateServiceKeyPair();
const STRANGER = generateServiceKeyPair();
const keys = parseServicePublicKeys(`portal:${PORTAL_NEW.publicKey},portal:${PORTAL_OLD.publicKey},hours:${HOURS.publicKey}`);

const sign = (caller: string, privateKey: string, at = NOW, audience = "identity") => signServiceAuth({ caller, audience, privateKey }, at);
const check = (value: string | null, at = NOW, audience = "identity", keyList = keys) => verifyServiceAuth(value, { audience, keys: keyList }, at);

/** Another base64url character with the same top bits (the last of 86 carries only two). */
function sparesChanged(c: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  return alphabet[alphabet.indexOf(c) ^ 1] ?? "A";
}

describe("verifyServiceAuth", () => {
  const good = sign("portal", PORTAL_NEW.privateKey);
  const [v, caller, audience, seconds, nonce, sig = ""] = good.split(".");
  const otherNonce = `${nonce?.[0] === "A" ? "B" : "A"}${nonce?.slice(1)}`;
  it.each([
    { case: "the portal's current key", value: good, expect: "portal" },
    { case: "the portal's key being rotated out", value: sign("portal", PORTAL_OLD.privateKey), expect: "portal" },
    { case: "another caller with its own key", value: sign("hours", HOURS.privateKey), expect: "hours" },
    { case: "issued just inside the maximum age", value: sign("portal", PORTAL_NEW.privateKey, NOW - (SERVICE_AUTH_MAX_AGE_S - 1) * 1000), expect: "portal" },
    {
      case: "issued just inside the allowed skew ahead",
      value: sign("portal", PORTAL_NEW.privateKey, NOW + (SERVICE_AUTH_MAX_SKEW_S - 1) * 1000),
      expect: "portal",
    },
    { case: "expired", value: sign("portal", PORTAL_NEW.privateKey, NOW - (SERVICE_AUTH_MAX_AGE_S + 2) * 1000), expect: null },
    { case: "from the future", value: sign("portal", PORTAL_NEW.privateKey, NOW + (SERVICE_AUTH_MAX_SKEW_S + 2) * 1000), expect: null },
    { case: "another key (not listed)", value: sign("portal", STRANGER.privateKey), expect: null },
    { case: "the development key where it is not listed", value: sign("portal", DEV_SERVICE_AUTH_PRIVATE_KEY), expect: null },
    { case: "hours' key presented as the portal", value: sign("portal", HOURS.privateKey), expect: null },
    { case: "the portal's key presented as hours", value: sign("hours", PORTAL_NEW.privateKey), expect: null },
    { case: "an unknown caller", value: sign("reporting", PORTAL_NEW.privateKey), expect: null },
    { case: "a portal credential for hours replayed to identity", value: sign("portal", PORTAL_NEW.privateKey, NOW, "hours"), expect: null },
    { case: "the audience changed after signing", value: [v, caller, "hours", seconds, nonce, sig].join("."), expect: null },
    { case: "the caller changed after signing", value: [v, "hours", audience, seconds, nonce, sig].join("."), expect: null },
    { case: "the time changed after signing", value: [v, caller, audience, String(Number(seconds) + 1), nonce, sig].join("."), expect: null },
    { case: "the nonce changed after signing", value: [v, caller, audience, seconds, otherNonce, sig].join("."), expect: null },
    { case: "a truncated signature", value: good.slice(0, -3), expect: null },
    { case: "a truncated credential (no signature)", value: good.slice(0, good.lastIndexOf(".")), expect: null },
    { case: "the previous format (v1 HMAC)", value: `v1.portal.${seconds}.${"a".repeat(43)}`, expect: null },
    { case: "another version", value: ["v3", caller, audience, seconds, nonce, sig].join("."), expect: null },
    { case: "missing", value: null, expect: null },
    { case: "empty", value: "", expect: null },
    { case: "a bearer token instead", value: "Bearer abc", expect: null },
    { case: "extra parts", value: `${good}.x`, expect: null },
    { case: "very long", value: `${good}${"a".repeat(300)}`, expect: null },
    {
      case: "a character outside base64url inserted",
      value: [v, caller, audience, seconds, nonce, `${sig.slice(0, 10)}*${sig.slice(11)}`].join("."),
      expect: null,
    },
    { case: "padding appended", value: `${good}==`, expect: null },
    { case: "the last character's spare bits changed", value: good.slice(0, -1) + sparesChanged(good.at(-1) ?? "A"), expect: null },
    {
      case: "the signature in standard base64",
      value: [v, caller, audience, seconds, nonce, Buffer.from(sig, "base64url").toString("base64")].join("."),
      expect: null,
    },
    { case: "an all-zero signature", value: [v, caller, audience, seconds, nonce, "A".repeat(86)].join("."), expect: null },
  ])("$case → $expect", ({ value, expect: expected }) => {
    expect(check(value)).toBe(expected);
  });

  it("rotation: old and new keys accepted while both are listed; a removed key is refused", () => {
    const both = parseServicePublicKeys(`portal:${PORTAL_NEW.publicKey},portal:${PORTAL_OLD.publicKey}`);
    const newOnly = parseServicePublicKeys(`portal:${PORTAL_NEW.publicKey}`);
    expect(check(sign("portal", PORTAL_OLD.privateKey), NOW, "identity", both)).toBe("portal");
    expect(check(sign("portal", PORTAL_NEW.privateKey), NOW, "identity", both)).toBe("portal");
    expect(check(sign("portal", PORTAL_OLD.privateKey), NOW, "identity", newOnly)).toBeNull();
    expect(check(sign("portal", PORTAL_NEW.privateKey), NOW, "identity", newOnly)).toBe("portal");
  });

  it("a replayed credential is refused by the process that took it; each new one is taken", () => {
    const nonces = new NonceCache();
    const value = sign("portal", PORTAL_NEW.privateKey);
    expect(verifyServiceAuth(value, { audience: "identity", keys, nonces }, NOW)).toBe("portal");
    expect(verifyServiceAuth(value, { audience: "identity", keys, nonces }, NOW + 1000)).toBeNull();
    expect(verifyServiceAuth(sign("portal", PORTAL_NEW.privateKey), { audience: "identity", keys, nonces }, NOW)).toBe("portal");
  });

  it("a forged credential never takes a nonce; a full nonce cache refuses (fail closed) until entries expire", () => {
    const nonces = new NonceCache(2);
    expect(verifyServiceAuth(sign("portal", STRANGER.privateKey), { audience: "identity", keys, nonces }, NOW)).toBeNull();
    expect(verifyServiceAuth(sign("portal", PORTAL_NEW.privateKey), { audience: "identity", keys, nonces }, NOW)).toBe("portal");
    expect(verifyServiceAuth(sign("portal", PORTAL_NEW.privateKey), { audience: "identity", keys, nonces }, NOW)).toBe("portal");
    expect(verifyServiceAuth(sign("portal", PORTAL_NEW.privateKey), { audience: "identity", keys, nonces }, NOW)).toBeNull();
    const later = NOW + (SERVICE_AUTH_MAX_AGE_S + 2) * 1000;
    expect(verifyServiceAuth(sign("portal", PORTAL_NEW.privateKey, later), { audience: "identity", keys, nonces }, later)).toBe("portal");
  });

  it("refuses a caller or audience name that could break the format", () => {
    expect(() => signServiceAuth({ caller: "Portal.x", audience: "identity", privateKey: PORTAL_NEW.privateKey })).toThrow(/names/);
    expect(() => signServiceAuth({ caller: "portal", audience: "id.x", privateKey: PORTAL_NEW.privateKey })).toThrow(/names/);
    expect(() => signServiceAuth({ caller: "portal", audience: "identity", privateKey: PORTAL_NEW.publicKey })).toThrow(/private key/);
  });
});

describe("parseServicePublicKeys", () => {
  it.each([
    { text: `portal:${PORTAL_NEW.publicKey}`, ok: true },
    { text: ` portal:${PORTAL_NEW.publicKey} , portal:${PORTAL_OLD.publicKey} `, ok: true },
    { text: "portal:short", ok: false },
    { text: `portal:${PORTAL_NEW.privateKey}`, ok: false },
    { text: `:${PORTAL_NEW.publicKey}`, ok: false },
    { text: PORTAL_NEW.publicKey, ok: false },
    { text: `Portal:${PORTAL_NEW.publicKey}`, ok: false },
    { text: "portal:0123456789abcdef0123456789abcdef", ok: false },
    { text: ",", ok: false },
  ])("$text → ok: $ok", ({ text, ok }) => {
    if (ok) expect(parseServicePublicKeys(text).get("portal")?.length).toBeGreaterThan(0);
    else expect(() => parseServicePublicKeys(text)).toThrow();
  });

  it("is read from SERVICE_AUTH_PUBLIC_KEYS; the development key is refused in production", () => {
    expect(parseEnv(baseEnv, {}).SERVICE_AUTH_PUBLIC_KEYS.get("portal")?.length).toBe(1);
    expect(check(sign("portal", DEV_SERVICE_AUTH_PRIVATE_KEY), NOW, "identity", parseEnv(baseEnv, {}).SERVICE_AUTH_PUBLIC_KEYS)).toBe("portal");
    expect(() => parseEnv(baseEnv, { NODE_ENV: "production" })).toThrow(/SERVICE_AUTH_PUBLIC_KEYS/);
    expect(() =>
      parseEnv(baseEnv, { NODE_ENV: "production", SERVICE_AUTH_PUBLIC_KEYS: `portal:${PORTAL_NEW.publicKey},portal:${DEV_SERVICE_AUTH_PUBLIC_KEY}` }),
    ).toThrow(/SERVICE_AUTH_PUBLIC_KEYS/);
    expect(
      parseEnv(baseEnv, { NODE_ENV: "production", SERVICE_AUTH_PUBLIC_KEYS: `portal:${PORTAL_NEW.publicKey}` }).SERVICE_AUTH_PUBLIC_KEYS.get("portal")?.length,
    ).toBe(1);
    expect(() => parseEnv(baseEnv, { SERVICE_AUTH_PUBLIC_KEYS: "portal:short" })).toThrow(/SERVICE_AUTH_PUBLIC_KEYS/);
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
  let service: TestHttpServer;
  let redis: Redis;
  let base: string;
  const appRouter = router({ whoami: publicProcedure.query(({ ctx }) => ({ clientIp: ctx.clientIp })) });

  beforeAll(async () => {
    redis = createRedis(TEST_REDIS_URL, "tserviceauth");
    service = await startTestHttpServer(appRouter, redis, { audience: "identity", serviceAuth: keys });
    base = service.base;
  });
  afterAll(() => service.close());

  const call = (headers: Record<string, string>) => fetch(`${base}/trpc/whoami`, { headers });
  const replayed = sign("portal", PORTAL_NEW.privateKey, Date.now());

  it.each<{ case: string; headers: () => Record<string, string> }>([
    { case: "no service credential", headers: () => ({}) },
    { case: "hours' key presented as the portal", headers: () => ({ [SERVICE_AUTH_HEADER]: sign("portal", HOURS.privateKey, Date.now()) }) },
    { case: "a portal credential for hours", headers: () => ({ [SERVICE_AUTH_HEADER]: sign("portal", PORTAL_NEW.privateKey, Date.now(), "hours") }) },
    { case: "an expired credential", headers: () => ({ [SERVICE_AUTH_HEADER]: sign("portal", PORTAL_NEW.privateKey, Date.now() - 10 * 60_000) }) },
    { case: "a credential replayed", headers: () => ({ [SERVICE_AUTH_HEADER]: replayed }) },
    { case: "a session token only", headers: () => ({ authorization: "Bearer 0123456789abcdef0123456789abcdef" }) },
  ])("answers 401 with no detail to $case", async ({ headers }) => {
    expect((await call({ [SERVICE_AUTH_HEADER]: replayed })).status).not.toBe(500);
    const res = await call(headers());
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "unauthorized" });
  });

  it("keeps /healthz (naming the service) and /readyz open", async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", service: "identity" });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  const clientIp = async (caller: string, privateKey: string, forwarded: string) => {
    const res = await call({ [SERVICE_AUTH_HEADER]: sign(caller, privateKey, Date.now()), "x-client-ip": forwarded });
    expect(res.status).toBe(200);
    return ((await res.json()) as { result: { data: { json: { clientIp: string } } } }).result.data.json.clientIp;
  };

  it("takes the browser's address from the portal only; a spoofed header from another caller changes nothing", async () => {
    expect(await clientIp("portal", PORTAL_NEW.privateKey, "203.0.113.7")).toBe("203.0.113.7");
    expect(await clientIp("portal", PORTAL_OLD.privateKey, "203.0.113.8")).toBe("203.0.113.8");
    for (const spoofed of ["203.0.113.9", "198.51.100.1", "10.1.2.3"]) {
      expect(await clientIp("hours", HOURS.privateKey, spoofed)).toBe("127.0.0.1");
    }
  });
});
