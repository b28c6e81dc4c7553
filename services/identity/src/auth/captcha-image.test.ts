import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { CAPTCHA_WIDTH, captchaDigits } from "../domain/captcha.ts";
import { captchaImage, captchaPng, pngDataUrl } from "./captcha-image.ts";

const DARK = 100; // grey level below which a pixel is ink (the background is 245, speckle ≥ 140)

describe("captcha image", () => {
  it.each(["2345", "6898", "9999", "2222"])("renders %s as a 240 × 80 PNG that does not carry the answer", async (answer) => {
    const png = await captchaPng(answer, Math.random);
    expect(await sharp(png).metadata()).toMatchObject({ format: "png", width: 240, height: 80 });
    expect(pngDataUrl(png).startsWith("data:image/png;base64,")).toBe(true);
    expect(png.toString("latin1")).not.toContain(answer);
  });

  it("draws every glyph as dark ink inside its own box, boxes apart, and next to no dark pixels elsewhere", async () => {
    for (let run = 0; run < 12; run++) {
      const { png, boxes } = await captchaImage(captchaDigits(Math.random), Math.random);
      expect(boxes).toHaveLength(4);
      for (let i = 1; i < boxes.length; i++) expect((boxes[i - 1]?.right ?? 0) <= (boxes[i]?.left ?? 0)).toBe(true);
      const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
      const scale = info.width / CAPTCHA_WIDTH;
      // A glyph box in pixels, widened by the warp's largest shift (2.5 px).
      const owner = (x: number, y: number) =>
        boxes.findIndex((b) => x >= b.left * scale - 3 && x <= b.right * scale + 3 && y >= b.top * scale - 3 && y <= b.bottom * scale + 3);
      const inkPerBox = boxes.map(() => 0);
      let stray = 0;
      for (let y = 0; y < info.height; y++) {
        for (let x = 0; x < info.width; x++) {
          if ((data[y * info.width + x] as number) >= DARK) continue;
          const i = owner(x, y);
          if (i < 0) stray++;
          else inkPerBox[i] = (inkPerBox[i] ?? 0) + 1;
        }
      }
      for (const ink of inkPerBox) expect(ink).toBeGreaterThan(150);
      // Only noise curves and dots may fall outside the boxes, and they are faint.
      expect(stray).toBeLessThan(40);
    }
  });
});
