import { quoteIdent, type SqlClient } from "@ce/service-kit";
import type { OutcomeFacts } from "../domain/declaration-outcome.ts";

/**
 * Merges one event's facts into `schema`.declaration_outcome: each id and text column keeps the
 * first non-null value written, audit_failed_at the earliest instant — so the row is the same
 * whatever order and however often the events arrive.
 */
export async function mergeDeclarationOutcome(tx: SqlClient, schema: string, f: OutcomeFacts): Promise<void> {
  const t = `${quoteIdent(schema)}.declaration_outcome`;
  await tx.$executeRawUnsafe(
    `INSERT INTO ${t} AS o (declaration_id, first_handler_id, declared_by_unit_id, decided_by_unit_id,
                       decided_by_account_id, decided_by_name, reject_reason_code, reject_reason, audit_failed_at)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6, $7, $8, $9::timestamptz)
     ON CONFLICT (declaration_id) DO UPDATE SET
       first_handler_id = coalesce(o.first_handler_id, EXCLUDED.first_handler_id),
       declared_by_unit_id = coalesce(o.declared_by_unit_id, EXCLUDED.declared_by_unit_id),
       decided_by_unit_id = coalesce(o.decided_by_unit_id, EXCLUDED.decided_by_unit_id),
       decided_by_account_id = coalesce(o.decided_by_account_id, EXCLUDED.decided_by_account_id),
       decided_by_name = coalesce(o.decided_by_name, EXCLUDED.decided_by_name),
       reject_reason_code = coalesce(o.reject_reason_code, EXCLUDED.reject_reason_code),
       reject_reason = coalesce(o.reject_reason, EXCLUDED.reject_reason),
       audit_failed_at = least(o.audit_failed_at, EXCLUDED.audit_failed_at)`,
    f.declarationId,
    f.firstHandlerId,
    f.declaredByUnitId,
    f.decidedByUnitId,
    f.decidedByAccountId,
    f.decidedByName,
    f.rejectReasonCode,
    f.rejectReason,
    f.auditFailedAt,
  );
}
