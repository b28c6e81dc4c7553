import { likePrefix, quoteIdent } from "@ce/service-kit";
import { SCHEMA } from "../config.ts";
import type { Db } from "./client.ts";

const S = quoteIdent(SCHEMA);

/**
 * Which of the given 证件号 blind indexes already belong to an account of a unit under
 * `scopePath`, mapped to the account's id; one query over the id_number_hash index per call, so
 * callers pass batches (a number's indexes under every type: security/pii.ts blindIndexesOfNumber).
 * Accounts elsewhere are not reported: the caller may not learn that they exist.
 */
export async function registeredIdHashes(db: Db, hashes: readonly string[], scopePath: string): Promise<Map<string, string>> {
  if (hashes.length === 0) return new Map();
  // One array parameter (= ANY): a dry run's batch holds ~5,000 hashes, and Prisma's `in` bound each
  // as its own parameter — ~0.25 s a batch, most of the 校验's time against the database.
  const rows = await db.$queryRawUnsafe<{ id: string; h: string }[]>(
    `SELECT a.id::text AS id, a.id_number_hash AS h
       FROM ${S}.account a JOIN ${S}.unit u ON u.id = a.unit_id
      WHERE a.id_number_hash = ANY($1::text[]) AND u.path LIKE $2`,
    [...hashes],
    likePrefix(scopePath),
  );
  return new Map(rows.map((r) => [r.h, r.id]));
}

/** One pii_access_log row for a batch check of ID numbers (批量导入's dry run): who, how many, no subject. */
export async function logIdBatchCheck(db: Db, entry: { viewerId: string; purpose: string; requestId: string | null; field: string }): Promise<void> {
  await db.piiAccessLog.create({
    data: { viewerId: entry.viewerId, subjectId: null, fields: [entry.field], purpose: entry.purpose, requestId: entry.requestId },
  });
}
