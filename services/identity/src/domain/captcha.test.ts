import { describe, expect, it } from "vitest";
import { captchaDigits, captchaMatches, captchaSvg, normalizeCaptchaAnswer } from "./captcha.ts";

const seq = (...xs: number[]) => {
  let i = 0;
  return () => xs[i++ % xs.length] as number;
};

describe("captcha", () => {
  it("draws four digits", () => {
    expect(captchaDigits(seq(0, 0.15, 0.55, 0.99))).toBe("0159");
  });

  it("accepts answers typed with spaces, full-width digits or another case", () => {
    expect(normalizeCaptchaAnswer(" 34 99 ")).toBe("3499");
    expect(normalizeCaptchaAnswer("３４９９")).toBe("3499");
    expect(captchaMatches("3499", "３4 9９")).toBe(true);
    expect(captchaMatches("ab12", "AB12")).toBe(true);
  });

  it("refuses a wrong answer and a missing (expired or used) challenge", () => {
    expect(captchaMatches("3499", "3498")).toBe(false);
    expect(captchaMatches(null, "3499")).toBe(false);
    expect(captchaMatches("3499", "")).toBe(false);
  });

  it("renders an SVG that does not contain the answer as text", () => {
    const svg = captchaSvg("3499", seq(0.1, 0.7, 0.3, 0.9, 0.5));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toContain("<text");
    expect(svg).not.toContain("3499");
    expect(svg.match(/stroke-linecap="round"/g)).toHaveLength(4);
  });

  it("never renders the same digit twice the same way", () => {
    const rand = Math.random;
    expect(captchaSvg("7777", rand)).not.toBe(captchaSvg("7777", rand));
  });
});
