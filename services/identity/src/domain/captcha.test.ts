import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CAPTCHA_ALPHABET,
  CAPTCHA_HEIGHT,
  CAPTCHA_LENGTH,
  CAPTCHA_WIDTH,
  captchaDigits,
  captchaLayout,
  captchaMatches,
  captchaSvg,
  glyphBox,
  MAX_ANGLE,
  normalizeCaptchaAnswer,
} from "./captcha.ts";

const seq = (...xs: number[]) => {
  let i = 0;
  return () => xs[i++ % xs.length] as number;
};

describe("captcha", () => {
  it("draws four digits from the unambiguous set (no 0, 1 or 7)", () => {
    expect(CAPTCHA_ALPHABET).toBe("2345689");
    expect(captchaDigits(seq(0, 0.15, 0.55, 0.99))).toBe("2359");
    for (let i = 0; i < 200; i++) expect(captchaDigits(Math.random)).toMatch(/^[2345689]{4}$/);
  });

  it.each(["0123", "7777", "12ab", "l234", "O234"])("refuses to draw %j", (answer) => {
    expect(() => captchaSvg(answer, Math.random)).toThrow(RangeError);
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

  // Edge draws (all 0s, all just below 1) and arbitrary ones: every glyph's rotated box, ink
  // included, stays inside the image, boxes never overlap, and rotation stays within ±15°.
  const sources: [string, () => number][] = [
    ["all zeros", () => 0],
    ["all highs", () => 0.999999],
    ["alternating", seq(0, 0.999999)],
    ["ramp", seq(0.1, 0.3, 0.5, 0.7, 0.9)],
  ];
  it.each(sources)("places glyphs apart and inside the image (%s)", (_name, rand) => {
    assertLayout(captchaLayout(CAPTCHA_LENGTH, rand));
  });

  it("places glyphs apart and inside the image for any random draws", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 40 }), (xs) => {
        assertLayout(captchaLayout(CAPTCHA_LENGTH, seq(...xs)));
      }),
    );
  });

  it("never renders the same digit twice the same way", () => {
    const rand = Math.random;
    expect(captchaSvg("8888", rand)).not.toBe(captchaSvg("8888", rand));
  });
});

function assertLayout(layout: ReturnType<typeof captchaLayout>) {
  expect(layout).toHaveLength(CAPTCHA_LENGTH);
  const boxes = layout.map(glyphBox);
  for (const [i, p] of layout.entries()) {
    expect(Math.abs(p.angle)).toBeLessThanOrEqual(MAX_ANGLE);
    const b = boxes[i] as ReturnType<typeof glyphBox>;
    expect(b.left).toBeGreaterThanOrEqual(0);
    expect(b.top).toBeGreaterThanOrEqual(0);
    expect(b.right).toBeLessThanOrEqual(CAPTCHA_WIDTH);
    expect(b.bottom).toBeLessThanOrEqual(CAPTCHA_HEIGHT);
    // Glyphs are a readable size: at least 20 units tall in a 40-unit image.
    expect(b.bottom - b.top).toBeGreaterThan(20);
    const next = boxes[i + 1];
    if (next) expect(b.right).toBeLessThanOrEqual(next.left);
  }
}
