// Writes of the read models (ADR 013), in any schema holding reporting's tables: the live schema
// `reporting` for the consumers, a fresh one for a rebuild. Queries and mapping only; the rules
// (which rows change) are the pure functions of domain/.
import { DeclarationStatus, ProfessionalStatus, Subject, UnitKind, UnitStatus } from "@ce/contracts";
import { dbValue, quoteIdent, type SqlClient } from "@ce/service-kit";
import { z } from "zod";
import type { HistoryInterval } from "../domain/history.ts";
import type { HourRecord } from "../domain/hour-record.ts";
import type { PersonState, UnitState } from "../domain/identity-history.ts";
import type { professionalReplicaRow } from "../domain/professional-replica.ts";

type ProfessionalReplicaRow = ReturnType<typeof professionalReplicaRow>;

/**
 * Serialises the writes of one aggregate across the consumers of one schema (several service
 * replicas may share a durable consumer): a transaction-scoped advisory lock on (schema.table, id).
 */
export async function lockAggregate(tx: SqlClient, schema: string, table: string, id: string): Promise<void> {
  await tx.$queryRawUnsafe("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))::text", `${schema}.${table}`, id);
}

/** Upserts reporting's current copy of a professional unless it holds a newer version (isNewerSnapshot's rule, in SQL). */
export async function upsertProfessionalReplica(tx: SqlClient, schema: string, accountId: string, row: ProfessionalReplicaRow): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO ${quoteIdent(schema)}.professional_replica
       (account_id, name, id_number_masked, id_number_hash, unit_id, unit_path, status, education, title_series, title_level,
        major, certificate_no, registered_at, version, updated_at, qualification)
     VALUES ($1::uuid, $2, $3, $4, $5::uuid, $6, $7, $8, $9, $10, $11, $12, $13::timestamptz, $14, $15::timestamptz, $16)
     ON CONFLICT (account_id) DO UPDATE SET
       name = EXCLUDED.name, id_number_masked = EXCLUDED.id_number_masked, id_number_hash = EXCLUDED.id_number_hash,
       unit_id = EXCLUDED.unit_id, unit_path = EXCLUDED.unit_path, status = EXCLUDED.status, education = EXCLUDED.education,
       title_series = EXCLUDED.title_series, title_level = EXCLUDED.title_level, qualification = EXCLUDED.qualification, major = EXCLUDED.major,
       certificate_no = EXCLUDED.certificate_no, registered_at = EXCLUDED.registered_at, version = EXCLUDED.version,
       updated_at = EXCLUDED.updated_at
     WHERE professional_replica.version < EXCLUDED.version`,
    accountId,
    row.name,
    row.idNumberMasked,
    row.idNumberHash,
    row.unitId,
    row.unitPath,
    row.status,
    row.education,
    row.titleSeries,
    row.titleLevel,
    row.major,
    row.certificateNo,
    row.registeredAt,
    row.version,
    row.updatedAt,
    row.qualification,
  );
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

const HISTORY_BOUNDS = "version, event_id::text AS event_id, occurred_at, valid_from, valid_to";

interface BoundsRow {
  version: number;
  event_id: string;
  occurred_at: Date;
  valid_from: Date;
  valid_to: Date | null;
}

const bounds = (r: BoundsRow) => ({ version: r.version, eventId: r.event_id, occurredAt: r.occurred_at, validFrom: r.valid_from, validTo: r.valid_to });

/** Every stored interval of one professional, oldest version first. */
export async function personHistory(tx: SqlClient, schema: string, accountId: string): Promise<HistoryInterval<PersonState>[]> {
  const rows = await tx.$queryRawUnsafe<
    Array<
      BoundsRow & {
        unit_id: string;
        status: string;
        education: string | null;
        title_series: string | null;
        title_level: string | null;
        qualification: string | null;
      }
    >
  >(
    `SELECT ${HISTORY_BOUNDS}, unit_id::text AS unit_id, status, education, title_series, title_level, qualification
     FROM ${quoteIdent(schema)}.person_history WHERE account_id = $1::uuid ORDER BY version`,
    accountId,
  );
  return rows.map((r) => {
    const state: PersonState = {
      unitId: r.unit_id,
      status: dbValue(ProfessionalStatus, r.status, "reporting.person_history.status"),
      education: r.education,
      titleSeries: r.title_series,
      titleLevel: r.title_level,
      qualification: r.qualification,
    };
    return { ...bounds(r), patch: state, state };
  });
}

/** Upserts intervals of one professional by (account, version). */
export async function writePersonHistory(tx: SqlClient, schema: string, accountId: string, rows: readonly HistoryInterval<PersonState>[]): Promise<void> {
  for (const r of rows) {
    const s = r.state;
    await tx.$executeRawUnsafe(
      `INSERT INTO ${quoteIdent(schema)}.person_history
         (account_id, version, event_id, occurred_at, valid_from, valid_to, unit_id, status, education, title_series, title_level, qualification)
       VALUES ($1::uuid, $2, $3::uuid, $4::timestamptz, $5::timestamptz, $6::timestamptz, $7::uuid, $8, $9, $10, $11, $12)
       ON CONFLICT (account_id, version) DO UPDATE SET
         event_id = EXCLUDED.event_id, occurred_at = EXCLUDED.occurred_at, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
         unit_id = EXCLUDED.unit_id, status = EXCLUDED.status, education = EXCLUDED.education, title_series = EXCLUDED.title_series,
         title_level = EXCLUDED.title_level, qualification = EXCLUDED.qualification`,
      accountId,
      r.version,
      r.eventId,
      r.occurredAt,
      r.validFrom,
      r.validTo,
      s.unitId,
      s.status,
      s.education ?? null,
      s.titleSeries ?? null,
      s.titleLevel ?? null,
      s.qualification ?? null,
    );
  }
}

/** unit_history.patch: any subset of the unit's state, as one event carried it. */
const UnitPatch = z
  .object({
    superiorId: z.uuid().nullable(),
    name: z.string(),
    kind: UnitKind,
    status: UnitStatus,
    region: z.string().nullable(),
    path: z.string(),
  })
  .partial();

/** Every stored interval of one unit, oldest version first. */
export async function unitHistory(tx: SqlClient, schema: string, unitId: string): Promise<HistoryInterval<UnitState>[]> {
  const rows = await tx.$queryRawUnsafe<
    Array<
      BoundsRow & {
        patch: unknown;
        superior_id: string | null;
        name: string | null;
        kind: string | null;
        status: string | null;
        region: string | null;
        path: string | null;
      }
    >
  >(
    `SELECT ${HISTORY_BOUNDS}, patch, superior_id::text AS superior_id, name, kind, status, region, path
     FROM ${quoteIdent(schema)}.unit_history WHERE unit_id = $1::uuid ORDER BY version`,
    unitId,
  );
  return rows.map((r) => {
    // The state columns, unknown (null) fields left out: a history compares null and absent alike.
    const columns = { superiorId: r.superior_id, name: r.name, kind: r.kind, status: r.status, region: r.region, path: r.path };
    const state = dbValue(UnitPatch, Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== null)), "reporting.unit_history");
    return { ...bounds(r), patch: dbValue(UnitPatch, r.patch, "reporting.unit_history.patch"), state };
  });
}

/** Upserts intervals of one unit by (unit, version). */
export async function writeUnitHistory(tx: SqlClient, schema: string, unitId: string, rows: readonly HistoryInterval<UnitState>[]): Promise<void> {
  for (const r of rows) {
    const s = r.state;
    await tx.$executeRawUnsafe(
      `INSERT INTO ${quoteIdent(schema)}.unit_history
         (unit_id, version, event_id, occurred_at, valid_from, valid_to, patch, superior_id, name, kind, status, region, path)
       VALUES ($1::uuid, $2, $3::uuid, $4::timestamptz, $5::timestamptz, $6::timestamptz, $7::jsonb, $8::uuid, $9, $10, $11, $12, $13)
       ON CONFLICT (unit_id, version) DO UPDATE SET
         event_id = EXCLUDED.event_id, occurred_at = EXCLUDED.occurred_at, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
         patch = EXCLUDED.patch, superior_id = EXCLUDED.superior_id, name = EXCLUDED.name, kind = EXCLUDED.kind,
         status = EXCLUDED.status, region = EXCLUDED.region, path = EXCLUDED.path`,
      unitId,
      r.version,
      r.eventId,
      r.occurredAt,
      r.validFrom,
      r.validTo,
      JSON.stringify(r.patch),
      s.superiorId ?? null,
      s.name ?? null,
      s.kind ?? null,
      s.status ?? null,
      s.region ?? null,
      s.path ?? null,
    );
  }
}

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

/** One declaration's hour record, or null before its first event. */
export async function hourRecord(tx: SqlClient, schema: string, declarationId: string): Promise<HourRecord | null> {
  const [r] = await tx.$queryRawUnsafe<HourRecordRow[]>(
    `SELECT declaration_id::text AS declaration_id, account_id::text AS account_id, unit_id::text AS unit_id, unit_path, year, subject,
            form_code, recognized_hours, status, status_at, submitted_at, approved_at, rejected_at, withdrawn_at, filed_at, voided_at
     FROM ${quoteIdent(schema)}.hour_record WHERE declaration_id = $1::uuid`,
    declarationId,
  );
  if (!r) return null;
  return {
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
  };
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
