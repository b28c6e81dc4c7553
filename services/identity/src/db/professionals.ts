import { prefixFilter } from "@ce/service-kit";
import type { Tx } from "./client.ts";

/** A professional (any status) of a unit inside `scopePath`, with the name shown in the audit trail; null otherwise. */
export async function professionalInScope(tx: Tx, scopePath: string, accountId: string): Promise<{ unitId: string; name: string } | null> {
  const row = await tx.professional.findFirst({
    where: { accountId, unit: { path: prefixFilter(scopePath) } },
    select: { unitId: true, account: { select: { name: true } } },
  });
  return row && { unitId: row.unitId, name: row.account.name };
}
