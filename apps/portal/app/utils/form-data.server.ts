import { fileRefusal } from "@ce/contracts";
import { data, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { CSRF_FIELD } from "./csrf.server.ts";

/**
 * The one way an action reads a submitted form, files or not. Whatever a browser (or anyone
 * else) sends — a file name with quotes, backslashes, CR/LF/NUL, 5,000 characters or bytes that
 * are not UTF-8, a file where text belongs or text where a file belongs, a body that is too
 * large or not multipart at all — ends as a Chinese field or form error, never as a 500.
 */

/** The largest request body the portal accepts (5 attachments of 4 MB and the form's text). server.ts answers 413 above it. */
export const MAX_BODY_BYTES = 21 * 1024 * 1024;
/** Longest file name kept, in characters (the extension is kept within it). */
export const MAX_FILE_NAME_CHARS = 100;

export const formMessages = {
  unreadable: "提交的内容无法识别，请重新选择文件后提交",
  bodyTooLarge: `提交的内容过大，附件合计不能超过${MAX_BODY_BYTES / 1024 / 1024 - 1}M`,
  notAFile: "请选择要上传的文件",
  notText: "此项应填写文字，不能上传文件",
  fileTooLarge: (label: string, maxBytes: number) => `${label}大小不能超过${Math.floor(maxBytes / 1024 / 1024)}M`,
} as const;

/** A form field that takes files: its label (for messages) and the largest file it takes, in bytes. */
export interface FileRule {
  label: string;
  maxBytes: number;
}

export type ReadForm =
  | {
      ok: true;
      /** The text fields only (the CSRF token and file fields removed), ready for parseWithZod. */
      form: FormData;
      /** Files chosen per file field, empty ones (nothing chosen) left out, names made safe. */
      files: Record<string, File[]>;
    }
  | { ok: false; fieldErrors: Record<string, string[]>; formErrors: string[] };

/**
 * Reads `request`'s body as a form. `fileFields` names the fields that take files, with their
 * rules; every other field must be text. Accepts multipart/form-data and
 * application/x-www-form-urlencoded; a body over `MAX_BODY_BYTES` (by Content-Length or as it
 * arrives) is not read further. A file over its field's limit is refused by its name (文件“a.png”：附件大小不能超过4M).
 * Errors land on the first file field (so the page shows them by
 * 附件) or, for a form without files, at the top of the form. Never throws for bad input.
 */
export async function readForm(request: Request, fileFields: Readonly<Record<string, FileRule>> = {}): Promise<ReadForm> {
  const firstFile = Object.keys(fileFields)[0];
  const fail = (message: string, field = firstFile): ReadForm =>
    field ? { ok: false, fieldErrors: { [field]: [message] }, formErrors: [] } : { ok: false, fieldErrors: {}, formErrors: [message] };

  const bytes = await readBody(request);
  if (bytes === "tooLarge") return fail(formMessages.bodyTooLarge);
  let raw: FormData;
  try {
    raw = await parseFormBody(request.headers.get("content-type"), bytes);
  } catch {
    return fail(formMessages.unreadable);
  }

  const form = new FormData();
  const files: Record<string, File[]> = Object.fromEntries(Object.keys(fileFields).map((k) => [k, []]));
  const fieldErrors: Record<string, string[]> = {};
  const addError = (field: string, message: string) => {
    if (!fieldErrors[field]?.includes(message)) fieldErrors[field] = [...(fieldErrors[field] ?? []), message];
  };
  for (const [name, value] of raw.entries()) {
    if (name === CSRF_FIELD) continue;
    const rule = Object.hasOwn(fileFields, name) ? fileFields[name] : undefined;
    if (!rule) {
      if (typeof value === "string") form.append(name, value);
      else if (value.size > 0 || value.name !== "") addError(name, formMessages.notText);
      continue;
    }
    if (typeof value === "string") {
      // An empty string is what some clients send for "no file chosen".
      if (value !== "") addError(name, formMessages.notAFile);
      continue;
    }
    if (value.size === 0 && value.name === "") continue;
    // Which file, then why (contracts fileRefusal, the one message of every refused upload).
    if (value.size > rule.maxBytes)
      addError(name, fileRefusal(value.name.trim() === "" ? "" : safeFileName(value.name), formMessages.fileTooLarge(rule.label, rule.maxBytes)));
    else files[name]!.push(new File([value], safeFileName(value.name), { type: value.type }));
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, formErrors: [] };
  return { ok: true, form, files };
}

/**
 * For actions whose forms take no files: the text fields (CSRF token removed). A body that is no
 * form, too large, or carries a file anywhere is answered by a thrown 400 whose Chinese message
 * the route's ErrorBoundary shows — the action never sees "[object File]" and never fails with 500.
 */
export async function readTextForm(request: Request): Promise<FormData> {
  const read = await readForm(request);
  if (read.ok) return read.form;
  const message = [...read.formErrors, ...Object.values(read.fieldErrors).flat()][0] ?? formMessages.unreadable;
  throw data({ message }, { status: 400 });
}

/**
 * For a text form of several actions, told apart by the submit button's `intent` (添加 / 编辑 /
 * 禁用, 新建 / 撤销 …): the form as readTextForm reads it, and its intent ("" when none).
 */
export async function readIntentForm(request: Request): Promise<{ form: FormData; intent: string }> {
  const form = await readTextForm(request);
  return { form, intent: String(form.get("intent") ?? "") };
}

/** The body's bytes, or "tooLarge" once it is over MAX_BODY_BYTES (announced or actual). */
async function readBody(request: Request): Promise<Uint8Array<ArrayBuffer> | "tooLarge"> {
  const announced = Number(request.headers.get("content-length"));
  if (Number.isFinite(announced) && announced > MAX_BODY_BYTES) return "tooLarge";
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      return "tooLarge";
    }
    chunks.push(value);
  }
  // Buffer.concat allocates a fresh (non-shared) ArrayBuffer.
  return Buffer.concat(chunks) as Uint8Array<ArrayBuffer>;
}

/**
 * Parses a form body. multipart/form-data goes to the WHATWG parser built into Node (undici),
 * which decodes names as browsers encode them (HTML spec: `"` CR LF as %22 %0D %0A, bytes that
 * are not UTF-8 as U+FFFD); a body it refuses (e.g. a raw `"` inside filename="…", as curl may
 * send) is retried with Remix's more lenient parser. Throws when neither can read it, or for a
 * content type that is not a form.
 */
export async function parseFormBody(contentType: string | null, bytes: Uint8Array<ArrayBuffer>): Promise<FormData> {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "multipart/form-data" && type !== "application/x-www-form-urlencoded") throw new TypeError(`not a form: ${type}`);
  const request = () => new Request("http://portal.invalid/", { method: "POST", headers: { "content-type": contentType! }, body: bytes });
  try {
    return await request().formData();
  } catch (e) {
    if (type !== "multipart/form-data") throw e;
    const lenient = await unstable_parseMultipartFormData(request(), unstable_createMemoryUploadHandler({ maxPartSize: MAX_BODY_BYTES }));
    // Remix's parser reads garbage as an empty form; a body with nothing in it is not a form.
    if (bytes.byteLength > 0 && [...lenient.keys()].length === 0) throw e;
    return lenient;
  }
}

// Control characters (C0, DEL, C1), path and quoting characters no stored name should carry.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f"\\/:*?<>|]+/g;

/**
 * A file name safe to store, show and put into a Content-Disposition header: the last path
 * segment only (IE sends C:\…\a.png), control characters and `" \ / : * ? < > |` replaced by `_`,
 * undecodable bytes (U+FFFD) by `_`, leading dots and spaces dropped (no hidden files), at most
 * MAX_FILE_NAME_CHARS characters with the extension kept; "附件" when nothing is left.
 */
export function safeFileName(raw: string): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? "";
  let name = lastSegment
    .normalize("NFC")
    .replace(UNSAFE_CHARS, "_")
    .replace(/\uFFFD+/g, "_")
    .replace(/^[.\s]+/, "")
    .trim();
  const chars = Array.from(name);
  if (chars.length > MAX_FILE_NAME_CHARS) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name =
      Array.from(name.slice(0, name.length - ext.length))
        .slice(0, MAX_FILE_NAME_CHARS - ext.length)
        .join("") + ext;
  }
  return /[^_.\s]/.test(name) ? name : "附件";
}
