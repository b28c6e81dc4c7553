import type { AddressInfo } from "node:net";
import express from "express";
import helmet from "helmet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieForTransport, helmetOptions } from "./headers.server.ts";

// The same wiring as server.ts: a nonce per response, HTTPS-only headers chosen per request.
let base = "";
let close: () => void;
beforeAll(async () => {
  const app = express();
  app.set("trust proxy", "loopback");
  const nonceOf = (res: unknown) => String((res as express.Response).locals.cspNonce);
  const overHttp = helmet(helmetOptions(nonceOf, false));
  const overHttps = helmet(helmetOptions(nonceOf, true));
  app.use((req, res, next) => {
    res.locals.cspNonce = "n0nce";
    (req.secure ? overHttps : overHttp)(req, res, next);
  });
  app.get("/", (_req, res) => res.send("ok"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close?.());

describe("helmetOptions", () => {
  it.each([
    ["plain HTTP (intranet)", {}, false],
    ["HTTPS at a trusted proxy", { "x-forwarded-proto": "https" }, true],
  ])("over %s", async (_what, headers, https) => {
    const res = await fetch(`${base}/`, { headers });
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self' 'nonce-n0nce'");
    expect(csp).toContain("style-src 'self' 'nonce-n0nce'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp.includes("upgrade-insecure-requests")).toBe(https);
    expect(res.headers.has("strict-transport-security")).toBe(https);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
  });
});

describe("cookieForTransport", () => {
  it.each([
    ["ce_session=abc; Path=/; HttpOnly; SameSite=Lax", true, "ce_session=abc; Path=/; HttpOnly; SameSite=Lax; Secure"],
    ["ce_session=abc; Path=/; HttpOnly; SameSite=Lax", false, "ce_session=abc; Path=/; HttpOnly; SameSite=Lax"],
    ["ce_session=abc; Path=/; HttpOnly; Secure; SameSite=Lax", false, "ce_session=abc; Path=/; HttpOnly; SameSite=Lax"],
    ["ce_session=abc; Path=/; secure", true, "ce_session=abc; Path=/; Secure"],
    [
      "ce_flash=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
      true,
      "ce_flash=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure",
    ],
    // A value may hold "secure" inside it (signed cookies are base64): only the attribute counts.
    ["ce_x=secure.c2VjdXJl; Path=/", false, "ce_x=secure.c2VjdXJl; Path=/"],
  ])("%s over %s HTTPS → %s", (cookie, https, expected) => {
    expect(cookieForTransport(cookie, https)).toBe(expected);
  });
});
