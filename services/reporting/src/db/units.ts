import { likePrefix, quoteIdent, type SqlClient } from "@ce/service-kit";
import type { Db } from "./client.ts";

/** Approved units in a scope subtree, counted per kind (one index range scan on path). */
export function countUnitsInScope(db: Db, scopePath: string) {
  return db.$queryRaw<Array<{ kind: string; count: number }>>`
    SELECT kind, count(*)::int AS count FROM reporting.unit_replica
    WHERE path LIKE ${likePrefix(scopePath)} AND status = 'APPROVED'
    GROUP BY kind`;
}

/** Adds one unit to its registration day's count (run once per unit.created: the inbox sees to that). */
export async function countUnitRegistration(tx: SqlClient, schema: string, bucket: { day: string; kind: string; region: string }): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO ${quoteIdent(schema)}.unit_registration_daily (day, kind, region, count) VALUES ($1::date, $2, $3, 1)
     ON CONFLICT (day, kind, region) DO UPDATE SET count = unit_registration_daily.count + 1`,
    bucket.day,
    bucket.kind,
    bucket.region,
  );
}
