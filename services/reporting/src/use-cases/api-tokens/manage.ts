import { randomUUID } from "node:crypto";
import {
  type ApiTokenIdInput,
  type ApiTokenList,
  type ApiTokenPermission,
  type ApiTokenRow,
  type ApiTokenUses,
  type ApiTokenUsesInput,
  type CreateApiTokenInput,
  type CreatedApiToken,
  DomainError,
  maskIpAddress,
  type Principal,
} from "@ce/contracts";
import { paginate } from "@ce/service-kit";
import { newTokenSecret } from "../../api-tokens/secret.ts";
import { countTokenUses, type TokenWithUnits, tokensOfUnit, tokenUses } from "../../db/api-tokens.ts";
import type { ReportingDeps } from "../../deps.ts";
import { expiryOf, tokenStatus } from "../../domain/api-token.ts";
import { type PrincipalCaller, unitInCallerScope } from "../statistics/scope.ts";

/**
 * The caller as a manager of API tokens: a super admin of a unit (identity's session says so).
 * DomainError FORBIDDEN ("只有超级管理员可以管理接口令牌") for anyone else.
 */
function tokenManager(principal: Principal): { unitId: string; scopePath: string; accountId: string; name: string } {
  if (!principal.isSuperAdmin || !principal.unitId || !principal.scopePath) throw new DomainError("FORBIDDEN", "只有超级管理员可以管理接口令牌");
  return { unitId: principal.unitId, scopePath: principal.scopePath, accountId: principal.accountId, name: principal.name };
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

function toRow(t: TokenWithUnits, now: Date): ApiTokenRow {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopeUnitId: t.scopeUnitId,
    scopeUnitName: t.scopeUnitName ?? "（单位已不存在）",
    permissions: t.permissions as ApiTokenPermission[],
    ratePerMinute: t.ratePerMinute,
    idLookupsPerDay: t.idLookupsPerDay,
    createdByName: t.createdByName,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
    status: tokenStatus(t, now),
  };
}

/**
 * 新建令牌: a token of the caller's unit for 数据范围 `scopeUnitId` (default the caller's unit; a
 * unit of their subtree), the report permissions chosen, `validDays` days (default 90, at most 365)
 * `ratePerMinute` calls a minute and `idLookupsPerDay` lookups by 证件号 a day (证件号查询上限（次/日）,
 * default 200, at most 5,000). Answers the row and the secret — shown this once; only its
 * SHA-256 is stored. Raises DomainError FORBIDDEN (not a super admin), NOT_FOUND on `scopeUnitId`
 * (unknown or outside the caller's subtree).
 */
export async function createApiToken(deps: ReportingDeps, { principal }: PrincipalCaller, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  const manager = tokenManager(principal);
  const scopeUnitId = input.scopeUnitId ?? manager.unitId;
  await unitInCallerScope(deps, scopeUnitId, manager.scopePath, "scopeUnitId", "数据范围");
  const { secret, prefix, hash } = newTokenSecret();
  const createdAt = deps.now();
  const id = randomUUID();
  await deps.db.apiToken.create({
    data: {
      id,
      name: input.name,
      prefix,
      secretHash: new Uint8Array(hash),
      ownerUnitId: manager.unitId,
      scopeUnitId,
      permissions: input.permissions,
      ratePerMinute: input.ratePerMinute,
      idLookupsPerDay: input.idLookupsPerDay,
      createdBy: manager.accountId,
      createdByName: manager.name,
      createdAt,
      expiresAt: expiryOf(createdAt, input.validDays),
    },
  });
  const row = (await tokensOfUnit(deps.db, manager.unitId)).find((t) => t.id === id);
  if (!row) throw new Error(`API token ${id} not found after insert`);
  return { token: toRow(row, createdAt), secret };
}

/** 接口令牌管理's list: every token of the caller's unit, newest first, with its status now. Raises DomainError FORBIDDEN (not a super admin). */
export async function listApiTokens(deps: ReportingDeps, { principal }: PrincipalCaller): Promise<ApiTokenList> {
  const manager = tokenManager(principal);
  const now = deps.now();
  return { items: (await tokensOfUnit(deps.db, manager.unitId)).map((t) => toRow(t, now)) };
}

/**
 * 撤销: the token stops answering at once (its next call is refused 已撤销 and logged). Raises
 * DomainError FORBIDDEN (not a super admin), NOT_FOUND on `id` (no such token of the caller's
 * unit), CONFLICT on `id` (already revoked). Nothing is deleted: the row and its use log stay.
 */
export async function revokeApiToken(deps: ReportingDeps, { principal }: PrincipalCaller, input: ApiTokenIdInput): Promise<ApiTokenRow> {
  const manager = tokenManager(principal);
  const now = deps.now();
  const revoked = await deps.db.apiToken.updateMany({
    where: { id: input.id, ownerUnitId: manager.unitId, revokedAt: null },
    data: { revokedAt: now, revokedBy: manager.accountId },
  });
  const row = (await tokensOfUnit(deps.db, manager.unitId)).find((t) => t.id === input.id);
  if (!row) throw new DomainError("NOT_FOUND", "令牌不存在或不属于本单位", "id");
  if (revoked.count === 0) throw new DomainError("CONFLICT", "该令牌已撤销", "id");
  return toRow(row, now);
}

/**
 * 调用记录: one page of a token's calls, newest first (时间, operation, outcome, rows answered, the
 * 证件号 lookup it made with how many people it found, the caller's address masked by contracts
 * maskIpAddress, the request id). Only a token of the caller's own unit: another unit's token id —
 * like an unknown one — raises DomainError NOT_FOUND on `id` ("令牌不存在或不属于本单位"), so no
 * other unit's log is ever read; FORBIDDEN for anyone not a super admin. A page past the end serves
 * the last (service-kit paginate).
 */
export async function listApiTokenUses(deps: ReportingDeps, { principal }: PrincipalCaller, input: ApiTokenUsesInput): Promise<ApiTokenUses> {
  const manager = tokenManager(principal);
  const token = (await tokensOfUnit(deps.db, manager.unitId)).find((t) => t.id === input.id);
  if (!token) throw new DomainError("NOT_FOUND", "令牌不存在或不属于本单位", "id");
  const page = await paginate(
    input,
    () => countTokenUses(deps.db, token.id),
    (window) => tokenUses(deps.db, token.id, window),
  );
  return {
    ...page,
    token: { id: token.id, name: token.name, prefix: token.prefix, status: tokenStatus(token, deps.now()) },
    items: page.items.map((u) => ({
      id: u.id.toString(),
      occurredAt: u.occurredAt.toISOString(),
      procedure: u.procedure,
      outcome: u.outcome,
      rows: u.rowsReturned,
      idLookup: u.lookupsFound === null ? null : { found: u.lookupsFound },
      clientAddress: maskIpAddress(u.clientIp),
      requestId: u.requestId,
    })),
  };
}
