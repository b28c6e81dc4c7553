import { describe, expect, it } from "vitest";
import { maskIpAddress, maskUrl } from "./redact.ts";

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

describe("maskIpAddress (接口令牌管理 › 调用记录's 来源地址)", () => {
  it.each([
    ["203.0.113.5", "203.0.113.*"],
    ["10.0.0.255", "10.0.0.*"],
    ["::ffff:203.0.113.5", "203.0.113.*"],
    ["::FFFF:198.51.100.7", "198.51.100.*"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1::*"],
    ["2001:0db8:0001::1", "2001:db8:1::*"],
    ["2001:db8::1", "2001:db8:0::*"],
    ["::1", "0:0:0::*"],
    ["fe80::1%eth0", "[已隐藏]"],
    ["256.1.1.1", "[已隐藏]"],
    ["1.2.3", "[已隐藏]"],
    ["1::2::3", "[已隐藏]"],
    ["not an address", "[已隐藏]"],
    ["", null],
    [null, null],
  ])("%s → %s", (address, masked) => {
    expect(maskIpAddress(address)).toBe(masked);
  });
});
