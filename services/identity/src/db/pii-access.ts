import { prefixFilter } from "@ce/service-kit";
import type { Tx } from "./client.ts";

/** The encrypted ID number and phone of a professional of a unit under `scopePath`; null otherwise. */
export function encryptedPii(tx: Tx, scopePath: string, accountId: string) {
  return tx.professional.findFirst({
    where: { accountId, unit: { path: prefixFilter(scopePath) } },
    select: { account: { select: { idNumberEnc: true, phoneEnc: true } } },
  });
}

/** Records one view of clear personal data: who, whom, which fields, why, in which request. */
export async function logPiiAccess(
  tx: Tx,
  entry: { viewerId: string; subjectId: string; fields: string[]; purpose: string | null; requestId: string | null },
): Promise<void> {
  await tx.piiAccessLog.create({ data: entry });
}
