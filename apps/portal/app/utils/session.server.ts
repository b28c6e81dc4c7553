import type { Me } from "@ce/contracts";
import { type AppLoadContext, createCookieSessionStorage, data, redirect } from "@remix-run/node";
import type { z } from "zod";
import { type Api, createApi } from "./api.server.ts";
import { env } from "./env.server.ts";
import { classifyError, errorResponse } from "./errors.server.ts";
import { logError } from "./log.server.ts";
import { canOpen, locate } from "./menu.ts";
import { parseListQuery } from "./query.ts";
import { loginPath } from "./redirect.ts";

/** 记住密码 keeps the cookie (and the identity session) for 14 days; otherwise it ends with the browser. */
export const REMEMBER_MAX_AGE_S = 14 * 24 * 60 * 60;

const TOKEN_KEY = "token";

const storage = createCookieSessionStorage<{ [TOKEN_KEY]: string }>({
  cookie: {
    name: "ce_session",
    httpOnly: true,
    sameSite: "lax",
    // Secure over HTTPS only: server.ts sets or clears the attribute per response (cookieForTransport).
    secure: false,
    path: "/",
    secrets: [env.SESSION_SECRET],
  },
});

async function sessionOf(request: Request) {
  return storage.getSession(request.headers.get("cookie"));
}

/** The identity session token the browser holds, if any. */
export async function getToken(request: Request): Promise<string | null> {
  const token = (await sessionOf(request)).get(TOKEN_KEY);
  return typeof token === "string" && token.length > 0 ? token : null;
}

/** Set-Cookie value that stores a fresh token after login. */
export async function commitToken(request: Request, token: string, remember: boolean): Promise<string> {
  const session = await sessionOf(request);
  session.set(TOKEN_KEY, token);
  return storage.commitSession(session, remember ? { maxAge: REMEMBER_MAX_AGE_S } : {});
}

/** Set-Cookie value that removes the session cookie. */
export async function destroySessionCookie(request: Request): Promise<string> {
  return storage.destroySession(await sessionOf(request));
}

/**
 * A redirect to /login that comes back here afterwards and drops the stale cookie. The login page
 * says why (redirect.ts loginNotices): a form sent without a live session was not saved; a page
 * asked for with a session cookie that no longer works means the session ended. A first visit
 * (no cookie, a page asked for) gets no notice.
 */
export async function redirectToLogin(request: Request): Promise<Response> {
  const sentForm = request.method !== "GET" && request.method !== "HEAD";
  const hadSession = (await getToken(request)) !== null;
  const reason = sentForm ? "unsaved" : hadSession ? "expired" : undefined;
  return redirect(loginPath(request.url, reason), { headers: { "Set-Cookie": await destroySessionCookie(request) } });
}

/**
 * What a loader or action does with a failed service call it cannot handle itself: an expired
 * session goes back to login; anything else becomes a Chinese error page (logged if unexpected).
 */
export async function rethrowServiceError(request: Request, error: unknown): Promise<never> {
  const failure = classifyError(error);
  if (failure.kind === "unauthorized") throw await redirectToLogin(request);
  if (failure.kind === "unexpected" || failure.kind === "unavailable") {
    logError(`service call failed (${failure.kind})`, error, { url: request.url });
  }
  throw errorResponse(failure);
}

export interface SignedIn {
  me: Me;
  api: Api;
}

// The layout and the page load in parallel for one request; both ask, identity answers once.
// Keyed by the load context: Remix hands each loader its own copy of the Request.
const signedInByContext = new WeakMap<AppLoadContext, Promise<SignedIn>>();

/** The signed-in user and service clients acting as them; otherwise a redirect to login. */
export function requireUser(request: Request, context: AppLoadContext | undefined): Promise<SignedIn> {
  if (!context) return loadSignedIn(request, context);
  let pending = signedInByContext.get(context);
  if (!pending) {
    pending = loadSignedIn(request, context);
    signedInByContext.set(context, pending);
  }
  return pending;
}

async function loadSignedIn(request: Request, context: AppLoadContext | undefined): Promise<SignedIn> {
  const token = await getToken(request);
  if (!token) throw await redirectToLogin(request);
  const api = createApi(request, context, token);
  let me: Me;
  try {
    me = await api.identity.auth.me.query();
  } catch (error) {
    return rethrowServiceError(request, error);
  }
  // A password someone else set: 修改密码 first (the services refuse everything else meanwhile).
  if (me.mustChangePassword && new URL(request.url).pathname !== CHANGE_PASSWORD_PATH) throw redirect(CHANGE_PASSWORD_PATH);
  return { me, api };
}

/** Where a session whose password is temporary is sent from every other page. */
export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * The signed-in user on one menu page: a 403 page unless their permissions open it (the same
 * rule that shows the page in the menu). `here` gives the breadcrumb.
 */
export async function requirePage(
  request: Request,
  context: AppLoadContext | undefined,
  path: string,
): Promise<SignedIn & { here: NonNullable<ReturnType<typeof locate>> }> {
  const signedIn = await requireUser(request, context);
  const here = locate(path);
  if (!here || !canOpen(signedIn.me, here.page)) throw data({ message: "您没有权限访问该页面" }, { status: 403 });
  return { ...signedIn, here };
}

/**
 * The data of a menu page's detail page (审核用人单位 › 详细, 调转记录 › 详情, …): requirePage on
 * the menu page's `path` (403 unless the user's permissions open it), `load` asked as the user (a
 * failed call goes through rethrowServiceError: login for an expired session, else the error page
 * — a 404 for a record not found or out of scope), and the trail section › page › `label`.
 */
export async function requireDetailPage<Detail>(
  request: Request,
  context: AppLoadContext | undefined,
  path: string,
  label: string,
  load: (api: Api) => Promise<Detail>,
): Promise<SignedIn & { trail: string[]; detail: Detail }> {
  const { me, api, here } = await requirePage(request, context, path);
  const detail = await load(api).catch((e) => rethrowServiceError(request, e));
  return { me, api, trail: [here.section.label, here.page.label, label], detail };
}

/**
 * The data of one menu list page: requirePage (403 unless the user's permissions open it), the
 * filters and paging read from the query string by the page's contracts `schema` (parseListQuery:
 * 400 naming a filter that does not parse), `list` asked with them as the user (a failed call goes
 * through rethrowServiceError: login for an expired session, else the error page), and the
 * breadcrumb trail (section › page).
 */
export async function requireListPage<S extends z.ZodType<object>, Result>(
  request: Request,
  context: AppLoadContext | undefined,
  path: string,
  schema: S,
  list: (api: Api, input: z.output<S>) => Promise<Result>,
): Promise<SignedIn & { trail: string[]; input: z.output<S>; result: Result }> {
  const { me, api, here } = await requirePage(request, context, path);
  const input = parseListQuery(schema, new URL(request.url).searchParams);
  const result = await list(api, input).catch((e) => rethrowServiceError(request, e));
  return { me, api, trail: [here.section.label, here.page.label], input, result };
}
