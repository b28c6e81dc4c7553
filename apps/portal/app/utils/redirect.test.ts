import { describe, expect, it } from "vitest";
import { loginNotices, loginPath, loginReasonOf, safeRedirect } from "./redirect.ts";

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

describe("loginPath's reason and the login page's notice", () => {
  it.each([
    ["http://portal.test/accounts/departments", "expired", "/login?redirectTo=%2Faccounts%2Fdepartments&reason=expired"],
    ["http://portal.test/accounts/departments?index", "unsaved", "/login?redirectTo=%2Faccounts%2Fdepartments%3Findex&reason=unsaved"],
    ["http://portal.test/", "expired", "/login?reason=expired"],
    ["http://portal.test/login", "unsaved", "/login?reason=unsaved"],
    ["http://portal.test/hours", undefined, "/login?redirectTo=%2Fhours"],
  ] as const)("%s (%s) → %s", (url, reason, path) => {
    expect(loginPath(url, reason)).toBe(path);
  });

  it.each([
    ["expired", "expired"],
    ["unsaved", "unsaved"],
    [null, null],
    ["", null],
    ["EXPIRED", null],
    ["<script>", null],
    ["expired ", null],
  ])("reads reason %j as %j (anything else says nothing)", (value, reason) => {
    expect(loginReasonOf(value)).toBe(reason);
  });

  it("says in Chinese that the session ended, and for a sent form that it was not saved", () => {
    expect(loginNotices.expired).toMatch(/登录已超时/);
    expect(loginNotices.unsaved).toMatch(/没有保存/);
  });
});
