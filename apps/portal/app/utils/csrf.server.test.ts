import { describe, expect, it } from "vitest";
import { CSRF_FIELD, checkOrigin, cookieValue, csrfFieldOf, isIssuedToken, needsCsrfCheck, newCsrfToken, verifyCsrfToken } from "./csrf.server.ts";

const OWN = "http://portal.test:3000";

describe("checkOrigin", () => {
  it.each([
    // what, method, Origin, Sec-Fetch-Site, passes
    ["a form POST from the portal's own page", "POST", OWN, "same-origin", true],
    ["a Remix single-fetch action (.data) from the portal", "POST", OWN, "same-origin", true],
    ["an old `?_data=` action call from the portal", "POST", OWN, undefined, true],
    ["a fetch with a JSON body from the portal", "PUT", OWN, "same-origin", true],
    ["a typed address or bookmark (Sec-Fetch-Site none)", "POST", undefined, "none", true],
    ["a browser without Fetch Metadata, same origin", "DELETE", OWN, undefined, true],
    ["Sec-Fetch-Site in capitals", "POST", OWN, "Same-Origin", true],
    ["curl or a service: neither header (the token still decides)", "POST", undefined, undefined, true],
    ["a GET from anywhere (nothing changes)", "GET", "https://evil.example", "cross-site", true],
    ["a HEAD from anywhere", "HEAD", "https://evil.example", "cross-site", true],
    ["an OPTIONS preflight", "OPTIONS", "https://evil.example", "cross-site", true],
    ["a cross-site form POST (issue 8, fault 6)", "POST", "https://evil.example", "cross-site", false],
    ["a sibling host of the same site", "POST", "http://other.portal.test:3000", "same-site", false],
    ["another origin, no Fetch Metadata", "POST", "https://evil.example", undefined, false],
    ["the same host on another port", "POST", "http://portal.test:3001", undefined, false],
    ["the same host over another scheme", "POST", "https://portal.test:3000", undefined, false],
    ["a sandboxed frame (Origin: null)", "POST", "null", undefined, false],
    ["an Origin that is not a URL", "PATCH", "not a url", undefined, false],
    ["same-origin Origin but cross-site metadata (metadata wins)", "POST", OWN, "cross-site", false],
    ["a lower-case method", "post", "https://evil.example", undefined, false],
  ] as const)("%s", (_what, method, origin, secFetchSite, passes) => {
    expect(checkOrigin({ method, ownOrigin: OWN, origin, secFetchSite }).ok).toBe(passes);
  });

  it("names what it refused", () => {
    expect(checkOrigin({ method: "POST", ownOrigin: OWN, origin: "https://evil.example" })).toEqual({ ok: false, reason: "Origin: https://evil.example" });
  });

  it("checks every method but GET, HEAD and OPTIONS", () => {
    expect(["POST", "PUT", "PATCH", "DELETE", "PROPFIND"].every(needsCsrfCheck)).toBe(true);
    expect(["GET", "head", "OPTIONS"].some(needsCsrfCheck)).toBe(false);
  });
});

describe("CSRF tokens", () => {
  const secret = "a-secret-of-at-least-16";
  const token = newCsrfToken(secret);

  it("issues signed tokens that verify against the same cookie", () => {
    expect(isIssuedToken(secret, token)).toBe(true);
    expect(verifyCsrfToken(secret, token, token)).toBe(true);
    expect(newCsrfToken(secret)).not.toBe(token);
  });

  it.each([
    ["no token presented", token, null],
    ["an empty token", token, ""],
    ["another browser's token", token, newCsrfToken(secret)],
    ["no cookie", null, token],
    ["a cookie and field the attacker made up alike", "abc.def", "abc.def"],
    ["a token signed with another secret", newCsrfToken("another-secret-16+"), "same"],
    ["a token with an extra part", `${token}.x`, `${token}.x`],
    ["a truncated token", token, token.slice(0, -1)],
  ])("refuses %s", (_what, cookie, presented) => {
    const presentedValue = presented === "same" ? cookie : presented;
    expect(verifyCsrfToken(secret, cookie, presentedValue)).toBe(false);
  });
});

describe("csrfFieldOf", () => {
  const token = newCsrfToken("a-secret-of-at-least-16");
  const enc = (s: string) => new TextEncoder().encode(s);
  const multipart = (parts: string) => enc(`--B\r\n${parts}--B--\r\n`);
  const MP = "multipart/form-data; boundary=B";

  it.each([
    ["an urlencoded form", "application/x-www-form-urlencoded", enc(`intent=create&${CSRF_FIELD}=${token}&name=%E5%BC%A0`), token],
    ["urlencoded with a charset", "application/x-www-form-urlencoded; charset=UTF-8", enc(`${CSRF_FIELD}=${token}`), token],
    [
      "a multipart form, token first",
      MP,
      multipart(`Content-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--B\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n`),
      token,
    ],
    [
      "a multipart form whose file part is malformed",
      MP,
      multipart(
        `Content-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--B\r\nContent-Disposition: form-data; name="f"; filename="a"b\r\n\r\n\u0000\u00ff\r\n`,
      ),
      token,
    ],
    [
      "a multipart part with a content type header",
      MP,
      multipart(`Content-Disposition: form-data; name="_csrf"\r\nContent-Type: text/plain\r\n\r\n${token}\r\n`),
      token,
    ],
    ["no token field", "application/x-www-form-urlencoded", enc("intent=create"), null],
    ["a JSON body", "application/json", enc(JSON.stringify({ [CSRF_FIELD]: token })), null],
    ["no content type", null, enc(`${CSRF_FIELD}=${token}`), null],
    ["a value that is not a token", "application/x-www-form-urlencoded", enc(`${CSRF_FIELD}=%3Cscript%3E`), null],
    ["a token named by another field", MP, multipart(`Content-Disposition: form-data; name="not_csrf"\r\n\r\n${token}\r\n`), null],
    ["an empty body", MP, new Uint8Array(), null],
  ])("reads %s", (_what, type, body, expected) => {
    expect(csrfFieldOf(type, body)).toBe(expected);
  });
});

describe("cookieValue", () => {
  it.each([
    ["a=1; ce_csrf=tok.en; b=2", "tok.en"],
    ["ce_csrf=x", "x"],
    ["xce_csrf=y", null],
    ["ce_csrf=", null],
    ["", null],
    [null, null],
  ])("%s → %s", (header, expected) => {
    expect(cookieValue(header, "ce_csrf")).toBe(expected);
  });
});
