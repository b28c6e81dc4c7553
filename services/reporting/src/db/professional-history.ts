// A professional as reporting holds them (ADR 013): the current replica (masked ID and blind index
// only) and the history of their unit, status and title, in any schema holding reporting's tables
// (the live `reporting` for the consumers, a fresh one for a rebuild). Queries and mapping only.
import { ProfessionalStatus } from "@ce/contracts";
import { dbValue, quoteIdent, type SqlClient } from "@ce/service-kit";
import type { HistoryInterval } from "../domain/history.ts";
import type { PersonState } from "../domain/identity-history.ts";
import type { professionalReplicaRow } from "../domain/professional-replica.ts";
import { type BoundsRow, bounds, HISTORY_BOUNDS } from "./history-bounds.ts";

type ProfessionalReplicaRow = ReturnType<typeof professionalReplicaRow>;

/** Upserts reporting's current copy of a professional unless it holds a newer version (isNewerSnapshot's rule, in SQL). */
export async function upsertProfessionalReplica(tx: SqlClient, schema: string, accountId: string, row: ProfessionalReplicaRow): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO ${quoteIdent(schema)}.professional_replica
       (account_id, name, id_number_masked, id_number_hash, unit_id, unit_path, status, education, title_series, title_level,
        major, certificate_no, registered_at, version, updated_at, qualification, activated)
     VALUES ($1::uuid, $2, $3, $4, $5::uuid, $6, $7, $8, $9, $10, $11, $12, $13::timestamptz, $14, $15::timestamptz, $16, $17)
     ON CONFLICT (account_id) DO UPDATE SET
       name = EXCLUDED.name, id_number_masked = EXCLUDED.id_number_masked, id_number_hash = EXCLUDED.id_number_hash,
       unit_id = EXCLUDED.unit_id, unit_path = EXCLUDED.unit_path, status = EXCLUDED.status, education = EXCLUDED.education,
       title_series = EXCLUDED.title_series, title_level = EXCLUDED.title_level, qualification = EXCLUDED.qualification, major = EXCLUDED.major,
       certificate_no = EXCLUDED.certificate_no, registered_at = EXCLUDED.registered_at, version = EXCLUDED.version,
       updated_at = EXCLUDED.updated_at, activated = EXCLUDED.activated
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
    row.activated,
  );
}

/** What reporting's replica holds of a professional that other read models follow, or null when it holds nobody. */
export interface ReplicaHeld {
  /** The registration instant (what 职称系列分布情况 filters on). */
  registeredAt: Date;
  /** Name, status and unit: what professional_name_grams follows. */
  name: string;
  status: string;
  unitId: string;
}

/** What the replica holds of a professional (ReplicaHeld), or null. */
export async function replicaHeld(tx: SqlClient, schema: string, accountId: string): Promise<ReplicaHeld | null> {
  const [row] = await tx.$queryRawUnsafe<ReplicaHeld[]>(
    `SELECT registered_at AS "registeredAt", name, status, unit_id::text AS "unitId" FROM ${quoteIdent(schema)}.professional_replica WHERE account_id = $1::uuid`,
    accountId,
  );
  return row ?? null;
}

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
