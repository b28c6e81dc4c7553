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
