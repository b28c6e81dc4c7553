import { Prisma } from "../../generated/prisma/client.ts";
import type { Db, Tx } from "./client.ts";

/** A token row with the names and current paths of its units (unit_replica; null when a unit is gone). */
export interface TokenWithUnits {
  id: string;
  name: string;
  prefix: string;
  ownerUnitId: string;
  scopeUnitId: string;
  permissions: string[];
  ratePerMinute: number;
  /** 证件号查询上限（次/日）: the token's own daily budget of lookups by 证件号 (migration 0014). */
  idLookupsPerDay: number;
  createdByName: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  scopeUnitName: string | null;
  scopeUnitKind: string | null;
  scopePath: string | null;
  ownerPath: string | null;
}

const TOKEN_SELECT = Prisma.sql`
    SELECT t.id::text AS id, t.name, t.prefix, t.owner_unit_id::text AS "ownerUnitId", t.scope_unit_id::text AS "scopeUnitId",
           t.permissions, t.rate_per_minute AS "ratePerMinute", t.id_lookups_per_day AS "idLookupsPerDay",
           t.created_by_name AS "createdByName", t.created_at AS "createdAt",
           t.expires_at AS "expiresAt", t.revoked_at AS "revokedAt", t.last_used_at AS "lastUsedAt",
           s.name AS "scopeUnitName", s.kind AS "scopeUnitKind", s.path AS "scopePath", o.path AS "ownerPath"
    FROM reporting.api_token t
    LEFT JOIN reporting.unit_replica s ON s.id = t.scope_unit_id
    LEFT JOIN reporting.unit_replica o ON o.id = t.owner_unit_id`;
/** The token whose secret hashes to `hash`, with its units; null when none. */
export async function tokenByHash(db: Db | Tx, hash: Buffer): Promise<TokenWithUnits | null> {
  const [row] = await db.$queryRaw<TokenWithUnits[]>`
    ${TOKEN_SELECT}
    WHERE t.secret_hash = ${hash}`;
  return row ?? null;
}

/** A unit's tokens, newest first, with their units (what 接口令牌管理 lists). */
export async function tokensOfUnit(db: Db, ownerUnitId: string): Promise<TokenWithUnits[]> {
  return db.$queryRaw<TokenWithUnits[]>`
    ${TOKEN_SELECT}
    WHERE t.owner_unit_id = ${ownerUnitId}::uuid
    ORDER BY t.created_at DESC, t.id`;
}

/**
 * The token's calls counted against its rate since `since` (every use but those refused for the
 * rate itself) and the earliest of them (null when none; when the window frees a call), taken
 * under a transaction-scoped lock per token so parallel calls count one by one.
 */
export async function lockAndCountRecentUses(tx: Tx, tokenId: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`reporting:api-token:${tokenId}`}))`;
  const [row] = await tx.$queryRaw<Array<{ n: number; oldest: Date | null }>>`
    SELECT count(*)::int AS n, min(occurred_at) AS oldest FROM reporting.api_token_use
    WHERE token_id = ${tokenId}::uuid AND occurred_at > ${since} AND outcome <> 'RATE_LIMITED'`;
  return { count: row?.n ?? 0, oldest: row?.oldest ?? null };
}

/** One row of a token's use log with the 证件号 lookup the same call made (id_lookup_log by the token's id and the request id), if any. */
export interface TokenUse {
  id: bigint;
  occurredAt: Date;
  procedure: string;
  outcome: string;
  rowsReturned: number | null;
  clientIp: string | null;
  requestId: string | null;
  /** People the call's lookups by 证件号 found (null: the call made none). */
  lookupsFound: number | null;
}

/** How many uses a token's log holds (接口令牌管理 › 调用记录's total). */
export async function countTokenUses(db: Db, tokenId: string): Promise<number> {
  return db.apiTokenUse.count({ where: { tokenId } });
}

/**
 * One window of a token's uses, newest first (id breaks ties): api_token_use's index on
 * (token_id, occurred_at DESC) serves it; each row's 证件号 lookups are the id_lookup_log rows of
 * the token (viewer_id) with the same request id.
 */
export async function tokenUses(db: Db, tokenId: string, { limit, offset }: { limit: number; offset: number }): Promise<TokenUse[]> {
  return db.$queryRaw<TokenUse[]>`
    SELECT u.id, u.occurred_at AS "occurredAt", u.procedure, u.outcome, u.rows_returned AS "rowsReturned",
           u.client_ip AS "clientIp", u.request_id AS "requestId", l.found AS "lookupsFound"
    FROM reporting.api_token_use u
    LEFT JOIN LATERAL (
      SELECT sum(cardinality(found))::int AS found, count(*) AS n FROM reporting.id_lookup_log
      WHERE viewer_id = ${tokenId}::uuid AND request_id = u.request_id
    ) l ON l.n > 0
    WHERE u.token_id = ${tokenId}::uuid
    ORDER BY u.occurred_at DESC, u.id DESC
    LIMIT ${limit} OFFSET ${offset}`;
}
