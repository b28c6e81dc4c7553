// An upload is an image only if it decodes. Magic bytes prove nothing (a text file that starts with
// "BM" passes file-type and image-size as a BMP), so every attachment — 学时申报 in hours, 人员调转 in
// identity — is decoded here and the re-encoded pixels are what gets stored: metadata (EXIF, GPS,
// comments, ICC), trailing bytes (an appended ZIP or script) and polyglot tricks do not survive.
//
// Decisions (docs/architecture.md "Files"):
// - PNG, JPEG and GIF are decoded by sharp (libvips); BMP, which sharp cannot read, by bmp-ts.
// - A BMP is stored as PNG (lossless, compressed, shown by every browser); the stored type and the
//   stored name's extension say png, so what the record shows is true.
// - An animated GIF keeps its first frame only: an attachment is a certificate scan, and frames
//   multiply the decoding cost.
// - Decompression bombs: the 4 MB byte cap comes first, then a pixel cap (MAX_ATTACHMENT_PIXELS)
//   checked from the header before any pixel is decoded, for BMP and for sharp alike.
import { createHash } from "node:crypto";
import {
  ATTACHMENT_DIMENSIONS_MESSAGE,
  ATTACHMENT_EMPTY_MESSAGE,
  ATTACHMENT_SIZE_MESSAGE,
  ATTACHMENT_TYPE_MESSAGE,
  contentTypes,
  DomainError,
  fileRefusal,
  type ImageType,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENT_PIXELS,
} from "@ce/contracts";
import { decode as decodeBmp } from "bmp-ts";
import sharp, { type Metadata } from "sharp";

/** The types an attachment is stored as (a BMP upload is stored as png). */
export type StoredImageType = Exclude<ImageType, "bmp">;

/** An upload that decoded, re-encoded and ready to store. */
export interface DecodedImage {
  /** What is stored: jpg, png or gif. */
  type: StoredImageType;
  /** What the upload was (bmp for a BMP stored as png). */
  sourceType: ImageType;
  contentType: string;
  /** The re-encoded image: no metadata, nothing after the image data. */
  bytes: Uint8Array;
  size: number;
  width: number;
  height: number;
  /** Hex sha256 of `bytes`. */
  sha256: string;
}

const starts = (b: Uint8Array, sig: readonly number[]) => b.length >= sig.length && sig.every((v, i) => b[i] === v);

// Only chooses which decoder to try (so SVG, WebP, HEIC, TIFF, PDF never reach a decoder);
// the decoder decides whether the bytes are an image.
function decoderFor(b: Uint8Array): ImageType | null {
  if (starts(b, [0xff, 0xd8, 0xff])) return "jpg";
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts(b, [0x47, 0x49, 0x46, 0x38])) return "gif";
  if (starts(b, [0x42, 0x4d])) return "bmp";
  return null;
}

const sharpFormat: Record<StoredImageType, string> = { jpg: "jpeg", png: "png", gif: "gif" };

/**
 * Decodes one attachment and re-encodes it: PNG/JPEG/GIF through sharp, BMP through bmp-ts then
 * sharp to PNG. `bytes` is the raw upload; `field` is the input it came from (for the field error);
 * `fileName` the name it was chosen under, which every refusal names (contracts fileRefusal).
 * Returns the stored type, content type, re-encoded bytes with their size and sha256, and the pixel
 * size. Raises DomainError BAD_REQUEST on `field`, `文件“name”：` and the reason: 附件不能为空文件 (0 bytes),
 * 附件大小不能超过4M (over MAX_ATTACHMENT_BYTES, checked before decoding), ATTACHMENT_DIMENSIONS_MESSAGE
 * (more than MAX_ATTACHMENT_PIXELS), ATTACHMENT_TYPE_MESSAGE (anything that is not a jpg/jpeg/gif/bmp/png
 * image that decodes completely). Allowed types are the guide's 附件 list (jpg、jpeg、gif、bmp、png).
 */
export async function decodeAttachmentImage(bytes: Uint8Array, field: string, fileName: string): Promise<DecodedImage> {
  try {
    return await decodeImage(bytes, field);
  } catch (e) {
    if (e instanceof DomainError && e.field === field) throw new DomainError(e.kind, fileRefusal(fileName, e.message), field);
    throw e;
  }
}

async function decodeImage(bytes: Uint8Array, field: string): Promise<DecodedImage> {
  if (bytes.length === 0) throw new DomainError("BAD_REQUEST", ATTACHMENT_EMPTY_MESSAGE, field);
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new DomainError("BAD_REQUEST", ATTACHMENT_SIZE_MESSAGE, field);
  const sourceType = decoderFor(bytes);
  if (!sourceType) throw new DomainError("BAD_REQUEST", ATTACHMENT_TYPE_MESSAGE, field);
  const out = sourceType === "bmp" ? await reencodeBmp(bytes, field) : await reencode(sourceType, bytes, field);
  return { ...out, sourceType, contentType: contentTypes[out.type], size: out.bytes.length, sha256: createHash("sha256").update(out.bytes).digest("hex") };
}

/**
 * The name an attachment is stored under: `name` with its extension made true to `type` (证书.bmp
 * stored as png → 证书.png; .jpeg and .jpg both stand for jpg). Pure; never throws.
 */
export function storedAttachmentName(name: string, type: StoredImageType): string {
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  if (ext === type || (type === "jpg" && ext === "jpeg")) return name;
  return `${dot > 0 ? name.slice(0, dot) : name}.${type}`;
}

const refuse = (field: string) => new DomainError("BAD_REQUEST", ATTACHMENT_TYPE_MESSAGE, field);
const tooLarge = (field: string) => new DomainError("BAD_REQUEST", ATTACHMENT_DIMENSIONS_MESSAGE, field);

type Encoded = { type: StoredImageType; bytes: Uint8Array; width: number; height: number };

async function reencode(type: StoredImageType, bytes: Uint8Array, field: string): Promise<Encoded> {
  // failOn "warning" (sharp's advice for untrusted input) refuses truncated or corrupt pixel data;
  // pages 1 keeps a GIF's first frame.
  // The header is read without the pixel limit so a bomb gets its own message; decoding keeps it.
  const open = (limitInputPixels: number | false) => sharp(bytes, { failOn: "warning", limitInputPixels, pages: 1, autoOrient: true });
  let meta: Metadata;
  try {
    meta = await open(false).metadata();
  } catch {
    throw refuse(field);
  }
  if (meta.format !== sharpFormat[type] || !meta.width || !meta.height) throw refuse(field);
  if (meta.width * meta.height > MAX_ATTACHMENT_PIXELS) throw tooLarge(field);
  const pipeline = open(MAX_ATTACHMENT_PIXELS);
  const encoder = type === "jpg" ? pipeline.jpeg({ quality: 90 }) : type === "png" ? pipeline.png() : pipeline.gif();
  try {
    // sharp writes no metadata unless asked (withMetadata/keepMetadata), so EXIF and GPS are gone.
    const { data, info } = await encoder.toBuffer({ resolveWithObject: true });
    return { type, bytes: new Uint8Array(data), width: info.width, height: info.height };
  } catch {
    throw refuse(field);
  }
}

// BITMAPINFOHEADER and its V2–V5 successors: the header sizes bmp-ts reads.
const BMP_HEADER_SIZES = new Set([40, 52, 56, 108, 124]);
const BMP_DEPTHS = new Set([1, 4, 8, 16, 24, 32]);
// compression → the bit depths it is defined for (BI_RGB, BI_BITFIELDS, BI_ALPHABITFIELDS). The
// run-length forms (BI_RLE8 = 1, BI_RLE4 = 2) are refused: bmp-ts 1.0.9 decodes them to shifted,
// mis-coloured pixels with the rows upside down, and a wrong picture must never be stored.
const BMP_COMPRESSION: Record<number, number[]> = { 0: [1, 4, 8, 16, 24, 32], 3: [16, 32], 6: [16, 32] };

async function reencodeBmp(bytes: Uint8Array, field: string): Promise<Encoded> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 54) throw refuse(field);
  // bmp-ts allocates width×height×4 bytes before reading a pixel: validate the header first.
  const headerSize = buf.readUInt32LE(14);
  const width = buf.readInt32LE(18);
  const height = Math.abs(buf.readInt32LE(22));
  const planes = buf.readUInt16LE(26);
  const depth = buf.readUInt16LE(28);
  const compression = buf.readUInt32LE(30);
  const colors = buf.readUInt32LE(46);
  const valid = BMP_HEADER_SIZES.has(headerSize) && planes === 1 && BMP_DEPTHS.has(depth) && BMP_COMPRESSION[compression]?.includes(depth) && colors <= 256;
  if (!valid || width <= 0 || height <= 0) throw refuse(field);
  if (width * height > MAX_ATTACHMENT_PIXELS) throw tooLarge(field);
  // bmp-ts reads the pixels right after the colour table and ignores the header's pixel offset, so
  // a file whose pixels start later (writers may pad) is given to it with the gap cut out.
  const masks = headerSize === 40 ? (compression === 3 ? 12 : compression === 6 ? 16 : 0) : 0;
  const paletteBytes = (depth <= 8 || colors > 0 ? colors || 1 << depth : 0) * 4;
  const pixelsAt = 14 + headerSize + masks + paletteBytes;
  const offset = buf.readUInt32LE(10);
  if (offset < pixelsAt || offset > buf.length) throw refuse(field);
  if (compression === 0 && buf.length < offset + Math.ceil((width * depth) / 32) * 4 * height) throw refuse(field);
  const input = offset === pixelsAt ? Buffer.from(buf) : Buffer.concat([buf.subarray(0, pixelsAt), buf.subarray(offset)]);
  // bmp-ts stops the whole 4-bit scan at the last pixel of the first row when the width is odd,
  // leaving every other row black. An odd 4-bit row has the same byte length as one pixel wider,
  // so it is decoded one pixel wider and the extra column dropped below.
  const stride = depth === 4 && width % 2 === 1 ? width + 1 : width;
  input.writeInt32LE(stride, 18);
  let decoded: ReturnType<typeof decodeBmp>;
  try {
    decoded = decodeBmp(input);
  } catch {
    throw refuse(field);
  }
  // bmp-ts gives ABGR (its toRGBA option corrupts 1-bit images); the alpha byte is kept only when
  // it varies: bmp-ts reports 255 without an alpha mask, and many 32-bit BMPs leave it 0 meaning opaque.
  const abgr = decoded.data;
  const pixels = width * height;
  let someVisible = false;
  let someTranslucent = false;
  const at = (i: number) => ((i - (i % width)) / width) * stride + (i % width);
  for (let i = 0; i < pixels && !(someVisible && someTranslucent); i++) {
    someVisible ||= abgr[at(i) * 4] !== 0;
    someTranslucent ||= abgr[at(i) * 4] !== 255;
  }
  const usesAlpha = someVisible && someTranslucent;
  const channels = usesAlpha ? 4 : 3;
  const raw = Buffer.alloc(pixels * channels);
  for (let i = 0, o = 0; i < pixels; i++, o += channels) {
    const p = at(i) * 4;
    raw[o] = abgr[p + 3]!;
    raw[o + 1] = abgr[p + 2]!;
    raw[o + 2] = abgr[p + 1]!;
    if (usesAlpha) raw[o + 3] = abgr[p]!;
  }
  const { data, info } = await sharp(raw, { raw: { width, height, channels } }).png().toBuffer({ resolveWithObject: true });
  return { type: "png", bytes: new Uint8Array(data), width: info.width, height: info.height };
}
