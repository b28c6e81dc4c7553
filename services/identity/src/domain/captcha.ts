/**
 * The image captcha of the login, registration and password-reset forms: four digits drawn as
 * jittered, skewed, rotated strokes over noise. This drawing never leaves the service: its
 * paths would give the digits away to a script, so auth/captcha-image.ts rasterises it to a PNG
 * and warps and speckles the pixels. `rand` returns numbers in [0, 1); callers pass a
 * cryptographic source.
 */
export type Rand = () => number;

export const CAPTCHA_LENGTH = 4;
export const CAPTCHA_TTL_S = 120;
export const CAPTCHA_WIDTH = 120;
export const CAPTCHA_HEIGHT = 40;
const WIDTH = CAPTCHA_WIDTH;
const HEIGHT = CAPTCHA_HEIGHT;

// Each digit as strokes on a 10 × 16 grid (origin top left).
const GLYPHS: Record<string, string> = {
  "0": "M2 1 L8 1 L9 3 L9 13 L8 15 L2 15 L1 13 L1 3 Z M7 4 L3 12",
  "1": "M3 4 L6 1 L6 15 M3 15 L9 15",
  "2": "M1 4 Q1 1 5 1 Q9 1 9 5 Q9 8 1 15 L9 15",
  "3": "M1 2 Q5 0 8 2 Q10 6 5 8 Q10 9 9 13 Q6 17 1 14",
  "4": "M7 15 L7 1 L1 11 L9 11",
  "5": "M9 1 L2 1 L1 7 Q5 5 8 8 Q10 12 7 15 Q3 16 1 13",
  "6": "M8 2 Q4 0 2 5 Q0 12 3 15 Q8 16 9 11 Q9 7 5 7 Q2 7 1 10",
  "7": "M1 1 L9 1 L4 15",
  "8": "M5 8 Q1 6 2 3 Q4 0 8 2 Q10 6 5 8 Q0 10 2 14 Q5 16 8 14 Q10 10 5 8",
  "9": "M9 6 Q8 9 5 9 Q1 9 1 5 Q1 1 5 1 Q9 1 9 6 L8 12 Q6 16 2 14",
};

const INK = ["#1d4ed8", "#b91c1c", "#047857", "#7c2d12", "#6d28d9", "#0f766e", "#374151"];

export function captchaDigits(rand: Rand): string {
  let s = "";
  for (let i = 0; i < CAPTCHA_LENGTH; i++) s += String(Math.floor(rand() * 10));
  return s;
}

/** What a person typed, in the form it is compared: full-width digits folded, no spaces, lower case. */
export function normalizeCaptchaAnswer(input: string): string {
  return input.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

export function captchaMatches(expected: string | null, given: string): boolean {
  return expected !== null && normalizeCaptchaAnswer(expected) === normalizeCaptchaAnswer(given);
}

export function captchaSvg(answer: string, rand: Rand): string {
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const parts: string[] = [`<rect width="${WIDTH}" height="${HEIGHT}" fill="#f3f4f6"/>`];

  for (let i = 0; i < 30; i++) {
    parts.push(`<circle cx="${between(0, WIDTH).toFixed(1)}" cy="${between(0, HEIGHT).toFixed(1)}" r="${between(0.5, 1.6).toFixed(1)}" fill="${pick(INK)}" opacity="0.5"/>`);
  }
  [...answer].forEach((digit, i) => {
    const glyph = GLYPHS[digit];
    if (!glyph) throw new RangeError(`captcha answers are digits only: ${digit}`);
    // Nudging every coordinate keeps two renderings of one digit from being identical.
    const d = glyph.replace(/\d+(\.\d+)?/g, (n) => (Number(n) + between(-0.6, 0.6)).toFixed(1));
    const x = 10 + i * 27 + between(-4, 4);
    const y = between(2, 8);
    const [sx, sy] = [between(1.5, 2.1), between(1.6, 2.1)];
    const angle = between(-30, 30);
    const skew = between(-18, 18);
    parts.push(
      `<path d="${d}" transform="translate(${x.toFixed(1)} ${y.toFixed(1)}) scale(${sx.toFixed(2)} ${sy.toFixed(2)}) rotate(${angle.toFixed(0)} 5 8) skewX(${skew.toFixed(0)})" ` +
        `fill="none" stroke="${pick(INK)}" stroke-width="${between(1.0, 1.6).toFixed(2)}" stroke-linecap="round" stroke-linejoin="round"/>`,
    );
  });
  for (let i = 0; i < 7; i++) {
    const [x1, y1, cx, cy, x2, y2] = [between(0, 20), between(0, HEIGHT), between(30, 90), between(0, HEIGHT), between(100, WIDTH), between(0, HEIGHT)];
    parts.push(`<path d="M${x1.toFixed(1)} ${y1.toFixed(1)} Q${cx.toFixed(1)} ${cy.toFixed(1)} ${x2.toFixed(1)} ${y2.toFixed(1)}" fill="none" stroke="${pick(INK)}" stroke-width="1" opacity="0.6"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="验证码">${parts.join("")}</svg>`;
}
