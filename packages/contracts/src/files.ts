// Pure file rules shared by the services that take uploads (hours: declarations, identity: transfers).
import { DomainError } from "./errors.ts";

export type ImageType = "jpg" | "gif" | "bmp" | "png";

/** 4 MB, as the guide says (文件大小4M以内). */
export const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;
/** The longest base64 text of a file within MAX_ATTACHMENT_BYTES. */
export const MAX_ATTACHMENT_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

export const ATTACHMENT_TYPE_MESSAGE = "附件格式不正确，仅支持 jpg、jpeg、gif、bmp、png 图片";

export const contentTypes: Record<ImageType, string> = { jpg: "image/jpeg", gif: "image/gif", bmp: "image/bmp", png: "image/png" };

const starts = (b: Uint8Array, sig: readonly number[]) => sig.every((v, i) => b[i] === v);

/** The image type from the file's first bytes, whatever its name says; null for anything else. */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (starts(bytes, [0xff, 0xd8, 0xff])) return "jpg";
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return "gif";
  if (starts(bytes, [0x42, 0x4d]) && bytes.length >= 26) return "bmp";
  return null;
}

/** Checks one upload (size, then content) and returns its detected type. */
export function checkAttachment(bytes: Uint8Array, field = "attachments"): ImageType {
  if (bytes.length === 0) throw new DomainError("BAD_REQUEST", "附件不能为空文件", field);
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new DomainError("BAD_REQUEST", "附件大小不能超过4M", field);
  const type = detectImageType(bytes);
  if (!type) throw new DomainError("BAD_REQUEST", ATTACHMENT_TYPE_MESSAGE, field);
  return type;
}
