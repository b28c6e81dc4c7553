import { describe, expect, it } from "vitest";
import { maskUrl } from "./redact.ts";

const TOKEN = "n-hT3f8wd-9FzritYJGFa23pAfEVZE-W-rXt3RSjHtI";

describe("maskUrl", () => {
  it.each([
    { url: `http://localhost:3000/reset-password?token=${TOKEN}`, expect: "http://localhost:3000/reset-password?token=n-hT…" },
    { url: `https://ce.example.org/reset-password?next=%2Fhome&token=${TOKEN}`, expect: "https://ce.example.org/reset-password?next=%2Fhom…&token=n-hT…" },
    { url: "https://ce.example.org/accounts/subordinates", expect: "https://ce.example.org/accounts/subordinates" },
    { url: "https://ce.example.org/login?x=", expect: "https://ce.example.org/login?x=…" },
    { url: `/reset-password?token=${TOKEN}`, expect: "[redacted]" },
    { url: "", expect: "[redacted]" },
    { url: null, expect: null },
  ])("$url → $expect", ({ url, expect: expected }) => {
    expect(maskUrl(url)).toBe(expected);
  });

  it("never lets more than four characters of any query value through", () => {
    for (const value of ["a", "abcd", "abcdefgh", "密码重置令牌很长很长", TOKEN]) {
      const out = maskUrl(`http://x.test/p?v=${encodeURIComponent(value)}`) ?? "";
      expect(decodeURIComponent(out.split("v=")[1] ?? "")).toBe(`${value.slice(0, 4)}…`);
    }
  });
});
