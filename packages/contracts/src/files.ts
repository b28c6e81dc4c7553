// Pure file rules shared by the services that take uploads (hours: declarations, identity: transfers).
// Whether the bytes are an image is decided by decoding them (service-kit decodeAttachmentImage):
// contracts imports only zod, so only the limits and messages live here.

/** The guide's 附件 types (jpg、jpeg、gif、bmp、png; jpeg is jpg). */
export type ImageType = "jpg" | "gif" | "bmp" | "png";

/** 4 MB, as the guide says (文件大小4M以内). */
export const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;
/** 附件最多5个: the most attachments one declaration carries (DeclareInput; a test ties them). */
export const MAX_ATTACHMENTS_PER_DECLARATION = 5;
/** The longest base64 text of a file within MAX_ATTACHMENT_BYTES. */
export const MAX_ATTACHMENT_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;
/**
 * 50 megapixels (e.g. 8160×6144, a 50 MP phone photo): a larger width×height in a ≤ 4 MB file is a
 * decompression bomb, refused from the header before any pixel is decoded.
 */
export const MAX_ATTACHMENT_PIXELS = 50_000_000;

export const ATTACHMENT_TYPE_MESSAGE = "附件格式不正确，仅支持 jpg、jpeg、gif、bmp、png 图片";
export const ATTACHMENT_EMPTY_MESSAGE = "附件不能为空文件";
export const ATTACHMENT_SIZE_MESSAGE = "附件大小不能超过4M";
export const ATTACHMENT_DIMENSIONS_MESSAGE = "附件图片尺寸过大，请缩小后重新上传";

/** The most characters of a file name a refusal quotes; a longer one keeps its start and its end (the extension). */
export const FILE_NAME_SHOWN_CHARS = 40;

/**
 * The one message of a refused upload, on every upload form (学时申报's 附件, 人员调出's 附件, 批量导入's
 * 导入文件): which file and why — `文件“证明.pdf”：附件格式不正确，仅支持 jpg、jpeg、gif、bmp、png 图片`.
 * `fileName` is the name as chosen (a name over FILE_NAME_SHOWN_CHARS characters is shortened in the
 * middle, …, keeping its extension; a blank one is left out); `reason` is the refusal's own sentence.
 * Applied once: a reason that already names this file is returned as it is. Pure.
 */
export function fileRefusal(fileName: string, reason: string): string {
  const name = shownFileName(fileName);
  if (name === "") return reason;
  const prefix = `文件“${name}”：`;
  return reason.startsWith(prefix) ? reason : `${prefix}${reason}`;
}

function shownFileName(fileName: string): string {
  const chars = Array.from(fileName.replace(/\s+/g, " ").trim());
  if (chars.length <= FILE_NAME_SHOWN_CHARS) return chars.join("");
  const tail = 12;
  return `${chars.slice(0, FILE_NAME_SHOWN_CHARS - tail - 1).join("")}…${chars.slice(-tail).join("")}`;
}

export const contentTypes: Record<ImageType, string> = { jpg: "image/jpeg", gif: "image/gif", bmp: "image/bmp", png: "image/png" };
