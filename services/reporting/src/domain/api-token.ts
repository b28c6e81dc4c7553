import { type ApiTokenPermission, type ApiTokenStatus, apiTokenPermissionLabels, formatDateTime, isWithinScope } from "@ce/contracts";

/** The facts about a token that decide whether one call is answered (a row of reporting.api_token). */
export interface TokenState {
  permissions: readonly string[];
  expiresAt: Date;
  revokedAt: Date | null;
  ratePerMinute: number;
}

/** 有效 / 已过期 / 已撤销 at `now`: revocation wins over expiry; a token expires at `expiresAt` exactly. */
export function tokenStatus(t: Pick<TokenState, "expiresAt" | "revokedAt">, now: Date): ApiTokenStatus {
  if (t.revokedAt !== null) return "REVOKED";
  return now.getTime() >= t.expiresAt.getTime() ? "EXPIRED" : "ACTIVE";
}

/** When a token made at `createdAt` for `validDays` days expires (days of 24 hours, ms exact). */
export function expiryOf(createdAt: Date, validDays: number): Date {
  return new Date(createdAt.getTime() + validDays * 86_400_000);
}

/** Why a call with a token is refused; the outcome written to api_token_use. */
export type Refusal =
  | { outcome: "NO_TOKEN" | "MALFORMED_AUTHORIZATION" | "UNKNOWN_TOKEN"; code: "UNAUTHORIZED"; message: string }
  | { outcome: "REVOKED" | "EXPIRED"; code: "UNAUTHORIZED"; message: string }
  | { outcome: "NOT_PERMITTED" | "OUT_OF_SCOPE"; code: "FORBIDDEN"; message: string }
  | { outcome: "RATE_LIMITED" | "ADDRESS_LIMITED"; code: "TOO_MANY_REQUESTS"; message: string };

/**
 * Calls without a usable token (none, malformed, unknown) one address may make in a window before
 * they are refused 429 without a database row: a scanner or a broken script cannot fill
 * api_token_use or spend the database on lookups. 30 a minute is far above any honest retry.
 */
export const ANONYMOUS_CALL_LIMIT = { max: 30, windowS: 60 } as const;

export const refusals = {
  noToken: (): Refusal => ({
    outcome: "NO_TOKEN",
    code: "UNAUTHORIZED",
    message: "缺少接口令牌：请在请求头中提供 Authorization: Bearer <令牌>",
  }),
  /** An Authorization header that is not one bearer token: another scheme (`Basic …`), several tokens, or no secret after "Bearer". */
  malformed: (why: string): Refusal => ({
    outcome: "MALFORMED_AUTHORIZATION",
    code: "UNAUTHORIZED",
    message: `Authorization 请求头无效：${why}；应为 Authorization: Bearer <令牌>`,
  }),
  unknown: (): Refusal => ({ outcome: "UNKNOWN_TOKEN", code: "UNAUTHORIZED", message: "接口令牌无效，请向本单位超级管理员申请新的令牌" }),
  rateLimited: (perMinute: number): Refusal => ({
    outcome: "RATE_LIMITED",
    code: "TOO_MANY_REQUESTS",
    message: `接口令牌调用过于频繁：每分钟最多${perMinute}次，请稍后再试`,
  }),
  addressLimited: (): Refusal => ({
    outcome: "ADDRESS_LIMITED",
    code: "TOO_MANY_REQUESTS",
    message: `来自本地址的无有效令牌请求过多：每分钟最多${ANONYMOUS_CALL_LIMIT.max}次，请稍后再试`,
  }),
};

/** What an Authorization header presents: nothing, one bearer secret, or something else (`why` in Chinese). */
export type PresentedCredential = { kind: "none" } | { kind: "bearer"; secret: string } | { kind: "malformed"; why: string };

/**
 * Reads an Authorization header as the API takes it: exactly `Bearer <secret>` (scheme in any
 * case, one secret). Another scheme, "Bearer" with no secret or with several are `malformed`,
 * each with the reason; an absent or blank header is `none`. Pure.
 */
export function presentedCredential(authorization: string | null): PresentedCredential {
  const value = (authorization ?? "").trim();
  if (value === "") return { kind: "none" };
  const [scheme = "", ...rest] = value.split(/\s+/);
  if (scheme.toLowerCase() !== "bearer") return { kind: "malformed", why: `不支持“${scheme.slice(0, 20)}”认证方式` };
  if (rest.length === 0) return { kind: "malformed", why: "Bearer 后没有令牌" };
  if (rest.length > 1 || rest[0]?.includes(",")) return { kind: "malformed", why: "只能提供一个令牌" };
  return { kind: "bearer", secret: rest[0] as string };
}

/** Seconds until a fixed window that began with the call at `oldest` lets the next call through (at least 1). Pure. */
export function secondsUntilWindowFrees(oldest: Date, windowMs: number, now: Date): number {
  return Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000));
}

/**
 * Whether a known token may call `procedure` at `now` with its scope unit at `scopePath` (null:
 * the unit is gone) and the owning unit at `ownerPath`: revoked, expired, a procedure not granted,
 * a scope no longer under the owner (the unit moved, or is gone) — each a Refusal with a Chinese
 * message; null when the call may go on (the rate is counted separately). `procedure` null (a
 * path that names no operation) checks all but the permission. Pure; order as listed.
 */
export function tokenRefusal(
  t: TokenState,
  procedure: ApiTokenPermission | null,
  now: Date,
  scopePath: string | null,
  ownerPath: string | null,
): Refusal | null {
  const status = tokenStatus(t, now);
  if (status === "REVOKED") return { outcome: "REVOKED", code: "UNAUTHORIZED", message: "接口令牌已撤销，请向本单位超级管理员申请新的令牌" };
  if (status === "EXPIRED")
    return { outcome: "EXPIRED", code: "UNAUTHORIZED", message: `接口令牌已于${formatDateTime(t.expiresAt)}过期，请向本单位超级管理员申请新的令牌` };
  if (procedure !== null && !t.permissions.includes(procedure))
    return { outcome: "NOT_PERMITTED", code: "FORBIDDEN", message: `接口令牌没有“${apiTokenPermissionLabels[procedure]}”的权限` };
  if (scopePath === null || ownerPath === null || !isWithinScope(ownerPath, scopePath))
    return { outcome: "OUT_OF_SCOPE", code: "FORBIDDEN", message: "接口令牌的数据范围已不在创建单位的管理范围内，请重新申请令牌" };
  return null;
}

/**
 * How many rows an answer holds, for the use log: a page's or list's `items`, a table's `rows`,
 * `people`, `months` or `years`; any other object is one row (a person's detail). Pure.
 */
export function rowsReturned(answer: unknown): number {
  if (answer === null || typeof answer !== "object") return 0;
  for (const key of ["items", "rows", "people", "months", "years"]) {
    const v = (answer as Record<string, unknown>)[key];
    if (Array.isArray(v)) return v.length;
  }
  return 1;
}
