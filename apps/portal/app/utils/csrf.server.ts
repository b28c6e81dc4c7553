import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The portal's CSRF defences, both applied by server.ts to every request whose method can change
 * something (everything but GET, HEAD and OPTIONS) before Remix runs any action:
 *
 * 1. where the request comes from (`checkOrigin`): the browser's Sec-Fetch-Site or Origin header;
 * 2. a token only the portal's own pages know (`CSRF_FIELD` in every form, rendered by the shared
 *    `Form` component; `CSRF_HEADER` for scripted requests), equal to the signed `CSRF_COOKIE`
 *    (a signed double-submit cookie: it works before sign-in, on 登录 and 注册 too).
 *
 * SameSite=Lax alone let another site POST to `?_data=` URLs; see docs/decisions.
 */

/** The hidden input every form carries. */
export const CSRF_FIELD = "_csrf";
/** The header a script sends the token in (a JSON body has no form field). */
export const CSRF_HEADER = "x-csrf-token";
/** The cookie holding this browser's token: httpOnly, so a page script never reads it. */
export const CSRF_COOKIE = "ce_csrf";
/** The refusal of a form post that carries none of this site's cookies: the browser does not keep them. */
export const NO_COOKIE_MESSAGE = "浏览器未保存本网站的 Cookie，无法提交或登录：请在浏览器设置中允许本网站使用 Cookie，然后刷新页面重试";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether a request of this HTTP method must pass the checks (anything that may change state). */
export function needsCsrfCheck(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export interface OriginFacts {
  method: string;
  /** The portal's own origin as the browser sees it, e.g. `https://ce.example.cn` (behind TRUST_PROXY: from X-Forwarded-Proto/Host). */
  ownOrigin: string;
  /** The `Origin` request header, if sent. */
  origin?: string | null;
  /** The `Sec-Fetch-Site` request header, if sent. */
  secFetchSite?: string | null;
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Decides whether a state-changing request comes from the portal's own pages (Fetch Metadata,
 * W3C; Origin, RFC 6454 §7). Safe methods always pass. `Sec-Fetch-Site` wins when present:
 * `same-origin` and `none` (typed address, bookmark) pass; `same-site` and `cross-site` are
 * refused — a sibling host under the same site is still another application. Without it, an
 * `Origin` must equal `ownOrigin` exactly (scheme, host and port); `null` (sandboxed frames,
 * privacy redirects) is refused. A request with neither header is not from a current browser
 * (curl, a service, a very old browser): it passes here and still needs the CSRF token.
 */
export function checkOrigin(facts: OriginFacts): OriginVerdict {
  if (!needsCsrfCheck(facts.method)) return { ok: true };
  const site = facts.secFetchSite?.trim().toLowerCase();
  if (site) {
    if (site === "same-origin" || site === "none") return { ok: true };
    return { ok: false, reason: `Sec-Fetch-Site: ${site}` };
  }
  const origin = facts.origin?.trim();
  if (origin) {
    if (origin === "null") return { ok: false, reason: "Origin: null" };
    return sameOrigin(origin, facts.ownOrigin) ? { ok: true } : { ok: false, reason: `Origin: ${origin}` };
  }
  return { ok: true };
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function sign(secret: string, nonce: string): string {
  return createHmac("sha256", secret).update(`csrf:${nonce}`).digest("base64url");
}

/** A new token for a browser: 32 random bytes and their HMAC-SHA256 under `secret`, both base64url, joined by a dot. */
export function newCsrfToken(secret: string): string {
  const nonce = randomBytes(32).toString("base64url");
  return `${nonce}.${sign(secret, nonce)}`;
}

/** Whether `token` is one this portal issued (its signature checks under `secret`). */
export function isIssuedToken(secret: string, token: string | null | undefined): token is string {
  if (!token) return false;
  const [nonce, mac, extra] = token.split(".");
  if (!nonce || !mac || extra !== undefined) return false;
  return safeEqual(mac, sign(secret, nonce));
}

/**
 * Whether the token a request presents (form field or header) matches this browser's cookie and
 * was issued by us. Constant-time comparison; a missing value on either side fails.
 */
export function verifyCsrfToken(secret: string, cookieToken: string | null | undefined, presented: string | null | undefined): boolean {
  if (!isIssuedToken(secret, cookieToken) || !presented) return false;
  return safeEqual(cookieToken, presented);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// A token is base64url and one dot; anything longer than this is not ours.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{1,64}$/;

/**
 * The CSRF token a form body carries in `CSRF_FIELD`, without parsing the whole body: an
 * urlencoded body is read as such; in a multipart body the `_csrf` part is found by its
 * Content-Disposition header (RFC 7578), so a malformed file part elsewhere cannot hide it or
 * make this throw. Returns null for any other content type or when the field is absent.
 */
export function csrfFieldOf(contentType: string | null | undefined, body: Uint8Array): string | null {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("latin1");
  let value: string | null = null;
  if (type === "application/x-www-form-urlencoded") {
    try {
      value = new URLSearchParams(text).get(CSRF_FIELD);
    } catch {
      value = null;
    }
  } else if (type === "multipart/form-data") {
    const match = /(?:^|\r\n)content-disposition:[ \t]*form-data;[ \t]*name="_csrf"[ \t]*\r\n(?:[^\r\n]+\r\n)*\r\n([^\r\n]*)\r\n--/i.exec(text);
    value = match?.[1] ?? null;
  }
  return value && TOKEN_PATTERN.test(value) ? value : null;
}

/** The value of one cookie in a Cookie header, or null. */
export function cookieValue(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}
