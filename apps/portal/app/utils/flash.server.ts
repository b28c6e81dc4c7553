import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";
import { env } from "./env.server.ts";
import { safeRedirect } from "./redirect.ts";

/**
 * Redirect-after-post: every action that succeeds answers with a redirect (so reloading the page
 * or pressing back never submits again) and leaves a one-time message — the flash — in a signed,
 * short-lived cookie. The root loader reads it once and clears it; `<FlashNotice>` shows it.
 */

/** What a flash says: a success (保存成功) or a neutral notice; errors are never flashed, they stay on the form. */
export const Flash = z.object({
  tone: z.enum(["success", "info"]),
  message: z.string().min(1).max(500),
  /** A fresh id per flash, so the page shows each one once even when two say the same. */
  id: z.string().min(1).max(40),
});
export type Flash = z.infer<typeof Flash>;

/** The cookie lives only as long as a redirect takes to follow; the root loader clears it on first read. */
const FLASH_MAX_AGE_S = 60;

const flashCookie = createCookie("ce_flash", {
  httpOnly: true,
  sameSite: "lax",
  // Secure over HTTPS only: server.ts sets or clears the attribute per response (cookieForTransport).
  secure: false,
  path: "/",
  maxAge: FLASH_MAX_AGE_S,
  secrets: [env.SESSION_SECRET],
});

/**
 * A 303 redirect to `to` (a path on this site, or /login — where 注册 and 重置密码 lead, though
 * safeRedirect refuses it as a place to go after signing in; anything else goes to "/") carrying
 * `message` as a flash. `headers` are added to the response (e.g. a session cookie).
 */
export async function redirectWithFlash(
  to: string,
  message: string,
  { tone = "success", headers }: { tone?: Flash["tone"]; headers?: HeadersInit } = {},
): Promise<Response> {
  const flash: Flash = { tone, message, id: crypto.randomUUID() };
  const out = new Headers(headers);
  out.append("Set-Cookie", await flashCookie.serialize(flash));
  return redirect(to === "/login" ? to : safeRedirect(to), { status: 303, headers: out });
}

/**
 * The flash `request` carries (null when none, or when the cookie is forged, expired or
 * unreadable) and the Set-Cookie header that clears it (null when there was nothing to clear).
 */
export async function takeFlash(request: Request): Promise<{ flash: Flash | null; clear: string | null }> {
  const header = request.headers.get("cookie");
  if (!header?.includes("ce_flash=")) return { flash: null, clear: null };
  const clear = await flashCookie.serialize("", { maxAge: 0 });
  const parsed = Flash.safeParse(await flashCookie.parse(header).catch(() => null));
  return { flash: parsed.success ? parsed.data : null, clear };
}

/** The page's own URL (path and query), for an action that redirects back to where it was posted from. */
export function samePage(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete("index");
  return `${url.pathname}${url.search}`;
}

/** The flash a redirect `response` sets (null when it sets none), for answering a repeated submission the same way. */
export async function flashOf(response: Response): Promise<Pick<Flash, "tone" | "message"> | null> {
  for (const setCookie of response.headers.getSetCookie()) {
    if (!setCookie.startsWith("ce_flash=")) continue;
    const parsed = Flash.safeParse(await flashCookie.parse(setCookie.split(";")[0] ?? "").catch(() => null));
    if (parsed.success) return { tone: parsed.data.tone, message: parsed.data.message };
  }
  return null;
}
