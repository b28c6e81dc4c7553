import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { storedJson } from "@ce/contracts";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { CSRF_FIELD } from "./csrf.server.ts";
import { env } from "./env.server.ts";
import { safeRedirect } from "./redirect.ts";
import { SUBMISSION_FIELD } from "./submission.server.ts";

/**
 * 证件号 never in a URL (browser history, proxy and access logs, Referer). A search by ID number
 * posts its filters to /id-search (routes/id-search.ts); the number — and any other typed value
 * shaped like a resident ID — is sealed into an encrypted, httpOnly cookie under a random token,
 * and the browser is sent to the page with the other filters and `idq=<token>` in the query.
 * The page's loader (and its export, paging, drill-downs: they carry the token, not the number)
 * opens the token with `searchOf`. The cookie is AES-256-GCM under a key derived from
 * SESSION_SECRET and bound to the session cookie it was made with (additional data), so the
 * token means nothing in another browser, after signing out, or after ID_SEARCH_TTL_S.
 */

/** The query parameter that carries the opaque token. */
export const ID_SEARCH_PARAM = "idq";
/** The cookie that holds the sealed values. */
export const ID_SEARCH_COOKIE = "ce_idq";
/** A sealed search is answered for 30 minutes, then the page asks for the number again. */
export const ID_SEARCH_TTL_S = 30 * 60;
/** Searches kept at once (several tabs); the oldest goes first. */
const MAX_ENTRIES = 8;
/** The field a page's 证件号 filter is called by; always sealed. */
export const ID_NUMBER_FIELD = "idNumber";

export const idSearchMessages = {
  expired: "证件号查询已失效（超过30分钟或已重新登录），请重新输入证件号后查询",
  inUrl: "证件号不能写在网址中，请在查询框中输入后查询",
} as const;

/** A value shaped like a full resident ID (15 digits, or 17 digits and a check character): sealed whatever its field. */
const RESIDENT_ID_SHAPE = /^(\d{15}|\d{17}[\dXx])$/;

const Entry = z.object({ t: z.string(), e: z.number(), v: z.record(z.string(), z.string()) });
const Entries = z.array(Entry).max(MAX_ENTRIES);
type Entry = z.infer<typeof Entry>;

const KEY = Buffer.from(hkdfSync("sha256", env.SESSION_SECRET, "ce-portal", "id-search v1", 32));

/** The session the sealed values belong to: a digest of the raw ce_session cookie (a new login is a new cookie). */
function sessionBinding(request: Request): Buffer | null {
  const raw = cookieValue(request, "ce_session");
  return raw ? createHash("sha256").update(raw).digest() : null;
}

function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

function seal(entries: Entry[], binding: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", KEY, iv);
  cipher.setAAD(binding);
  const body = Buffer.concat([cipher.update(JSON.stringify(entries), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The entries of this browser's cookie that are still valid for this session; [] when forged, foreign or absent. */
function openEntries(request: Request, now: number): Entry[] {
  const binding = sessionBinding(request);
  const raw = cookieValue(request, ID_SEARCH_COOKIE);
  if (!binding || !raw) return [];
  try {
    const bytes = Buffer.from(raw, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", KEY, bytes.subarray(0, 12));
    decipher.setAAD(binding);
    decipher.setAuthTag(bytes.subarray(12, 28));
    const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
    return (storedJson(Entries, text) ?? []).filter((e) => e.e > now);
  } catch {
    return [];
  }
}

/** Form fields that are the form's machinery, never a filter (nor in the address the search lands on). */
const MACHINERY = new Set([CSRF_FIELD, SUBMISSION_FIELD, "to", ID_SEARCH_PARAM]);

/** Whether a filter value must not travel in a URL: the 证件号 field, or anything shaped like a resident ID. */
export const mustSeal = (name: string, value: string): boolean => name === ID_NUMBER_FIELD || RESIDENT_ID_SHAPE.test(value.trim());

/**
 * The answer to a posted ID-number search: 303 to `to` (a path on this site, from the form; its
 * own query is replaced) with the form's filters in the query — empty ones left out, the values
 * `mustSeal` picks replaced by one `idq` token — and the Set-Cookie that keeps them. A search
 * with nothing to seal gets a plain query and no cookie.
 */
export function idSearchRedirect(request: Request, form: FormData, now = Date.now()): Response {
  const to = new URL(safeRedirect(form.get("to")), "http://portal.invalid");
  const query = new URLSearchParams();
  const sealed: Record<string, string> = {};
  for (const [name, value] of form) {
    if (MACHINERY.has(name) || typeof value !== "string" || value.trim() === "") continue;
    if (mustSeal(name, value)) sealed[name] = value.trim();
    else query.append(name, value);
  }
  const binding = sessionBinding(request);
  const headers = new Headers();
  if (Object.keys(sealed).length > 0 && binding) {
    const token = randomBytes(16).toString("base64url");
    const kept = [{ t: token, e: now + ID_SEARCH_TTL_S * 1000, v: sealed }, ...openEntries(request, now)].slice(0, MAX_ENTRIES);
    query.set(ID_SEARCH_PARAM, token);
    headers.append("Set-Cookie", `${ID_SEARCH_COOKIE}=${seal(kept, binding)}; Path=/; Max-Age=${ID_SEARCH_TTL_S}; HttpOnly; SameSite=Lax`);
  }
  const search = query.toString();
  return redirect(`${to.pathname}${search ? `?${search}` : ""}`, { status: 303, headers });
}

/** A page's query with its sealed values restored, and what went wrong with the ID-number part. */
export interface OpenedSearch {
  search: URLSearchParams;
  /** `expired`: the token names no search of this session (old, another browser, signed out); `inUrl`: a 证件号 was written into the URL itself (ignored). */
  problem: keyof typeof idSearchMessages | null;
}

/**
 * The query a loader reads instead of `new URL(request.url).searchParams`: `idq` replaced by the
 * values it seals; a value that must not be in a URL (`mustSeal`) but is there is dropped and
 * reported as `inUrl`, so a bookmarked or hand-typed number is never searched by nor echoed.
 */
export function searchOf(request: Request, now = Date.now()): OpenedSearch {
  const search = new URLSearchParams();
  let problem: OpenedSearch["problem"] = null;
  let token: string | null = null;
  for (const [name, value] of new URL(request.url).searchParams) {
    if (name === ID_SEARCH_PARAM) token = value;
    else if (value.trim() !== "" && mustSeal(name, value)) problem = "inUrl";
    else search.append(name, value);
  }
  if (token !== null) {
    const entry = openEntries(request, now).find((e) => e.t === token);
    if (entry) for (const [name, value] of Object.entries(entry.v)) search.set(name, value);
    else problem ??= "expired";
  }
  return { search, problem };
}

/**
 * `searchOf` for a download (an export) or a page without a 证件号 filter: the restored query, or a 400 `{ message }` when the
 * 证件号 part cannot be opened — an export never widens to everyone because its number was lost.
 *
 * @throws Response 400 (idSearchMessages).
 */
export function openedSearch(request: Request): URLSearchParams {
  const { search, problem } = searchOf(request);
  if (problem) throw data({ message: idSearchMessages[problem] }, { status: 400 });
  return search;
}
