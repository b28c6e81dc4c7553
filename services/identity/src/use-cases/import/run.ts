// 批量导入's job body (issue 12): the rows the dry run checked and kept (kept-rows.ts) read as a
// stream, the valid ones written in batches — each batch one transaction with its accounts, professionals, outbox rows and the job's
// progress — so a stopped worker resumes after the last committed batch and never half-imports one.
import { randomUUID } from "node:crypto";
import { identityEvents, type ProfessionalSnapshot } from "@ce/contracts";
import { type EventMeta, enqueueEvents } from "@ce/service-kit";
import { SCHEMA } from "../../config.ts";
import { recordAudit } from "../../db/audit.ts";
import { listDepartments } from "../../db/departments.ts";
import {
  accountsHoldingIdHashes,
  advanceImportJob,
  findImportJob,
  finishImportJob,
  type ImportedAccountRow,
  type ImportedProfessionalFields,
  type ImportedProfessionalRow,
  insertImportedAccounts,
  insertImportedProfessionals,
  keptRowParts,
  lockImportJob,
  logImportConflicts,
  markImportRunning,
  readKeptRowParts,
  TX_MAX_WAIT_MS,
  unitPathOf,
} from "../../db/import-jobs.ts";
import type { IdentityDeps } from "../../deps.ts";
import { firstOfEachKey } from "../../domain/import/jobs.ts";
import { type KeptPerson, type KeptRow, KeptRowsUnreadable, keptRows } from "./kept-rows.ts";

/** Rows per batch (one transaction each) unless the caller says otherwise. */
export const IMPORT_BATCH_ROWS = 1_000;

/** Raised when the worker is asked to stop between two batches: the job is retried and resumes. */
export class ImportInterrupted extends Error {
  constructor() {
    super("import interrupted between batches; it resumes from the last committed batch");
  }
}

/** What the run needs besides deps: the batch size and a stop request checked between batches. */
export interface RunOptions {
  batchRows?: number;
  /** True once the worker should stop: the run throws ImportInterrupted after the batch in flight commits. */
  stopping?: () => boolean;
}

/**
 * Runs (or resumes) import job `jobId` from the rows its dry run kept (kept-rows.ts: no spreadsheet
 * is read again): skips the data rows committed batches already consumed (rows_done), then writes
 * every further batch of `batchRows` data rows in one transaction — accounts (未激活, no password; a
 * 证件号 registered anywhere under any 证件类型 is left out, counted 已存在 with the in-file repeats
 * without saying which, and the person it found logged in pii_access_log with the importer), their professionals (APPROVED, tagged with the job), one
 * ce.identity.professional.registered.v1 outbox row per person (one multi-row INSERT), and the
 * job's counts. A row whose 工作部门 was removed or disabled since the dry run counts 有错误. At the
 * end: DONE, the kept rows dropped, one audit row `import.run`, and one log line with the time
 * spent reading, preparing and writing (ms). Kept rows that cannot be read end the job FAILED with
 * a Chinese reason. A job already ended is left as it is. Raises ImportInterrupted when
 * `stopping()` turns true, and database errors (the job library retries the job; it resumes).
 */
export async function runImportJob(deps: IdentityDeps, jobId: string, opts: RunOptions = {}): Promise<void> {
  const job = await findImportJob(deps.db, jobId);
  if (!job || !["QUEUED", "RUNNING"].includes(job.status)) return;
  const parts = await keptRowParts(deps.db, jobId);
  if (parts.length === 0) return;
  await markImportRunning(deps.db, jobId);
  const unitPath = await unitPathOf(deps.db, job.unitId);
  const meta: EventMeta = { actor: { accountId: job.createdBy, unitId: job.unitId }, correlationId: job.requestId ?? `import:${jobId}`, causationId: null };
  const batchRows = opts.batchRows ?? IMPORT_BATCH_ROWS;
  const seen = new Set<string>();
  // A 工作部门 removed or disabled since the dry run: its rows are 有错误 now.
  const departments = new Set((await listDepartments(deps.db, job.unitId)).flatMap((d) => (d.status === "ACTIVE" ? [d.id] : [])));
  const spent = { readMs: 0, prepareMs: 0, writeMs: 0 };
  let skip = job.rowsDone;
  let dataRows = 0;
  let batch: KeptRow[] = [];
  const commit = async () => {
    const at = { id: jobId, unitId: job.unitId, unitPath, expectedDone: dataRows - batch.length, createdBy: job.createdBy, requestId: job.requestId };
    await commitBatch(deps, at, batch, seen, meta, spent);
    batch = [];
    deps.nudgeOutbox();
    if (opts.stopping?.()) throw new ImportInterrupted();
  };
  try {
    let readFrom = performance.now();
    for await (const kept of keptRows(readKeptRowParts(deps.db, jobId, parts))) {
      spent.readMs += performance.now() - readFrom;
      readFrom = performance.now();
      const row = kept === null || kept === "repeat" || kept.departmentId === null || departments.has(kept.departmentId) ? kept : null;
      dataRows++;
      if (skip > 0) {
        skip--;
        // Rows of committed batches: only their keys matter (a later repeat is 已存在).
        if (row && row !== "repeat") seen.add(personKey(row));
        continue;
      }
      batch.push(row);
      if (batch.length >= batchRows) {
        await commit();
        readFrom = performance.now();
      }
    }
    if (batch.length > 0) await commit();
  } catch (e) {
    if (!(e instanceof KeptRowsUnreadable)) throw e;
    deps.log.error({ err: e, jobId }, "import job's kept rows unreadable");
    await deps.db.$transaction((tx) => finishImportJob(tx, jobId, { status: "FAILED", error: "导入数据已损坏，请重新上传文件校验后导入" }));
    return;
  }
  deps.log.info({ jobId, rows: dataRows, ...mapValues(spent, Math.round) }, "import job rows written");
  await deps.db.$transaction(async (tx) => {
    const done = await findImportJob(tx, jobId);
    if (!done) return;
    await finishImportJob(tx, jobId, { status: "DONE", totalRows: dataRows });
    await recordAudit(
      tx,
      { accountId: job.createdBy, name: job.createdByName, unitId: job.unitId, requestId: job.requestId },
      {
        action: "import.run",
        entityType: "importJob",
        entityId: jobId,
        unitId: job.unitId,
        after: { name: job.fileName, status: "DONE", rows: dataRows, created: done.createdCount, existing: done.existingCount, invalid: done.invalidCount },
      },
    );
  });
}

const personKey = (p: KeptPerson): string => `${p.idType}:${p.idNumberHash}`;

/** A kept person's professional fields: what their professional row and their registered event both carry. */
function professionalFields(person: KeptPerson): ImportedProfessionalFields {
  const { departmentId, education, titleSeries, titleLevel, qualification, major, certificateNo } = person;
  return { departmentId, education, titleSeries, titleLevel, qualification, major, certificateNo };
}

/**
 * One batch in one transaction. The job row is locked first and its rows_done must be what this run
 * expects (another worker that took the job over meanwhile makes this one stop with a retryable error).
 */
async function commitBatch(
  deps: IdentityDeps,
  job: { id: string; unitId: string; unitPath: string; expectedDone: number; createdBy: string; requestId: string | null },
  batch: readonly KeptRow[],
  seen: Set<string>,
  meta: EventMeta,
  spent: { prepareMs: number; writeMs: number },
): Promise<void> {
  const t0 = performance.now();
  const valid = batch.filter((row): row is KeptPerson => row !== null && row !== "repeat");
  const marked = batch.filter((row) => row === "repeat").length;
  const invalid = batch.length - valid.length - marked;
  const { fresh, repeats } = firstOfEachKey(valid, personKey, seen);
  const accounts: (ImportedAccountRow & { person: KeptPerson; numberHashes: string[] })[] = fresh.map((person) => ({
    id: randomUUID(),
    // The number's blind index under every 证件类型 (kept by the dry run): one number is one person whatever type it came under.
    numberHashes: person.numberHashes,
    idType: person.idType,
    idNumberHash: person.idNumberHash,
    idNumberEnc: person.idNumberEnc,
    idNumberMasked: person.idNumberMasked,
    name: person.name,
    phoneEnc: person.phoneEnc,
    phoneMasked: person.phoneMasked,
    email: person.email,
    person,
  }));
  const at = new Date();
  const t1 = performance.now();
  spent.prepareMs += t1 - t0;
  await deps.db.$transaction(
    async (tx) => {
      const held = await lockImportJob(tx, job.id);
      if (!held || held.rowsDone !== job.expectedDone || held.status !== "RUNNING") throw new Error(`import job ${job.id} moved on meanwhile`);
      // A number registered since the dry run, or anywhere outside the importer's subtree, under any
      // 证件类型: left out (已存在, not said where), and logged with the person it found — an import
      // must not become an unlogged way to learn whether a number is registered.
      const holders = await accountsHoldingIdHashes(
        tx,
        accounts.flatMap((a) => a.numberHashes),
      );
      const found = accounts.flatMap((a) => a.numberHashes.map((h) => holders.get(h)).find(Boolean) ?? []);
      await logImportConflicts(tx, job, found);
      const inserted = await insertImportedAccounts(
        tx,
        job.unitId,
        accounts.filter((a) => !a.numberHashes.some((h) => holders.has(h))),
      );
      const created = accounts.filter((a) => inserted.has(a.id));
      const professionals: ImportedProfessionalRow[] = created.map(({ id, person }) => ({ accountId: id, ...professionalFields(person) }));
      await insertImportedProfessionals(tx, job, professionals, at);
      const snapshots: ProfessionalSnapshot[] = created.map(({ id, idType, idNumberHash, idNumberMasked, person }) => ({
        accountId: id,
        name: person.name,
        idNumberMasked,
        idType,
        idNumberHash,
        unitId: job.unitId,
        unitPath: job.unitPath,
        status: "APPROVED",
        ...professionalFields(person),
        registeredAt: at.toISOString(),
        activated: false,
        version: 1,
      }));
      await enqueueEvents(tx, SCHEMA, identityEvents.professionalRegistered, snapshots, meta);
      await advanceImportJob(tx, job.id, {
        rows: batch.length,
        created: created.length,
        existing: marked + repeats + (accounts.length - created.length),
        invalid,
      });
    },
    { timeout: 60_000, maxWait: TX_MAX_WAIT_MS },
  );
  spent.writeMs += performance.now() - t1;
}

const mapValues = <T extends Record<string, number>>(o: T, f: (v: number) => number): T =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)])) as T;

/**
 * The job library gave up on job `jobId` (every attempt failed): the job ends FAILED with a Chinese
 * reason and keeps the batches already committed (each one whole); the admin can undo those.
 */
export async function failImportJob(deps: IdentityDeps, jobId: string, error: unknown): Promise<void> {
  deps.log.error({ err: error, jobId }, "import job failed for good");
  await deps.db.$transaction(async (tx) => {
    const job = await lockImportJob(tx, jobId);
    if (!job || !["QUEUED", "RUNNING"].includes(job.status)) return;
    await finishImportJob(tx, jobId, { status: "FAILED", error: "导入中断（系统错误），已导入的批次保留，可撤销后重新导入" });
  });
}
