import { describe, expect, it } from "vitest";
import { loginPath, safeRedirect } from "./redirect.ts";

describe("safeRedirect", () => {
  it("keeps a path on this site with its query and fragment", () => {
    expect(safeRedirect("/accounts/subordinates?name=济南&page=2")).toBe("/accounts/subordinates?name=%E6%B5%8E%E5%8D%97&page=2");
    expect(safeRedirect("/stats/counts#top")).toBe("/stats/counts#top");
  });

  it.each([
    ["another origin", "https://evil.example/"],
    ["a protocol-relative URL", "//evil.example/path"],
    ["a backslash that browsers read as a slash", "/\\evil.example"],
    ["a tab hidden inside the slashes", "/\t/evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "accounts"],
    ["nothing", ""],
    ["not a string", null],
    ["the login page itself", "/login?redirectTo=/"],
    ["the logout action", "/logout"],
  ])("refuses %s and falls back", (_what, to) => {
    expect(safeRedirect(to)).toBe("/");
    expect(safeRedirect(to, "/home")).toBe("/home");
  });
});

describe("loginPath", () => {
  it("sends the person back to the page they asked for", () => {
    expect(loginPath("http://portal.test/accounts/subordinates?page=2")).toBe("/login?redirectTo=%2Faccounts%2Fsubordinates%3Fpage%3D2");
  });

  it("needs no redirectTo for the home page", () => {
    expect(loginPath("http://portal.test/")).toBe("/login");
  });
});
