// The one reading of a request path under an API prefix (the portal's /api/v1/ proxy and
// reporting's API handler): a path that climbs out of the prefix — `..` typed, percent-encoded
// (%2e%2e, %2f), with backslashes or doubled slashes — must never reach another endpoint.

/**
 * The header the portal's /api/v1 proxy sets, instead of passing the body on, when a body is over
 * the API's limit (64 KiB): reporting still checks the token and logs the call before its 413.
 * Honoured from anyone: it can only make a call be refused.
 */
export const API_BODY_TOO_LARGE_HEADER = "x-ce-body-too-large";

/** What a path segment of the API may hold once decoded: lower-case letters, digits and hyphens. */
const SEGMENT = /^[a-z0-9-]+$/;
/** The one name with a dot the API has, directly under its prefix: its OpenAPI document (`/api/v1/openapi.json`). */
export const API_DOCUMENT_NAME = "openapi.json";

/**
 * The path of `rawUrl` (a request's `req.url`: path and query as sent) if it lies strictly under
 * `prefix` (e.g. "/api/v1/"): percent-encoding decoded (repeatedly, so %252e is %2e is "."),
 * backslashes read as slashes, empty and "." segments dropped, ".." taken back one segment — and
 * then every segment plain (SEGMENT), at least one below the prefix — or exactly API_DOCUMENT_NAME
 * directly below it (the OpenAPI document). Returns the normalised path
 * (no trailing slash) and the query string as sent ("" or "?…"), or null for anything else: a
 * malformed escape, a NUL or control character, a segment with other characters, a path that
 * ends at or above the prefix. Pure.
 */
export function apiPathUnder(prefix: string, rawUrl: string): { path: string; query: string } | null {
  const q = rawUrl.indexOf("?");
  let path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const query = q < 0 ? "" : rawUrl.slice(q);
  for (let i = 0; i < 4 && path.includes("%"); i++) {
    try {
      path = decodeURIComponent(path);
    } catch {
      return null;
    }
  }
  if (path.includes("%")) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused here.
  if (/[\u0000-\u001f\u007f]/.test(path)) return null;
  const segments: string[] = [];
  for (const s of path.replace(/\\/g, "/").split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") segments.pop();
    else segments.push(s);
  }
  const prefixSegments = prefix.split("/").filter((s) => s !== "");
  if (segments.length <= prefixSegments.length) return null;
  if (prefixSegments.some((s, i) => segments[i] !== s)) return null;
  const below = segments.slice(prefixSegments.length);
  const isDocument = below.length === 1 && below[0] === API_DOCUMENT_NAME;
  if (!isDocument && !below.every((s) => SEGMENT.test(s))) return null;
  return { path: `/${segments.join("/")}`, query };
}
