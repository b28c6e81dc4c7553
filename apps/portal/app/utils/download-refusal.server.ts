import type { LoaderFunctionArgs } from "@remix-run/node";
import { createCookie, data, redirect } from "@remix-run/node";
import { z } from "zod";
import { env } from "./env.server.ts";
import { classifyError, isThrownData } from "./errors.server.ts";
import { mustSeal } from "./id-search.server.ts";
import { describeThrown, errorAnswer } from "./resource.server.ts";
import { redirectToLogin } from "./session.server.ts";

/**
 * Every resource route that answers a file — 查询统计's downloads (导出Excel / 导出CSV, 人年抽取),
 * 查看申报记录's 导出, 学时证明's 下载PDF (个人 and 学习记录), 批量导入's 下载模板 and 导出失败信息,
 * and the attachments (学时申报's, 人员调转's) — leaves its page for a route that can answer with
 * bytes but not with the page. A refusal there — a field that does not parse, one the service
 * refuses (开始年度 too early, 统计时间 after today), too many rows, a revoked or unknown proof, an
 * attachment of another unit — used to be the bare 出错了 page, without the menu or the form.
 * Instead `downloadLoader` sends the person back (303) to the page they came from, its filters as
 * typed in the address, and the message follows in a signed one-time cookie for that page's path:
 * the page (`takeRefusal`, or `pageWithRefusal` for a page without filters) shows it next to the
 * field it names, or above its table when it names none. The message never travels in the URL, so
 * a link cannot make a page say something. downloads.server.test.ts covers every such route.
 */

/** What a refused download tells the page it came from. */
export const Refusal = z.object({
  /** The page's path: only that page shows it. */
  path: z.string().min(1).max(300),
  /** The field it names (a query name of the page's form, e.g. fromYear), or null. */
  field: z.string().max(40).nullable(),
  message: z.string().min(1).max(500),
});
export type Refusal = z.infer<typeof Refusal>;

const refusalCookie = createCookie("ce_refusal", {
  httpOnly: true,
  sameSite: "lax",
  // Secure over HTTPS only: server.ts sets or clears the attribute per response (cookieForTransport).
  secure: false,
  path: "/",
  // As long as a redirect takes to follow; the page clears it on first read.
  maxAge: 60,
  secrets: [env.SESSION_SECRET],
});

/** The field a thrown refusal names: a service's first field error, or a `field` the thrown data carries (serviceDownload). */
function refusedField(error: unknown): string | null {
  if (isThrownData(error)) {
    const field = (error.data as { field?: unknown } | null)?.field;
    return typeof field === "string" && field.length > 0 ? field : null;
  }
  const failure = classifyError(error);
  if (!("fieldErrors" in failure)) return null;
  return Object.keys(failure.fieldErrors)[0] ?? null;
}

/**
 * What a refused download says, as a Refusal for `back`'s path: the Chinese message (a service's
 * own, the portal's 400 for a filter — a thrown data() or a JSON Response —, 系统繁忙 with the
 * logged error number for anything unexpected) and the field it names.
 */
export async function refusalOf(request: Request, error: unknown, back: string): Promise<Refusal> {
  const path = new URL(back, "http://portal").pathname;
  if (error instanceof Response) {
    const said = (await error
      .clone()
      .json()
      .catch(() => null)) as { message?: unknown; field?: unknown } | null;
    const message = typeof said?.message === "string" && said.message.length > 0 ? said.message : describeThrown(request, error).message;
    return { path, field: typeof said?.field === "string" ? said.field : null, message };
  }
  if (isThrownData(error)) return { path, field: refusedField(error), message: describeThrown(request, error).message };
  const failure = classifyError(error);
  if (failure.kind === "unexpected" || failure.kind === "unavailable") {
    // describeThrown logs it with an error number the message carries.
    return { path, field: null, message: describeThrown(request, error).message };
  }
  return { path, field: refusedField(error), message: failure.message };
}

/**
 * A file route's loader (or action: 导出失败信息 posts its file): `load` answers with the file;
 * whatever it throws — but a redirect (to /login) and an expired session (to /login) — answers
 * with a 303 back to `back(args)` (the page and its filters as typed) carrying the Refusal, which
 * that page shows (takeRefusal). An image the browser fetches for a page (an attachment's
 * thumbnail: Accept image/…) is no navigation: it gets the status and `{ message }` only, and
 * leaves no message for a page the person is not on.
 */
export function downloadLoader(back: (args: LoaderFunctionArgs) => string, load: (args: LoaderFunctionArgs) => Promise<Response>) {
  return async (args: LoaderFunctionArgs): Promise<Response> => {
    try {
      return await load(args);
    } catch (error) {
      if (error instanceof Response && error.status >= 300 && error.status < 400) return error;
      if (classifyError(error).kind === "unauthorized") return redirectToLogin(args.request);
      if ((args.request.headers.get("accept") ?? "").startsWith("image/")) return errorAnswer(args.request, error);
      const to = back(args);
      const refusal = await refusalOf(args.request, error, to);
      return redirect(to, { status: 303, headers: { "Set-Cookie": await refusalCookie.serialize(refusal), "Cache-Control": "no-store" } });
    }
  };
}

/**
 * The refusal a download left for this page (null when none, when it is for another page, or when
 * the cookie is forged, expired or unreadable), and the Set-Cookie that clears it (null when there
 * was nothing to clear): the page's loader answers with it, so a reload shows nothing again.
 */
export async function takeRefusal(request: Request): Promise<{ refusal: Refusal | null; clear: string | null }> {
  const header = request.headers.get("cookie");
  if (!header?.includes("ce_refusal=")) return { refusal: null, clear: null };
  const clear = await refusalCookie.serialize("", { maxAge: 0 });
  const parsed = Refusal.safeParse(await refusalCookie.parse(header).catch(() => null));
  const here = new URL(request.url).pathname;
  return { refusal: parsed.success && parsed.data.path === here ? parsed.data : null, clear };
}

/**
 * A page loader's answer for a page a file route returns to (downloadLoader's `back`) that has no
 * filters of its own to put the message by: `body` with `refused` — the refusal's message for this
 * page, or null — and the cookie cleared (the page exports `headers = loaderHeaders`). Show it with
 * components/Notice.tsx DownloadRefusal.
 */
export async function pageWithRefusal<T extends object>(request: Request, body: T) {
  const { refusal, clear } = await takeRefusal(request);
  return data({ ...body, refused: refusal?.message ?? null }, clear ? { headers: { "Set-Cookie": clear } } : undefined);
}

/**
 * The page a download of `request` returns to: `pagePath` with the download's query as typed,
 * less `drop` (an export's `format`: the page has no such filter) and less any 证件号 (a value that
 * must be sealed, id-search mustSeal): a full ID number never goes back into an address.
 */
export function backTo(request: Request, pagePath: string, drop: readonly string[] = []): string {
  const query = new URL(request.url).searchParams;
  for (const name of drop) query.delete(name);
  for (const [name, value] of [...query]) if (mustSeal(name, value)) query.delete(name);
  const s = query.toString();
  return s ? `${pagePath}?${s}` : pagePath;
}
