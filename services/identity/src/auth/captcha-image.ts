import sharp from "sharp";
import { type Box, CAPTCHA_BACKGROUND, captchaDrawing, type Rand } from "../domain/captcha.ts";

// Rendered at twice the displayed size so the warp has pixels to move.
const DENSITY = 144;
// Share of pixels speckled: enough to defeat exact matching, too few and too light to hide a stroke.
const SPECKLE = 0.02;

/**
 * The captcha as a PNG (bytes, 240 × 80 px): the drawing of domain/captcha.ts rasterised by
 * sharp, then every column shifted along a gentle random sine wave and every row along another
 * (at most a few pixels: a warp no fixed glyph template survives, yet strokes stay whole), then
 * lightly speckled with grey pixels. No markup reaches the
 * browser, so the answer is nowhere in the response. Raises only if sharp cannot render.
 */
export async function captchaPng(answer: string, rand: Rand): Promise<Buffer> {
  return (await captchaImage(answer, rand)).png;
}

/** captchaPng with the glyph boxes of the drawing (viewBox units: multiply by 2 for pixels). */
export async function captchaImage(answer: string, rand: Rand): Promise<{ png: Buffer; boxes: Box[] }> {
  const { svg, boxes } = captchaDrawing(answer, rand);
  const { data, info } = await sharp(Buffer.from(svg), { density: DENSITY })
    .flatten({ background: CAPTCHA_BACKGROUND })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const warped = warp(data, width, height, rand);
  speckle(warped, rand);
  return {
    png: await sharp(warped, { raw: { width, height, channels: 4 } })
      .png({ compressionLevel: 9 })
      .toBuffer(),
    boxes,
  };
}

/** Moves pixels along two random sine waves (vertical by column, horizontal by row). */
function warp(src: Buffer, width: number, height: number, rand: Rand): Buffer {
  const out = Buffer.alloc(src.length, 0xf5);
  const [ampY, periodY, phaseY] = [1 + rand() * 1.5, 60 + rand() * 60, rand() * Math.PI * 2];
  const [ampX, periodX, phaseX] = [0.5 + rand() * 1, 30 + rand() * 30, rand() * Math.PI * 2];
  for (let y = 0; y < height; y++) {
    const dx = Math.round(ampX * Math.sin((2 * Math.PI * y) / periodX + phaseX));
    for (let x = 0; x < width; x++) {
      const dy = Math.round(ampY * Math.sin((2 * Math.PI * x) / periodY + phaseY));
      const sx = Math.min(width - 1, Math.max(0, x + dx));
      const sy = Math.min(height - 1, Math.max(0, y + dy));
      src.copy(out, (y * width + x) * 4, (sy * width + sx) * 4, (sy * width + sx) * 4 + 4);
    }
  }
  return out;
}

/** Sets a share of the pixels to a random mid-to-light grey: cheap noise that defeats exact matching. */
function speckle(px: Buffer, rand: Rand): void {
  for (let i = 0; i < px.length; i += 4) {
    if (rand() >= SPECKLE) continue;
    const v = 140 + Math.floor(rand() * 100);
    px[i] = v;
    px[i + 1] = v;
    px[i + 2] = v;
  }
}

/** The PNG as the data: URL the portal's <img> shows (its CSP allows img-src data:). */
export const pngDataUrl = (png: Buffer): string => `data:image/png;base64,${png.toString("base64")}`;
