// 学时证明's table (migration 0010): the proofs issued, and the public verification log that is
// also its per-address budget. Only the live schema holds them (the rebuild does not).
import { fromDateColumn, type HoursProof, HoursProofStatus } from "@ce/contracts";
import { dbValue, quoteIdent, type SqlClient } from "@ce/service-kit";
import type { HoursProof as HoursProofRow } from "../../generated/prisma/client.ts";
import type { YearHours } from "../domain/hours-proof.ts";
import type { Db, Tx } from "./client.ts";

export type { HoursProofRow };

/** A stored proof as the contracts shape it (学时 totals computed, instants ISO, the issue date a Beijing date). */
export function proofView(row: HoursProofRow): HoursProof {
  return {
    proofId: row.id,
    proofNo: row.proofNo,
    code: row.code,
    accountId: row.accountId,
    nameMasked: row.nameMasked,
    idNumberMasked: row.idNumberMasked,
    unitName: row.unitName,
    year: row.year,
    general: row.generalHours,
    professional: row.professionalHours,
    total: row.generalHours + row.professionalHours,
    compliant: row.compliant,
    issuedOn: fromDateColumn(row.issuedOn),
    issuedAt: row.issuedAt.toISOString(),
    status: dbValue(HoursProofStatus, row.status, "reporting.hours_proof.status"),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason: row.revokedReason,
  };
}

/** The person-year's valid proof, or null. */
export function validProof(db: Db | Tx, accountId: string, year: number): Promise<HoursProofRow | null> {
  return db.hoursProof.findFirst({ where: { accountId, year, status: "VALID" } });
}

/** The next 证明编号 serial (sequence reporting.hours_proof_no_seq, from 1). */
export async function nextProofSerial(tx: Tx): Promise<number> {
  const [row] = await tx.$queryRaw<Array<{ n: number }>>`SELECT nextval('reporting.hours_proof_no_seq')::int AS n`;
  if (!row) throw new Error("hours_proof_no_seq returned no row");
  return row.n;
}

/** Marks one valid proof 已撤销 at `at` with `reason` (no-op when it is no longer valid). */
export async function revokeProof(db: Db | Tx, proofId: string, at: Date, reason: string): Promise<void> {
  await db.hoursProof.updateMany({ where: { id: proofId, status: "VALID" }, data: { status: "REVOKED", revokedAt: at, revokedReason: reason } });
}

/**
 * For the hours handlers (inside the inbox's transaction, on `schema`'s proofs): the person-year's
 * valid proof's id and hours, or null. Raw SQL over the handler's client, as every projection.
 */
export async function validProofHours(tx: SqlClient, schema: string, accountId: string, year: number): Promise<(YearHours & { id: string }) | null> {
  const [row] = await tx.$queryRawUnsafe<Array<YearHours & { id: string }>>(
    `SELECT id::text AS id, general_hours AS general, professional_hours AS professional
     FROM ${quoteIdent(schema)}.hours_proof WHERE account_id = $1::uuid AND year = $2 AND status = 'VALID'`,
    accountId,
    year,
  );
  return row ?? null;
}

/** revokeProof for the hours handlers, over their raw client. */
export async function revokeProofRaw(tx: SqlClient, schema: string, proofId: string, at: Date, reason: string): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE ${quoteIdent(schema)}.hours_proof SET status = 'REVOKED', revoked_at = $2, revoked_reason = $3 WHERE id = $1::uuid AND status = 'VALID'`,
    proofId,
    at,
    reason,
  );
}
