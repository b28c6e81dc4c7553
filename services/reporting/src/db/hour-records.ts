// Each declaration as reporting counts it (hour_record: the instant of each step), in any schema
// holding reporting's tables. A record's hours count as of an instant when approved_at <= instant
// < voided_at (domain/hour-record.ts countsAsOf).
import { DeclarationStatus, Subject } from "@ce/contracts";
import { dbValue, quoteIdent, type SqlClient } from "@ce/service-kit";
import type { HourRecord } from "../domain/hour-record.ts";

interface HourRecordRow {
  declaration_id: string;
  account_id: string;
  unit_id: string;
  unit_path: string;
  year: number;
  subject: string;
  form_code: string;
  recognized_hours: number | null;
  status: string;
  status_at: Date;
  submitted_at: Date | null;
  approved_at: Date | null;
  rejected_at: Date | null;
  withdrawn_at: Date | null;
  filed_at: Date | null;
  voided_at: Date | null;
}

const HOUR_RECORD_COLUMNS = `declaration_id::text AS declaration_id, account_id::text AS account_id, unit_id::text AS unit_id, unit_path, year,
  subject, form_code, recognized_hours, status, status_at, submitted_at, approved_at, rejected_at, withdrawn_at, filed_at, voided_at`;

const toHourRecord = (r: HourRecordRow): HourRecord => ({
  declarationId: r.declaration_id,
  accountId: r.account_id,
  unitId: r.unit_id,
  unitPath: r.unit_path,
  year: r.year,
  subject: dbValue(Subject, r.subject, "reporting.hour_record.subject"),
  formCode: r.form_code,
  recognizedHours: r.recognized_hours,
  status: dbValue(DeclarationStatus, r.status, "reporting.hour_record.status"),
  statusAt: r.status_at,
  submittedAt: r.submitted_at,
  approvedAt: r.approved_at,
  rejectedAt: r.rejected_at,
  withdrawnAt: r.withdrawn_at,
  filedAt: r.filed_at,
  voidedAt: r.voided_at,
});

/** Every hour record of one person in `schema` (the handlers merge an event into one of them and recount the person's figures from all). */
export async function personHourRecords(tx: SqlClient, schema: string, accountId: string): Promise<HourRecord[]> {
  const rows = await tx.$queryRawUnsafe<HourRecordRow[]>(
    `SELECT ${HOUR_RECORD_COLUMNS} FROM ${quoteIdent(schema)}.hour_record WHERE account_id = $1::uuid`,
    accountId,
  );
  return rows.map(toHourRecord);
}

/** Writes one declaration's hour record (insert or replace). */
export async function writeHourRecord(tx: SqlClient, schema: string, r: HourRecord): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO ${quoteIdent(schema)}.hour_record
       (declaration_id, account_id, unit_id, unit_path, year, subject, form_code, recognized_hours, status, status_at,
        submitted_at, approved_at, rejected_at, withdrawn_at, filed_at, voided_at)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7, $8, $9, $10::timestamptz,
             $11::timestamptz, $12::timestamptz, $13::timestamptz, $14::timestamptz, $15::timestamptz, $16::timestamptz)
     ON CONFLICT (declaration_id) DO UPDATE SET
       account_id = EXCLUDED.account_id, unit_id = EXCLUDED.unit_id, unit_path = EXCLUDED.unit_path, year = EXCLUDED.year,
       subject = EXCLUDED.subject, form_code = EXCLUDED.form_code, recognized_hours = EXCLUDED.recognized_hours,
       status = EXCLUDED.status, status_at = EXCLUDED.status_at, submitted_at = EXCLUDED.submitted_at,
       approved_at = EXCLUDED.approved_at, rejected_at = EXCLUDED.rejected_at, withdrawn_at = EXCLUDED.withdrawn_at,
       filed_at = EXCLUDED.filed_at, voided_at = EXCLUDED.voided_at`,
    r.declarationId,
    r.accountId,
    r.unitId,
    r.unitPath,
    r.year,
    r.subject,
    r.formCode,
    r.recognizedHours,
    r.status,
    r.statusAt,
    r.submittedAt,
    r.approvedAt,
    r.rejectedAt,
    r.withdrawnAt,
    r.filedAt,
    r.voidedAt,
  );
}
