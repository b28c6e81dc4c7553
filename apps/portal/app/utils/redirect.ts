const ORIGIN = "http://portal.invalid";

/**
 * Where to go after signing in: only a path on this site. Anything else — another origin, a
 * protocol-relative `//host`, a backslash trick, a `javascript:` URL, the login or logout page
 * itself — falls back to `fallback`.
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2000) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // Browsers drop tabs/newlines and read "\" as "/", so "/\t/evil" or "/\\evil" could leave the site.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point of this check.
  if (/[\u0000-\u001f\\]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN) return fallback;
  if (url.pathname === "/login" || url.pathname === "/logout") return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The login URL that brings the person back to `request`'s page afterwards. */
export function loginPath(requestUrl: string): string {
  const url = new URL(requestUrl);
  const back = `${url.pathname}${url.search}`;
  return back === "/" || safeRedirect(back, "") === "" ? "/login" : `/login?${new URLSearchParams({ redirectTo: back })}`;
}
