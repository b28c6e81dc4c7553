// The kind under test: a BMP attachment is stored with the pixels it holds, or refused — never a
// wrong picture. BMPs are written here by hand (bmp-ts's own encoder shares its decoder's layout
// assumptions, so it could not catch a decoding fault): every bit depth, odd and even widths,
// bottom-up and top-down rows, and the run-length forms.
import { ATTACHMENT_TYPE_MESSAGE, DomainError } from "@ce/contracts";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { decodeAttachmentImage } from "../src/images.ts";

type Rgb = [number, number, number];
const PALETTE: Rgb[] = [
  [255, 0, 0],
  [0, 255, 0],
  [0, 0, 255],
  [255, 255, 255],
  [9, 9, 9],
  [200, 100, 48],
];

/** Palette index of the pixel at row `y` (0 = top), column `x`: a pattern where every row differs. */
const indexAt = (x: number, y: number, colours: number) => (x + 2 * y) % colours;

interface BmpSpec {
  depth: 1 | 4 | 8 | 16 | 24 | 32;
  width: number;
  height: number;
  topDown?: boolean;
  compression?: number;
  /** Replaces the pixel array (for the run-length forms). */
  pixels?: Buffer;
}

/** A BITMAPINFOHEADER BMP drawing indexAt's pattern in PALETTE colours (black/white at 1 bit). */
function writeBmp({ depth, width, height, topDown = false, compression = 0, pixels }: BmpSpec): Uint8Array {
  const colours = depth === 1 ? 2 : PALETTE.length;
  const palette =
    depth === 1
      ? ([
          [0, 0, 0],
          [255, 255, 255],
        ] as Rgb[])
      : PALETTE;
  const rowBytes = Math.ceil((width * depth) / 32) * 4;
  const body = pixels ?? Buffer.alloc(rowBytes * height);
  for (let row = 0; !pixels && row < height; row++) {
    const y = topDown ? row : height - 1 - row;
    for (let x = 0; x < width; x++) {
      const i = indexAt(x, y, colours);
      const [r, g, b] = palette[i]!;
      const o = row * rowBytes;
      if (depth === 24) body.set([b, g, r], o + x * 3);
      else if (depth === 32) body.set([b, g, r, 0], o + x * 4);
      else if (depth === 16) body.writeUInt16LE(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3), o + x * 2);
      else if (depth === 8) body[o + x] = i;
      else if (depth === 4) body[o + (x >> 1)]! |= x % 2 === 0 ? i << 4 : i;
      else body[o + (x >> 3)]! |= i << (7 - (x % 8));
    }
  }
  const table = depth <= 8 ? Buffer.alloc((1 << depth) * 4) : Buffer.alloc(0);
  for (const [i, [r, g, b]] of palette.entries()) {
    if (i * 4 < table.length) table.set([b, g, r, 0], i * 4);
  }
  const dib = Buffer.alloc(40);
  dib.writeUInt32LE(40, 0);
  dib.writeInt32LE(width, 4);
  dib.writeInt32LE(topDown ? -height : height, 8);
  dib.writeUInt16LE(1, 12);
  dib.writeUInt16LE(depth, 14);
  dib.writeUInt32LE(compression, 16);
  dib.writeUInt32LE(body.length, 20);
  dib.writeUInt32LE(depth <= 8 ? 1 << depth : 0, 32);
  const offset = 14 + 40 + table.length;
  const head = Buffer.alloc(14);
  head.write("BM", 0, "latin1");
  head.writeUInt32LE(offset + body.length, 2);
  head.writeUInt32LE(offset, 10);
  return new Uint8Array(Buffer.concat([head, dib, table, body]));
}

/** What a pixel must read back as: 16-bit BMPs hold 5 bits per channel. */
function expectedAt(depth: number, x: number, y: number): Rgb {
  const rgb =
    depth === 1
      ? (
          [
            [0, 0, 0],
            [255, 255, 255],
          ] as Rgb[]
        )[indexAt(x, y, 2)]!
      : PALETTE[indexAt(x, y, PALETTE.length)]!;
  return depth === 16 ? (rgb.map((c) => c & 0xf8) as Rgb) : rgb;
}

const depths = [1, 4, 8, 16, 24, 32] as const;
const shapes = [
  { width: 1, height: 1 },
  { width: 2, height: 3 },
  { width: 3, height: 2 },
  { width: 5, height: 4 },
  { width: 9, height: 3 },
  { width: 33, height: 2 },
];
const cases = depths.flatMap((depth) => shapes.flatMap((s) => [false, true].map((topDown) => ({ depth, ...s, topDown }))));

describe("a BMP is stored with exactly its pixels", () => {
  it.each(cases)("$depth-bit $width×$height, top-down $topDown", async (spec) => {
    const image = await decodeAttachmentImage(writeBmp(spec), "attachment", "扫描件.bmp");
    expect(image).toMatchObject({ type: "png", contentType: "image/png", width: spec.width, height: spec.height });
    const { data, info } = await sharp(image.bytes).raw().toBuffer({ resolveWithObject: true });
    const got: Rgb[] = [];
    const want: Rgb[] = [];
    for (let y = 0; y < spec.height; y++) {
      for (let x = 0; x < spec.width; x++) {
        const o = (y * spec.width + x) * info.channels;
        got.push([data[o]!, data[o + 1]!, data[o + 2]!]);
        want.push(expectedAt(spec.depth, x, y));
      }
    }
    expect(got).toEqual(want);
  });
});

describe("run-length BMPs, which bmp-ts decodes to wrong pixels, are refused", () => {
  // 3×2, rows bottom-up; each stream is valid per the BMP specification.
  it.each([
    { name: "RLE8, absolute runs", depth: 8 as const, compression: 1, pixels: [0, 3, 3, 4, 5, 0, 0, 0, 0, 3, 0, 1, 2, 0, 0, 1] },
    { name: "RLE8, encoded runs", depth: 8 as const, compression: 1, pixels: [1, 3, 1, 4, 1, 5, 0, 0, 1, 0, 1, 1, 1, 2, 0, 1] },
    { name: "RLE8, a delta past the image", depth: 8 as const, compression: 1, pixels: [0, 2, 200, 200, 0, 1] },
    { name: "RLE4", depth: 4 as const, compression: 2, pixels: [0, 3, 0x34, 0x50, 0, 0, 0, 3, 0x01, 0x20, 0, 1] },
  ])("$name", async ({ depth, compression, pixels }) => {
    const bytes = writeBmp({ depth, width: 3, height: 2, compression, pixels: Buffer.from(pixels) });
    const e = await decodeAttachmentImage(bytes, "attachment", "扫描件.bmp").then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ kind: "BAD_REQUEST", message: `文件“扫描件.bmp”：${ATTACHMENT_TYPE_MESSAGE}`, field: "attachment" });
  });
});
