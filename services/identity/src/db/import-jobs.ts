// 批量导入 jobs: the job row (progress, result, undo), its kept rows, and the bulk writes of one
// batch — multi-row INSERTs (unnest of arrays) of accounts and professionals.
import type { IdType, ImportedPersonRow, Page, PageRequest } from "@ce/contracts";
import { paginate, quoteIdent } from "@ce/service-kit";
import { SCHEMA } from "../config.ts";
import type { ImportedPersonState, ImportJobRecord } from "../domain/import/jobs.ts";
import type { ImportedPerson } from "../domain/import/row.ts";
import { ID_LOOKUP_FIELD } from "../security/id-lookup.ts";
import type { Db, Tx } from "./client.ts";

const S = quoteIdent(SCHEMA);

/** How long an import's transaction may wait for a pooled connection (ms): a busy service must not fail a batch for it. */
export const TX_MAX_WAIT_MS = 15_000;

/**
 * A dry-run-checked upload kept for its import: the job row (status CHECKED) and its kept rows
 * (kept-rows.ts), part by part — one INSERT of one bytea parameter each, a few MB at most — in one
 * transaction.
 */
export async function createCheckedJob(
  db: Db,
  job: {
    id: string;
    unitId: string;
    createdBy: string;
    createdByName: string;
    requestId: string | null;
    fileName: string;
    totalRows: number;
    importable: number;
  },
  keptParts: readonly Uint8Array[],
): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.importJob.create({ data: { ...job, status: "CHECKED" } });
      for (const [part, rows] of keptParts.entries()) {
        await tx.$executeRawUnsafe(
          `INSERT INTO ${S}.import_kept_rows (job_id, part, rows) VALUES ($1::uuid, $2, $3)`,
          job.id,
          part,
          Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength),
        );
      }
    },
    { maxWait: TX_MAX_WAIT_MS, timeout: 120_000 },
  );
}

/** The job, or null. */
export function findImportJob(
  db: Db | Tx,
  id: string,
): Promise<(ImportJobRecord & { createdBy: string; createdByName: string; requestId: string | null }) | null> {
  return db.importJob.findUnique({ where: { id } });
}

/** The unit's latest jobs that went past the dry run (newest first), at most `take`. */
export function listImportJobs(db: Db, unitId: string, take: number): Promise<ImportJobRecord[]> {
  return db.importJob.findMany({ where: { unitId, status: { not: "CHECKED" } }, orderBy: { createdAt: "desc" }, take });
}

/** The part numbers of a job's kept rows (kept-rows.ts), in order; none once the job finished (they are dropped then). */
export async function keptRowParts(db: Db, jobId: string): Promise<number[]> {
  const rows = await db.importKeptRows.findMany({ where: { jobId }, select: { part: true }, orderBy: { part: "asc" } });
  return rows.map((r) => r.part);
}

/** The bytes of the given parts of a job's kept rows, read one part at a time, in the given order. */
export async function* readKeptRowParts(db: Db, jobId: string, parts: readonly number[]): AsyncGenerator<Buffer> {
  for (const part of parts) {
    const row = await db.importKeptRows.findUnique({ where: { jobId_part: { jobId, part } }, select: { rows: true } });
    if (row) yield Buffer.from(row.rows);
  }
}

/** CHECKED → QUEUED, only from CHECKED (a second click starts nothing). Returns whether it moved. */
export async function queueImportJob(db: Db, id: string): Promise<boolean> {
  const { count } = await db.importJob.updateMany({ where: { id, status: "CHECKED" }, data: { status: "QUEUED" } });
  return count === 1;
}

/** QUEUED (or a RUNNING one resumed) → RUNNING, with its first start time kept. */
export async function markImportRunning(db: Db, id: string): Promise<void> {
  await db.$executeRawUnsafe(`UPDATE ${S}.import_job SET status = 'RUNNING', started_at = coalesce(started_at, now()) WHERE id = $1::uuid`, id);
}

/** Locks the job row for one batch and returns how many data rows committed batches consumed. */
export async function lockImportJob(tx: Tx, id: string): Promise<{ rowsDone: number; status: string } | null> {
  const rows = await tx.$queryRawUnsafe<{ rows_done: number; status: string }[]>(
    `SELECT rows_done, status FROM ${S}.import_job WHERE id = $1::uuid FOR UPDATE`,
    id,
  );
  const row = rows[0];
  return row ? { rowsDone: row.rows_done, status: row.status } : null;
}

/** Adds one committed batch's counts to the job (inside the batch's transaction). */
export async function advanceImportJob(tx: Tx, id: string, batch: { rows: number; created: number; existing: number; invalid: number }): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE ${S}.import_job SET rows_done = rows_done + $2, created_count = created_count + $3, existing_count = existing_count + $4,
       invalid_count = invalid_count + $5 WHERE id = $1::uuid`,
    id,
    batch.rows,
    batch.created,
    batch.existing,
    batch.invalid,
  );
}

/** Ends a job (DONE or FAILED with its reason) and drops its kept rows. */
export async function finishImportJob(tx: Tx, id: string, end: { status: "DONE" | "FAILED"; error?: string; totalRows?: number }): Promise<void> {
  await tx.importJob.update({
    where: { id },
    data: { status: end.status, error: end.error ?? null, finishedAt: new Date(), ...(end.totalRows === undefined ? {} : { totalRows: end.totalRows }) },
  });
  await tx.importKeptRows.deleteMany({ where: { jobId: id } });
}

/** The unit path a snapshot carries. */
export async function unitPathOf(db: Db, unitId: string): Promise<string> {
  const unit = await db.unit.findUniqueOrThrow({ where: { id: unitId }, select: { path: true } });
  return unit.path;
}

/**
 * Which of the given 证件号 blind indexes belong to an account anywhere (any unit, any 证件类型 —
 * pass a number's indexes under every type), mapped to the account's id; one query over the
 * id_number_hash index. For the import job only, which never says where a number is registered.
 */
export async function accountsHoldingIdHashes(tx: Tx, hashes: readonly string[]): Promise<Map<string, string>> {
  if (hashes.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<{ h: string; id: string }[]>(
    `SELECT id_number_hash AS h, id::text AS id FROM ${S}.account WHERE id_number_hash = ANY($1::text[])`,
    [...hashes],
  );
  return new Map(rows.map((r) => [r.h, r.id]));
}

/**
 * Logs each registered person an import batch ran into (pii_access_log, field idNumber, the
 * importer as viewer): an import is a lookup by full 证件号 too, and has to be visible as one.
 */
export async function logImportConflicts(tx: Tx, job: { createdBy: string; requestId: string | null }, subjectIds: readonly string[]): Promise<void> {
  if (subjectIds.length === 0) return;
  await tx.piiAccessLog.createMany({
    data: subjectIds.map((subjectId) => ({
      viewerId: job.createdBy,
      subjectId,
      fields: [ID_LOOKUP_FIELD],
      purpose: "批量导入：导入时证件号已注册，未导入",
      requestId: job.requestId,
    })),
  });
}

/** One imported person's account row, PII already encrypted/masked, no password (未激活). */
export interface ImportedAccountRow {
  id: string;
  idType: IdType;
  idNumberHash: string;
  idNumberEnc: string;
  idNumberMasked: string;
  name: string;
  phoneEnc: string;
  phoneMasked: string;
  email: string;
}

/**
 * Inserts the batch's accounts in one multi-row INSERT, unactivated and with no password hash
 * (no sign-in until their admin's 重置密码 or the mailed reset link); a 证件号 that already has an
 * account (anywhere, or inserted meanwhile) is skipped by the unique (id_type, id_number_hash)
 * index. Returns the ids inserted.
 */
export async function insertImportedAccounts(tx: Tx, unitId: string, rows: readonly ImportedAccountRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const col = <K extends keyof ImportedAccountRow>(k: K) => rows.map((r) => r[k]);
  const inserted = await tx.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO ${S}.account (id, id_type, id_number_hash, id_number_enc, id_number_masked, name, phone_enc, phone_masked, email,
       password_hash, status, unit_id, activated, must_change_password)
     SELECT a.id, a.id_type, a.h, a.enc, a.masked, a.name, a.penc, a.pmask, a.email, '', 'ACTIVE', $10::uuid, false, false
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
         AS a(id, id_type, h, enc, masked, name, penc, pmask, email)
     ON CONFLICT (id_type, id_number_hash) DO NOTHING
     RETURNING id::text AS id`,
    col("id"),
    col("idType"),
    col("idNumberHash"),
    col("idNumberEnc"),
    col("idNumberMasked"),
    col("name"),
    col("phoneEnc"),
    col("phoneMasked"),
    col("email"),
    unitId,
  );
  return new Set(inserted.map((r) => r.id));
}

/** The fields of a checked row (ImportedPerson) that its professional row holds. */
export type ImportedProfessionalFields = Pick<
  ImportedPerson,
  "departmentId" | "education" | "titleSeries" | "titleLevel" | "qualification" | "major" | "certificateNo"
>;

/** One imported person's professional row (approved: their own unit's admin imported them). */
export type ImportedProfessionalRow = { accountId: string } & ImportedProfessionalFields;

/** Inserts the batch's professionals (APPROVED, reviewed now, import_job_id = the job) in one multi-row INSERT. */
export async function insertImportedProfessionals(
  tx: Tx,
  job: { id: string; unitId: string },
  rows: readonly ImportedProfessionalRow[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof ImportedProfessionalRow>(k: K) => rows.map((r) => r[k]);
  await tx.$executeRawUnsafe(
    `INSERT INTO ${S}.professional (account_id, unit_id, status, education, title_series, title_level, qualification, major, certificate_no,
       department_id, import_job_id, created_at, reviewed_at)
     SELECT p.id, $9::uuid, 'APPROVED', p.edu, p.series, p.level, p.qual, p.major, p.cert, p.dept, $10::uuid, $11::timestamptz, $11::timestamptz
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[])
         AS p(id, edu, series, level, qual, major, cert, dept)`,
    col("accountId"),
    col("education"),
    col("titleSeries"),
    col("titleLevel"),
    col("qualification"),
    col("major"),
    col("certificateNo"),
    col("departmentId"),
    job.unitId,
    job.id,
    at.toISOString(),
  );
}

/** The people a job created that are still there, with what undo needs to know of each (ImportedPersonState). */
export async function importedPeople(tx: Tx, jobId: string): Promise<(ImportedPersonState & { unitId: string; unitPath: string })[]> {
  const rows = await tx.$queryRawUnsafe<
    {
      account_id: string;
      name: string;
      id_number_masked: string;
      activated: boolean;
      version: number;
      unit_id: string;
      unit_path: string;
      hours: boolean;
      change: boolean;
      transfer: boolean;
      admin: boolean;
    }[]
  >(
    `SELECT p.account_id::text, a.name, a.id_number_masked, a.activated, p.version, p.unit_id::text, u.path AS unit_path,
            p.hours_declared_at IS NOT NULL AS hours,
            EXISTS (SELECT 1 FROM ${S}.profile_change_request c WHERE c.account_id = p.account_id) AS change,
            EXISTS (SELECT 1 FROM ${S}.transfer t WHERE t.account_id = p.account_id) AS transfer,
            EXISTS (SELECT 1 FROM ${S}.admin d WHERE d.account_id = p.account_id) AS admin
       FROM ${S}.professional p JOIN ${S}.account a ON a.id = p.account_id JOIN ${S}.unit u ON u.id = p.unit_id
      WHERE p.import_job_id = $1::uuid
      ORDER BY a.name
        FOR UPDATE OF p, a`,
    jobId,
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    name: r.name,
    idNumberMasked: r.id_number_masked,
    activated: r.activated,
    version: r.version,
    profileChangeRequested: r.change,
    hoursDeclared: r.hours,
    transferred: r.transfer,
    admin: r.admin,
    unitId: r.unit_id,
    unitPath: r.unit_path,
  }));
}

/** Deletes imported people (their professional and account rows) by account id. */
export async function removeImportedPeople(tx: Tx, accountIds: readonly string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await tx.$executeRawUnsafe(`DELETE FROM ${S}.professional WHERE account_id = ANY($1::uuid[])`, accountIds);
  await tx.$executeRawUnsafe(`DELETE FROM ${S}.account WHERE id = ANY($1::uuid[])`, accountIds);
}

/** Records the undo on the job (UNDONE, when, how many removed, who was kept). */
export async function markImportUndone(tx: Tx, id: string, result: { removed: number; kept: unknown[] }): Promise<void> {
  await tx.importJob.update({ where: { id }, data: { status: "UNDONE", undoneAt: new Date(), removedCount: result.removed, kept: result.kept as never } });
}

/** hours' declaration.submitted: the person has hours now (the first time only). */
export async function markHoursDeclared(tx: Tx, accountId: string, at: Date): Promise<void> {
  await tx.professional.updateMany({ where: { accountId, hoursDeclaredAt: null }, data: { hoursDeclaredAt: at } });
}

/**
 * Marks an imported account activated (未激活 → 已激活) and bumps its professional's version, in the
 * caller's transaction. True when this call activated it (the first sign-in), false when it was
 * activated already or is no professional's.
 */
export async function markActivated(tx: Tx, accountId: string): Promise<boolean> {
  const { count } = await tx.account.updateMany({ where: { id: accountId, activated: false }, data: { activated: true } });
  if (count === 0) return false;
  const professional = await tx.professional.updateMany({ where: { accountId }, data: { version: { increment: 1 } } });
  return professional.count > 0;
}

/** One page of the people job `jobId` created (still there), by name: masked 证件号 and 未激活/已激活. */
export async function listImportedPeople(db: Db, jobId: string, request: PageRequest): Promise<Page<ImportedPersonRow>> {
  const where = { professional: { importJobId: jobId } };
  return paginate(
    request,
    () => db.account.count({ where }),
    async ({ limit, offset }) =>
      (
        await db.account.findMany({
          where,
          select: { id: true, name: true, idNumberMasked: true, activated: true },
          orderBy: [{ name: "asc" }, { id: "asc" }],
          skip: offset,
          take: limit,
        })
      ).map((a) => ({ accountId: a.id, name: a.name, idNumberMasked: a.idNumberMasked, activated: a.activated })),
  );
}
