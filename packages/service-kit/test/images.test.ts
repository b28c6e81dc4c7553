// The kind under test: an attachment is an image only if it decodes, and what is stored is the
// re-encoded image. Inputs are made here (sharp and bmp-ts) or written by hand, never fixtures.
import { crc32 } from "node:zlib";
import {
  ATTACHMENT_DIMENSIONS_MESSAGE,
  ATTACHMENT_EMPTY_MESSAGE,
  ATTACHMENT_SIZE_MESSAGE,
  ATTACHMENT_TYPE_MESSAGE,
  DomainError,
  MAX_ATTACHMENT_BYTES,
} from "@ce/contracts";
import { encode as encodeBmp } from "bmp-ts";
import fc from "fast-check";
import sharp, { type Sharp } from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeAttachmentImage, storedAttachmentName } from "../src/images.ts";

const solid = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: { r: 200, g: 30, b: 60, alpha: 0.5 } } });
const buf = async (p: Sharp) => new Uint8Array(await p.toBuffer());
const concat = (...parts: Array<Uint8Array | string>) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p)))));
const has = (hay: Uint8Array, needle: string) => Buffer.from(hay).includes(Buffer.from(needle, "latin1"));

/** A BMP from ABGR pixels (bmp-ts's layout): left half red, right half blue. */
function bmp(width: number, height: number, bitPP: 1 | 24 | 32 = 24): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const red = i % width < width / 2;
    data.set([0, red ? 0 : 255, 0, red ? 255 : 0], i * 4);
  }
  return new Uint8Array(encodeBmp({ data, width, height, bitPP }).data);
}

/** `file` (a BMP) with `gap` bytes between its header and its pixels, and the pixel offset moved to match. */
function bmpWithGap(file: Uint8Array, gap: number): Uint8Array {
  const b = Buffer.from(file);
  const offset = b.readUInt32LE(10);
  const out = Buffer.concat([b.subarray(0, offset), Buffer.alloc(gap, 0x77), b.subarray(offset)]);
  out.writeUInt32LE(offset + gap, 10);
  return new Uint8Array(out);
}

/** `png` with its IHDR width/height replaced (CRC fixed), pixels unchanged: a header bomb. */
function pngClaiming(png: Uint8Array, width: number, height: number): Uint8Array {
  const b = Buffer.from(png);
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b.writeUInt32BE(crc32(b.subarray(12, 29)), 29);
  return new Uint8Array(b);
}

/** A JPEG with a COM segment (FF FE) right after SOI holding `comment`: a JPEG/HTML polyglot. */
function jpegWithComment(jpeg: Uint8Array, comment: string): Uint8Array {
  const text = Buffer.from(comment, "latin1");
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xfffe, 0);
  seg.writeUInt16BE(text.length + 2, 2);
  return concat(jpeg.subarray(0, 2), seg, text, jpeg.subarray(2));
}

/** A BMP header (BITMAPINFOHEADER, 24-bit) claiming width×height, followed by no pixels. */
function bmpClaiming(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(54);
  b.write("BM", 0, "latin1");
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(height, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  return new Uint8Array(b);
}

const inputs: Record<string, Uint8Array> = {};
beforeAll(async () => {
  inputs.png = await buf(solid(5, 3).png());
  inputs.pngAlpha = await buf(solid(2, 2, 4).png());
  inputs.jpeg = await buf(solid(6, 4).jpeg());
  inputs.gif = await buf(solid(3, 3).gif());
  inputs.animatedGif = await buf(sharp([await solid(4, 4).png().toBuffer(), await solid(4, 4).negate().png().toBuffer()], { join: { animated: true } }).gif());
  inputs.jpegGps = await buf(
    solid(8, 8)
      .jpeg()
      .withExif({
        IFD0: { Copyright: "SECRET-OWNER", Make: "SECRET-MAKE" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "36/1 40/1 12/1", GPSLongitudeRef: "E", GPSLongitude: "117/1 0/1 0/1" },
      }),
  );
  inputs.jpegRotated = await buf(solid(6, 4).jpeg().withMetadata({ orientation: 6 }));
  inputs.webp = await buf(solid(4, 4).webp());
  inputs.avif = await buf(solid(4, 4).avif());
  inputs.tiff = await buf(solid(4, 4).tiff());
});

type Row = { name: string; input: () => Uint8Array; stored?: { type: string; width: number; height: number; absent?: string[] }; refused?: string };

// Each row: an upload and what must come of it — stored as (type, size, strings that must be gone), or refused with.
const table: Row[] = [
  { name: "a tiny PNG", input: () => inputs.png!, stored: { type: "png", width: 5, height: 3 } },
  { name: "a PNG with transparency", input: () => inputs.pngAlpha!, stored: { type: "png", width: 2, height: 2 } },
  { name: "a tiny JPEG", input: () => inputs.jpeg!, stored: { type: "jpg", width: 6, height: 4 } },
  { name: "a tiny GIF", input: () => inputs.gif!, stored: { type: "gif", width: 3, height: 3 } },
  { name: "an animated GIF (first frame kept)", input: () => inputs.animatedGif!, stored: { type: "gif", width: 4, height: 4 } },
  { name: "a 24-bit BMP (stored as PNG)", input: () => bmp(7, 5), stored: { type: "png", width: 7, height: 5 } },
  { name: "a 32-bit BMP (stored as PNG)", input: () => bmp(4, 3, 32), stored: { type: "png", width: 4, height: 3 } },
  { name: "a 1-bit BMP (stored as PNG)", input: () => bmp(9, 3, 1), stored: { type: "png", width: 9, height: 3 } },
  { name: "a JPEG turned by EXIF Orientation (turned, tag gone)", input: () => inputs.jpegRotated!, stored: { type: "jpg", width: 4, height: 6 } },
  {
    name: "a JPEG with EXIF GPS and owner (stripped)",
    input: () => inputs.jpegGps!,
    stored: { type: "jpg", width: 8, height: 8, absent: ["Exif", "SECRET-OWNER", "SECRET-MAKE"] },
  },
  {
    name: "a PNG with a ZIP appended",
    input: () => concat(inputs.png!, "PK\x03\x04\x14\x00\x00\x00payload.js"),
    stored: { type: "png", width: 5, height: 3, absent: ["PK\x03\x04", "payload.js"] },
  },
  {
    name: "a PNG with a script appended",
    input: () => concat(inputs.png!, "<script>alert(document.cookie)</script>"),
    stored: { type: "png", width: 5, height: 3, absent: ["<script>"] },
  },
  {
    name: "a JPEG/HTML polyglot (HTML in a comment)",
    input: () => jpegWithComment(inputs.jpeg!, "<html><script>alert(1)</script>"),
    stored: { type: "jpg", width: 6, height: 4, absent: ["<script>"] },
  },
  {
    name: "a BMP with bytes appended",
    input: () => concat(bmp(3, 2), "MZ\x90\x00 this program"),
    stored: { type: "png", width: 3, height: 2, absent: ["MZ\x90"] },
  },
  { name: "the 98-byte text “BMW 车辆说明…”", input: () => concat("BMW 车辆说明：".padEnd(40, "。"), "").subarray(0, 98), refused: ATTACHMENT_TYPE_MESSAGE },
  {
    name: "text starting with BM and a plausible header size",
    input: () => concat("BM", Buffer.alloc(12), Buffer.from([40, 0, 0, 0]), "BMW 车辆说明书 第一章 安全驾驶须知…………"),
    refused: ATTACHMENT_TYPE_MESSAGE,
  },
  { name: "a BMP cut short", input: () => bmp(40, 40).subarray(0, 600), refused: ATTACHMENT_TYPE_MESSAGE },
  { name: "a PNG cut short", input: () => inputs.png!.subarray(0, inputs.png!.length - 20), refused: ATTACHMENT_TYPE_MESSAGE },
  { name: "a PNG signature and nothing else", input: () => inputs.png!.subarray(0, 8), refused: ATTACHMENT_TYPE_MESSAGE },
  { name: "a JPEG cut in half", input: () => inputs.jpeg!.subarray(0, Math.floor(inputs.jpeg!.length / 2)), refused: ATTACHMENT_TYPE_MESSAGE },
  { name: "a GIF/JavaScript polyglot", input: () => concat("GIF89a=alert(1)//", Buffer.alloc(20)), refused: ATTACHMENT_TYPE_MESSAGE },
  { name: "a PNG header claiming 100000×100000 pixels", input: () => pngClaiming(inputs.png!, 100_000, 100_000), refused: ATTACHMENT_DIMENSIONS_MESSAGE },
  { name: "a BMP header claiming 60000×60000 pixels", input: () => bmpClaiming(60_000, 60_000), refused: ATTACHMENT_DIMENSIONS_MESSAGE },
  { name: "a BMP whose pixel offset points into its header", input: () => bmp(3, 2).map((v, i) => (i === 10 ? 20 : v)), refused: ATTACHMENT_TYPE_MESSAGE },
  { name: "a BMP header claiming a negative width", input: () => bmpClaiming(-5, 5), refused: ATTACHMENT_TYPE_MESSAGE },
  {
    name: "an SVG",
    input: () => concat('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
    refused: ATTACHMENT_TYPE_MESSAGE,
  },
  { name: "a WebP (not in the guide's list)", input: () => inputs.webp!, refused: ATTACHMENT_TYPE_MESSAGE },
  { name: "an AVIF/HEIF (not in the guide's list)", input: () => inputs.avif!, refused: ATTACHMENT_TYPE_MESSAGE },
  { name: "a HEIC header", input: () => concat(Buffer.from([0, 0, 0, 0x18]), "ftypheic\0\0\0\0mif1heic", Buffer.alloc(64)), refused: ATTACHMENT_TYPE_MESSAGE },
  { name: "a TIFF", input: () => inputs.tiff!, refused: ATTACHMENT_TYPE_MESSAGE },
  { name: "a PDF", input: () => concat("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF"), refused: ATTACHMENT_TYPE_MESSAGE },
  { name: "a program renamed .jpg", input: () => concat(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), Buffer.alloc(1024)), refused: ATTACHMENT_TYPE_MESSAGE },
  { name: "JPEG magic bytes then zeros", input: () => concat(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048)), refused: ATTACHMENT_TYPE_MESSAGE },
  { name: "an empty file", input: () => new Uint8Array(), refused: ATTACHMENT_EMPTY_MESSAGE },
  {
    name: "4 MB + 1 byte (checked before decoding)",
    input: () => concat(inputs.png!, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - inputs.png!.length)),
    refused: ATTACHMENT_SIZE_MESSAGE,
  },
];

describe("decodeAttachmentImage", () => {
  it.each(table)("$name", async ({ input, stored, refused }) => {
    const bytes = input();
    if (refused) {
      const e = await decodeAttachmentImage(bytes, "attachments", "证明 材料.png").then(
        () => null,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(DomainError);
      // The refusal names the file it is about (contracts fileRefusal), then says why.
      expect(e).toMatchObject({ kind: "BAD_REQUEST", message: `文件“证明 材料.png”：${refused}`, field: "attachments" });
      return;
    }
    const image = await decodeAttachmentImage(bytes, "attachments", "证明 材料.png");
    expect(image).toMatchObject({ type: stored!.type, width: stored!.width, height: stored!.height, size: image.bytes.length });
    const meta = await sharp(image.bytes).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height, exif: meta.exif, pages: meta.pages ?? 1 }).toEqual({
      format: { jpg: "jpeg", png: "png", gif: "gif" }[stored!.type],
      width: stored!.width,
      height: stored!.height,
      exif: undefined,
      pages: 1,
    });
    expect(image.contentType).toBe({ jpg: "image/jpeg", png: "image/png", gif: "image/gif" }[stored!.type]);
    for (const s of stored!.absent ?? []) expect(has(image.bytes, s), s).toBe(false);
  });

  it.each([
    { name: "as written", input: () => bmp(4, 2) },
    { name: "with a gap before the pixels (header offset honoured)", input: () => bmpWithGap(bmp(4, 2), 10) },
  ])("keeps the pixels of a BMP (left red, right blue), $name", async ({ input }) => {
    const image = await decodeAttachmentImage(input(), "attachment", "扫描件.bmp");
    const { data, info } = await sharp(image.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(3);
    expect([...data.subarray(0, 3)]).toEqual([255, 0, 0]);
    expect([...data.subarray(9, 12)]).toEqual([0, 0, 255]);
  });

  it("answers any byte string with a stored image or the guide's message, never another error", async () => {
    const prefixes = [[], [0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], [0x42, 0x4d]];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes), fc.uint8Array({ minLength: 0, maxLength: 300 }), async (prefix, rest) => {
        const bytes = concat(Uint8Array.from(prefix), rest);
        const outcome = await decodeAttachmentImage(bytes, "f", "a.png").then(
          () => "stored",
          (e: unknown) => (e instanceof DomainError && e.field === "f" ? e.message : String(e)),
        );
        expect(["stored", ...[ATTACHMENT_TYPE_MESSAGE, ATTACHMENT_EMPTY_MESSAGE, ATTACHMENT_DIMENSIONS_MESSAGE].map((m) => `文件“a.png”：${m}`)]).toContain(
          outcome,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe("storedAttachmentName", () => {
  it.each([
    ["证书.bmp", "png", "证书.png"],
    ["证书.BMP", "png", "证书.png"],
    ["证书.png", "png", "证书.png"],
    ["scan.JPEG", "jpg", "scan.JPEG"],
    ["scan.jpg", "jpg", "scan.jpg"],
    ["证书.png", "jpg", "证书.jpg"],
    ["调令", "gif", "调令.gif"],
    [".hidden", "png", ".hidden.png"],
    ["a.b.c.exe", "png", "a.b.c.png"],
  ] as const)("%s stored as %s → %s", (name, type, expected) => {
    expect(storedAttachmentName(name, type)).toBe(expected);
  });
});
