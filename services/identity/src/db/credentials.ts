import { quoteIdent } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import type { CredentialHoldings } from "../domain/credentials.ts";
import type { Tx } from "./client.ts";

const accountTable = Prisma.raw(`${quoteIdent(SCHEMA)}.account`);

/**
 * What an account holds — its admin grant (any status) and professional record (any status), each
 * with its unit's path — for domain mayControlCredentials. Locks the account row first (FOR
 * UPDATE), so a grant attached concurrently waits for the caller's transaction. Null when there
 * is no such account.
 */
export async function lockCredentialHoldings(tx: Tx, accountId: string): Promise<CredentialHoldings | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM ${accountTable} WHERE id = ${accountId}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  const row = await tx.account.findUniqueOrThrow({
    where: { id: accountId },
    select: {
      admin: { select: { unitId: true, unit: { select: { path: true } } } },
      professional: { select: { unitId: true, unit: { select: { path: true } } } },
    },
  });
  return {
    accountId,
    adminGrant: row.admin && { unitId: row.admin.unitId, unitPath: row.admin.unit.path },
    professional: row.professional && { unitId: row.professional.unitId, unitPath: row.professional.unit.path },
  };
}
