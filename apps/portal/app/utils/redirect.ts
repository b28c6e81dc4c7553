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

/**
 * Why a page sent the person to sign in, as the login page says it (loginNotices): `expired` — their
 * session ended (idle timeout, signed out elsewhere); `unsaved` — and the form they had just sent
 * was not saved.
 */
export type LoginReason = "expired" | "unsaved";

/** What the login page says for each LoginReason. */
export const loginNotices: Record<LoginReason, string> = {
  expired: "登录已超时或已在别处退出，请重新登录",
  unsaved: "登录已超时或已在别处退出，刚才提交的内容没有保存，请重新登录后再提交",
};

/** The login URL that brings the person back to `request`'s page afterwards, saying why they were sent (`reason`, optional). */
export function loginPath(requestUrl: string, reason?: LoginReason): string {
  const url = new URL(requestUrl);
  const back = `${url.pathname}${url.search}`;
  const params = new URLSearchParams();
  if (!(back === "/" || safeRedirect(back, "") === "")) params.set("redirectTo", back);
  if (reason) params.set("reason", reason);
  const query = params.toString();
  return query ? `/login?${query}` : "/login";
}

/** The LoginReason a login URL's `reason` names, or null for anything else. */
export function loginReasonOf(value: string | null): LoginReason | null {
  return value === "expired" || value === "unsaved" ? value : null;
}
