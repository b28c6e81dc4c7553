import { type ApiTokenPermission, callerUnit, type Principal, type UnitKind } from "@ce/contracts";
import { hitWindow } from "@ce/service-kit";
import { lockAndCountRecentUses, type TokenWithUnits, tokenByHash } from "../db/api-tokens.ts";
import type { ReportingDeps } from "../deps.ts";
import { ANONYMOUS_CALL_LIMIT, presentedCredential, type Refusal, refusals, secondsUntilWindowFrees, tokenRefusal } from "../domain/api-token.ts";
import { hashTokenSecret, looksLikeTokenSecret } from "./secret.ts";

/** The window a token's rate is counted over (ms): its `ratePerMinute` calls per minute. */
export const RATE_WINDOW_MS = 60_000;

/** One call of the HTTP API as it arrived: the Authorization header, the operation, and what the log records. */
export interface ApiCallRequest {
  /** The raw `Authorization` header (expects "Bearer cet_…"), or null. */
  authorization: string | null;
  /** The report permission the operation needs (contracts apiTokenPermissions); null for a path or method that names no operation (the token is still checked and the call logged). */
  procedure: ApiTokenPermission | null;
  /** What api_token_use.procedure records: the permission, or what was asked for when it names none ("unknown POST /x"). */
  logAs: string;
  clientIp: string | null;
  requestId: string;
}

/** A call let through: the token, the use row to complete, and the principal the use cases run as. */
export interface ApiCaller {
  tokenId: string;
  useId: bigint;
  /**
   * The token seen as a caller of the statistics use cases: its scope unit and subtree (current
   * path), holding only stats.view, never a super admin; `accountId` is the token's id, so the
   * 证件号 lookup budget and log (security/id-lookup.ts) count per token.
   */
  principal: Principal;
  /** 证件号查询上限（次/日）: the token's own daily budget of lookups by 证件号 (not an admin's). */
  idLookupsPerDay: number;
  clientIp: string | null;
  requestId: string;
}

/** A refused call: the refusal, and the seconds to wait when it is a rate (the answer's Retry-After). */
export type ApiCallCheck = { ok: true; caller: ApiCaller } | { ok: false; refusal: Refusal; retryAfterS: number | null };

/** The Redis counter of an address's calls without a usable token (ANONYMOUS_CALL_LIMIT). */
const anonymousKey = (clientIp: string | null) => `api-anon:${clientIp ?? "unknown"}`;

/**
 * The one gate of every HTTP API request (api-tokens/http.ts runs it before reading the body or
 * resolving the operation): finds the token by the SHA-256 of the bearer secret and refuses —
 * logging the refusal in api_token_use with the token (when known), `logAs`, instant, address and
 * request id — a missing, malformed or unknown token, a revoked or expired one, a procedure it was
 * not granted, a scope no longer under the creating unit, and a call beyond its calls per minute
 * (counted from the log under a per-token lock). Calls without a usable token are first counted
 * per address in Redis (service-kit hitWindow, ANONYMOUS_CALL_LIMIT) before any database write:
 * beyond the limit they are refused 429 with no row and one warning per window. A call let through
 * is logged as ANSWERED at once (rows unknown yet; `finishApiCall` completes it) and stamps the
 * token's `last_used_at`. Raises only on database or Redis errors.
 */
export async function authenticateApiCall(deps: Pick<ReportingDeps, "db" | "now" | "redis" | "log">, req: ApiCallRequest): Promise<ApiCallCheck> {
  const at = deps.now();
  const logRow = (tokenId: string | null, outcome: string) => ({
    data: { tokenId, occurredAt: at, procedure: req.logAs, outcome, clientIp: req.clientIp, requestId: req.requestId },
    select: { id: true },
  });
  const anonymous = async (refusal: Refusal): Promise<ApiCallCheck> => {
    const { count, retryAfterS } = await hitWindow(deps.redis, anonymousKey(req.clientIp), ANONYMOUS_CALL_LIMIT.windowS);
    if (count > ANONYMOUS_CALL_LIMIT.max) {
      if (count === ANONYMOUS_CALL_LIMIT.max + 1)
        deps.log.warn(
          { clientIp: req.clientIp, requestId: req.requestId, limit: ANONYMOUS_CALL_LIMIT },
          "API calls without a valid token refused from this address until the window ends",
        );
      return { ok: false, refusal: refusals.addressLimited(), retryAfterS };
    }
    await deps.db.apiTokenUse.create(logRow(null, refusal.outcome));
    return { ok: false, refusal, retryAfterS: null };
  };
  const presented = presentedCredential(req.authorization);
  if (presented.kind === "none") return anonymous(refusals.noToken());
  if (presented.kind === "malformed") return anonymous(refusals.malformed(presented.why));
  if (!looksLikeTokenSecret(presented.secret)) return anonymous(refusals.unknown());
  const token = await tokenByHash(deps.db, hashTokenSecret(presented.secret));
  if (!token) return anonymous(refusals.unknown());
  return deps.db.$transaction(async (tx): Promise<ApiCallCheck> => {
    const refused = tokenRefusal(token, req.procedure, at, token.scopePath, token.ownerPath);
    const recent = refused === null ? await lockAndCountRecentUses(tx, token.id, new Date(at.getTime() - RATE_WINDOW_MS)) : { count: 0, oldest: null };
    const overRate = refused === null && recent.count >= token.ratePerMinute;
    const refusal = refused ?? (overRate ? refusals.rateLimited(token.ratePerMinute) : null);
    const use = await tx.apiTokenUse.create(logRow(token.id, refusal?.outcome ?? "ANSWERED"));
    if (refusal) return { ok: false, refusal, retryAfterS: overRate ? secondsUntilWindowFrees(recent.oldest ?? at, RATE_WINDOW_MS, at) : null };
    await tx.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: at } });
    return {
      ok: true,
      caller: {
        tokenId: token.id,
        useId: use.id,
        principal: tokenPrincipal(token, at),
        idLookupsPerDay: token.idLookupsPerDay,
        clientIp: req.clientIp,
        requestId: req.requestId,
      },
    };
  });
}

/**
 * Completes a let-through call's log row: the rows answered, or the outcome `REFUSED_<code>`
 * when the use case refused it (e.g. REFUSED_NOT_FOUND for a unit outside the token's subtree)
 * or `FAILED` for a fault of ours. Raises only on database errors.
 */
export async function finishApiCall(deps: Pick<ReportingDeps, "db">, useId: bigint, result: { rows: number } | { errorCode: string }): Promise<void> {
  await deps.db.apiTokenUse.update({
    where: { id: useId },
    data:
      "rows" in result
        ? { rowsReturned: result.rows }
        : { outcome: result.errorCode === "INTERNAL_SERVER_ERROR" ? "FAILED" : `REFUSED_${result.errorCode}`, rowsReturned: 0 },
  });
}

function tokenPrincipal(token: TokenWithUnits, at: Date): Principal {
  const kind = (token.scopeUnitKind ?? "EMPLOYER") as UnitKind;
  return {
    sessionId: `api-token:${token.id}`,
    accountId: token.id,
    userType: kind,
    name: token.name,
    unitId: token.scopeUnitId,
    unitName: token.scopeUnitName,
    scopePath: token.scopePath,
    ...callerUnit(token.scopePath ? { kind, path: token.scopePath } : null),
    isSuperAdmin: false,
    permissions: ["stats.view"],
    mustChangePassword: false,
    remember: false,
    createdAt: at.toISOString(),
  };
}
