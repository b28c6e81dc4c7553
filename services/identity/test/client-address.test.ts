// The address identity's rate limits count against: the browser's, as the portal vouches for it
// with its service credential; any other caller's x-client-ip is ignored (the socket's address
// counts), and a call without a credential never reaches a procedure.
import { generateServiceKeyPair } from "@ce/service-kit/service-auth";
import { cleanupPrefix, errorCode, serviceClient, type TestServiceAuth } from "@ce/service-kit/testing";
import { dropTestDatabase, testTag } from "@ce/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IdentityApp } from "../src/app.ts";
import type { IdentityRouter } from "../src/routers/index.ts";
import { startTestIdentity } from "./support/boot.ts";

const portalKeys = generateServiceKeyPair();
const hoursKeys = generateServiceKeyPair();
const PORTAL = { caller: "portal", privateKey: portalKeys.privateKey };
const HOURS = { caller: "hours", privateKey: hoursKeys.privateKey };
const tag = testTag("clientaddr");
let databaseUrl: string;
let app: IdentityApp;

beforeAll(async () => {
  ({ app, databaseUrl } = await startTestIdentity(tag, { SERVICE_AUTH_PUBLIC_KEYS: `portal:${portalKeys.publicKey},hours:${hoursKeys.publicKey}` }));
});
afterAll(async () => {
  await app.stop();
  await cleanupPrefix(app.infra.naming);
  await dropTestDatabase(databaseUrl);
});

const captchaCount = async (ip: string) => Number((await app.infra.redis.get(`captcha-rate:${ip}`)) ?? 0);
const client = (ip: string, auth: TestServiceAuth | null) => serviceClient<IdentityRouter>(app.url, undefined, ip, auth);

describe("the address behind a rate limit", () => {
  it("is the browser's address on the portal's calls", async () => {
    await client("198.51.100.20", PORTAL).auth.captcha.query();
    await client("198.51.100.20", PORTAL).auth.captcha.query();
    expect(await captchaCount("198.51.100.20")).toBe(2);
  });

  it.each(["203.0.113.1", "203.0.113.2", "10.9.8.7", "198.51.100.20"])(
    "ignores x-client-ip %s from a caller that is not the portal: the socket's address counts",
    async (spoofed) => {
      const before = await captchaCount("127.0.0.1");
      const spoofedBefore = await captchaCount(spoofed);
      await client(spoofed, HOURS).auth.captcha.query();
      expect(await captchaCount("127.0.0.1")).toBe(before + 1);
      expect(await captchaCount(spoofed)).toBe(spoofedBefore);
    },
  );

  it.each([
    { who: "no credential", auth: null },
    { who: "a key the service does not list", auth: { caller: "portal", privateKey: generateServiceKeyPair().privateKey } },
    { who: "hours' key presented as the portal", auth: { caller: "portal", privateKey: hoursKeys.privateKey } },
    { who: "the portal's key, signed for hours", auth: { ...PORTAL, audience: "hours" } },
  ])("is never counted for a call with $who: it is refused first", async ({ auth }) => {
    const before = await captchaCount("192.0.2.99");
    // A 401 with no detail: the client sees no tRPC error code at all.
    expect(await errorCode(client("192.0.2.99", auth).auth.captcha.query())).toBe("UNKNOWN");
    expect(await captchaCount("192.0.2.99")).toBe(before);
  });
});
