import type { IncomingMessage } from "node:http";

/** How deep a JSON body may nest: the API's inputs are flat objects (a filter or two); 32 is far beyond any of them. */
export const MAX_JSON_DEPTH = 32;

/** Why a body is refused, with the Chinese message the caller gets (the body is named, never echoed). */
export type BodyRefusal = { kind: "too-large" | "media-type" | "malformed"; message: string };

/**
 * The media type of a Content-Type header (lower case, parameters dropped), or null when absent. Pure.
 */
export function mediaType(contentType: string | null): string | null {
  const t = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return t === "" ? null : t;
}

/**
 * The deepest nesting of arrays and objects in JSON `text`, counted without parsing (brackets
 * inside strings skipped), so a body of 5,000 "[" is measured in one pass — never by recursion.
 * Pure; malformed text is measured as far as it goes (JSON.parse judges it after).
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

const kindOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "数组" : typeof v === "string" ? "文本" : typeof v === "number" ? "数字" : "布尔值");

/**
 * A JSON operation's body as the API takes it, in this order: over `maxBytes` (declared, streamed,
 * or `tooLarge` when the portal already found it so) → too-large; a Content-Type other than
 * application/json (any case, parameters allowed), or none → media-type; not UTF-8 JSON, nested
 * deeper than MAX_JSON_DEPTH, or not an object (null, an array, text, a number) → malformed. An
 * empty body is `{}` (every input field of the API is optional or named by its message). Each
 * message names 请求内容 (the body) and says what is wrong. Reads the request to its end (or to
 * the limit). Raises only on a broken connection.
 */
export async function readJsonBody(
  req: IncomingMessage,
  maxBytes: number,
  tooLarge = false,
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; refusal: BodyRefusal }> {
  const limitKiB = Math.round(maxBytes / 1024);
  const large = (): { ok: false; refusal: BodyRefusal } => ({ ok: false, refusal: { kind: "too-large", message: `请求内容过大：不能超过${limitKiB} KiB` } });
  if (tooLarge || Number(req.headers["content-length"] ?? 0) > maxBytes) return large();
  const type = mediaType(typeof req.headers["content-type"] === "string" ? req.headers["content-type"] : null);
  if (type !== "application/json") {
    const message =
      type === null
        ? "缺少 Content-Type 请求头：请求内容须为 JSON（Content-Type: application/json）"
        : `不支持的请求内容类型“${type.slice(0, 60)}”：须为 application/json`;
    return { ok: false, refusal: { kind: "media-type", message } };
  }
  const bytes = await readLimited(req, maxBytes);
  if (bytes === null) return large();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, refusal: { kind: "malformed", message: "请求内容不是有效的 UTF-8 文本" } };
  }
  if (text.trim() === "") return { ok: true, value: {} };
  if (jsonDepth(text) > MAX_JSON_DEPTH) return { ok: false, refusal: { kind: "malformed", message: `请求内容嵌套过深：JSON 最多${MAX_JSON_DEPTH}层` } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, refusal: { kind: "malformed", message: "请求内容不是有效的 JSON" } };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, refusal: { kind: "malformed", message: `请求内容须为 JSON 对象（{…}），收到的是${kindOf(value)}` } };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** The request's bytes, or null once they pass `maxBytes` (the rest is drained, not kept). */
function readLimited(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    req.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total <= maxBytes) chunks.push(chunk);
    });
    req.on("end", () => resolve(total > maxBytes ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
