import { likePrefix } from "@ce/service-kit";
import type { Db } from "./client.ts";

/** Approved units in a scope subtree, counted per kind (one index range scan on path). */
export function countUnitsInScope(db: Db, scopePath: string) {
  return db.$queryRaw<Array<{ kind: string; count: number }>>`
    SELECT kind, count(*)::int AS count FROM reporting.unit_replica
    WHERE path LIKE ${likePrefix(scopePath)} AND status = 'APPROVED'
    GROUP BY kind`;
}
