/**
 * The image captcha of the login, registration and password-reset forms: four digits from an
 * unambiguous set drawn as slightly jittered, rotated (±15°) dark strokes, side by side without
 * overlap, over light noise. This drawing never leaves the service: its
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

// Dark inks only: each has a contrast ratio of at least 7:1 against the light background.
const INK = ["#1e3a8a", "#7f1d1d", "#14532d", "#3b0764", "#134e4a", "#1f2937"];
export const CAPTCHA_BACKGROUND = "#f5f5f4";

/**
 * The digits a captcha is drawn from. 0, 1 and 7 are left out: 0 reads as O, and 1 and 7 as
 * each other or as l once slanted. Seven digits over four places still give 2,401 answers, which
 * a challenge that is single use, expires (auth/captcha.ts) and is rate limited per address
 * (use-cases/auth/captcha.ts) keeps safe.
 */
export const CAPTCHA_ALPHABET = "2345689";

export function captchaDigits(rand: Rand): string {
  let s = "";
  for (let i = 0; i < CAPTCHA_LENGTH; i++) s += CAPTCHA_ALPHABET[Math.floor(rand() * CAPTCHA_ALPHABET.length)];
  return s;
}

/** What a person typed, in the form it is compared: full-width digits folded, no spaces, lower case. */
export function normalizeCaptchaAnswer(input: string): string {
  return input.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

export function captchaMatches(expected: string | null, given: string): boolean {
  return expected !== null && normalizeCaptchaAnswer(expected) === normalizeCaptchaAnswer(given);
}

/** Where one glyph is drawn: its centre, scale, rotation (degrees) and ink width, in viewBox units. */
export interface GlyphPlacement {
  cx: number;
  cy: number;
  sx: number;
  sy: number;
  angle: number;
  stroke: number;
}

/** A glyph's axis-aligned box (viewBox units), rotation and ink included. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Largest rotation either way, in degrees: more made 6/9 and 2/5 hard for people to read. */
export const MAX_ANGLE = 15;
const GRID_W = 10;
const GRID_H = 16;
// Each coordinate of a glyph moves by up to this much (grid units), so no two drawings are identical.
const NUDGE = 0.4;
const SLOT = (WIDTH - 8) / CAPTCHA_LENGTH;

/** The box a placement covers once rotated, with the ink's half width and the nudge around it. */
export function glyphBox(p: GlyphPlacement): Box {
  const w = (GRID_W + 2 * NUDGE) * p.sx + p.stroke;
  const h = (GRID_H + 2 * NUDGE) * p.sy + p.stroke;
  const rad = (Math.abs(p.angle) * Math.PI) / 180;
  const halfW = (w * Math.cos(rad) + h * Math.sin(rad)) / 2;
  const halfH = (w * Math.sin(rad) + h * Math.cos(rad)) / 2;
  return { left: p.cx - halfW, top: p.cy - halfH, right: p.cx + halfW, bottom: p.cy + halfH };
}

/** Margin (viewBox units) a glyph keeps inside its slot: float rounding never lets two boxes touch. */
const EDGE = 0.01;

/**
 * Places the glyphs of a captcha: one per slot of the width, rotated at most ±MAX_ANGLE,
 * scaled and moved at random only as far as the glyph's rotated box stays inside its slot and
 * the image — so glyphs never overlap and are never cut off.
 */
export function captchaLayout(length: number, rand: Rand): GlyphPlacement[] {
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  return Array.from({ length }, (_, i) => {
    const angle = between(-MAX_ANGLE, MAX_ANGLE);
    const sx = between(1.4, 1.6);
    const sy = between(1.45, 1.65);
    const stroke = between(2.4, 2.9);
    const box = glyphBox({ cx: 0, cy: 0, sx, sy, angle, stroke });
    const slotLeft = 4 + i * SLOT;
    const freeX = Math.max(0, SLOT - (box.right - box.left) - EDGE);
    const freeY = Math.max(0, HEIGHT - 2 - (box.bottom - box.top) - EDGE);
    return { cx: slotLeft + box.right + between(0, freeX), cy: 1 + box.bottom + between(0, freeY), sx, sy, angle, stroke };
  });
}

/**
 * The captcha drawing (SVG text, 120 × 40 viewBox) of `answer`, whose characters must be in
 * CAPTCHA_ALPHABET (RangeError otherwise): each digit as dark strokes placed by captchaLayout,
 * over a few light dots and two thin light curves — enough to differ every time, little enough
 * that a person reads all four. The answer never appears as text.
 */
export function captchaSvg(answer: string, rand: Rand): string {
  return captchaDrawing(answer, rand).svg;
}

/** captchaSvg together with the box (viewBox units) of each glyph it drew, for checks of the image. */
export function captchaDrawing(answer: string, rand: Rand): { svg: string; boxes: Box[] } {
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const parts: string[] = [`<rect width="${WIDTH}" height="${HEIGHT}" fill="${CAPTCHA_BACKGROUND}"/>`];

  for (let i = 0; i < 18; i++) {
    parts.push(
      `<circle cx="${between(0, WIDTH).toFixed(1)}" cy="${between(0, HEIGHT).toFixed(1)}" r="${between(0.4, 0.9).toFixed(1)}" fill="${pick(INK)}" opacity="0.25"/>`,
    );
  }
  for (let i = 0; i < 2; i++) {
    const [x1, y1, cx, cy, x2, y2] = [between(0, 20), between(5, HEIGHT - 5), between(30, 90), between(0, HEIGHT), between(100, WIDTH), between(5, HEIGHT - 5)];
    parts.push(
      `<path d="M${x1.toFixed(1)} ${y1.toFixed(1)} Q${cx.toFixed(1)} ${cy.toFixed(1)} ${x2.toFixed(1)} ${y2.toFixed(1)}" fill="none" stroke="${pick(INK)}" stroke-width="0.7" opacity="0.35"/>`,
    );
  }
  const layout = captchaLayout(answer.length, rand);
  [...answer].forEach((digit, i) => {
    const glyph = GLYPHS[digit];
    const p = layout[i];
    if (!glyph || !CAPTCHA_ALPHABET.includes(digit) || !p) throw new RangeError(`captcha answers use ${CAPTCHA_ALPHABET} only: ${digit}`);
    const d = glyph.replace(/\d+(\.\d+)?/g, (n) => (Number(n) + between(-NUDGE, NUDGE)).toFixed(1));
    // Stroke width is given in grid units, so that after scaling it is p.stroke wide in the image.
    const width = p.stroke / ((p.sx + p.sy) / 2);
    parts.push(
      `<path d="${d}" transform="translate(${p.cx.toFixed(1)} ${p.cy.toFixed(1)}) rotate(${p.angle.toFixed(1)}) scale(${p.sx.toFixed(2)} ${p.sy.toFixed(2)}) translate(${-GRID_W / 2} ${-GRID_H / 2})" ` +
        `fill="none" stroke="${pick(INK)}" stroke-width="${width.toFixed(2)}" stroke-linecap="round" stroke-linejoin="round"/>`,
    );
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="验证码">${parts.join("")}</svg>`;
  return { svg, boxes: layout.map(glyphBox) };
}
