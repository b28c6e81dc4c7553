import type { Db } from "./client.ts";

/** The professionals whose 证件号 has one of these blind indexes (reporting's replica: any status), by account id. */
export async function accountsByIdNumberHashes(db: Db, hashes: readonly string[]): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT account_id::text AS id FROM reporting.professional_replica
    WHERE id_number_hash = ANY(${[...hashes]}::text[]) ORDER BY account_id`;
  return rows.map((r) => r.id);
}
