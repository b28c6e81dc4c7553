import { prefixFilter } from "@ce/service-kit";
import type { Db } from "./client.ts";

/**
 * Which of the given 证件号 blind indexes already belong to an account of a unit under
 * `scopePath`, mapped to the account's id; one query over the id_number_hash index per call, so
 * callers pass batches (a number's indexes under every type: security/pii.ts blindIndexesOfNumber).
 * Accounts elsewhere are not reported: the caller may not learn that they exist.
 */
export async function registeredIdHashes(db: Db, hashes: readonly string[], scopePath: string): Promise<Map<string, string>> {
  if (hashes.length === 0) return new Map();
  const rows = await db.account.findMany({
    where: { idNumberHash: { in: [...hashes] }, unit: { path: prefixFilter(scopePath) } },
    select: { id: true, idNumberHash: true },
  });
  return new Map(rows.map((r) => [r.idNumberHash, r.id]));
}

/** One pii_access_log row for a batch check of ID numbers (批量导入's dry run): who, how many, no subject. */
export async function logIdBatchCheck(db: Db, entry: { viewerId: string; purpose: string; requestId: string | null; field: string }): Promise<void> {
  await db.piiAccessLog.create({
    data: { viewerId: entry.viewerId, subjectId: null, fields: [entry.field], purpose: entry.purpose, requestId: entry.requestId },
  });
}
