import { DomainError, type ImportedPersonRow, type ImportJob, type ImportPeopleInput, type Page } from "@ce/contracts";
import { findImportJob, listImportedPeople, listImportJobs, queueImportJob } from "../../db/import-jobs.ts";
import type { IdentityDeps } from "../../deps.ts";
import { type ImportJobRecord, importJobMessages, importJobView } from "../../domain/import/jobs.ts";
import { type Caller, ownUnit } from "../scope.ts";

/** How many of its latest imports the page lists. */
export const IMPORT_JOBS_LISTED = 10;

/** The job if it belongs to the caller's own unit; else DomainError NOT_FOUND (one message whether it exists elsewhere or not). */
export async function ownImportJob(deps: IdentityDeps, caller: Caller, jobId: string): Promise<ImportJobRecord> {
  const unitId = ownUnit(caller.principal);
  const job = await findImportJob(deps.db, jobId);
  if (!job || job.unitId !== unitId) throw new DomainError("NOT_FOUND", importJobMessages.notFound);
  return job;
}

/**
 * 导入: starts the import of an upload the caller's unit checked (the dry run's uploadId): the job
 * moves CHECKED → QUEUED and goes to the durable queue (pg-boss), which runs it in the background
 * (runImportJob). Returns the job (progress 0). Raises NOT_FOUND for a job not of the caller's
 * unit, CONFLICT (该文件已导入或正在导入) when it was started already, FORBIDDEN without a unit.
 */
export async function startImport(deps: IdentityDeps, caller: Caller, input: { uploadId: string }): Promise<ImportJob> {
  await ownImportJob(deps, caller, input.uploadId);
  if (!(await queueImportJob(deps.db, input.uploadId))) throw new DomainError("CONFLICT", importJobMessages.notChecked);
  await deps.importQueue.enqueue(input.uploadId);
  return importJobView(await ownImportJob(deps, caller, input.uploadId));
}

/** One import job of the caller's unit, as the progress page polls it. Raises NOT_FOUND, FORBIDDEN as ownImportJob. */
export async function getImportJob(deps: IdentityDeps, caller: Caller, input: { jobId: string }): Promise<ImportJob> {
  return importJobView(await ownImportJob(deps, caller, input.jobId));
}

/** The caller's unit's latest IMPORT_JOBS_LISTED imports (started ones; newest first). Raises FORBIDDEN without a unit. */
export async function listImports(deps: IdentityDeps, caller: Caller): Promise<ImportJob[]> {
  return (await listImportJobs(deps.db, ownUnit(caller.principal), IMPORT_JOBS_LISTED)).map(importJobView);
}

/** 导入的人员: one page of the people job `jobId` of the caller's unit created, with 未激活/已激活. Raises NOT_FOUND, FORBIDDEN as ownImportJob. */
export async function importedPeoplePage(deps: IdentityDeps, caller: Caller, input: ImportPeopleInput): Promise<Page<ImportedPersonRow>> {
  const job = await ownImportJob(deps, caller, input.jobId);
  return listImportedPeople(deps.db, job.id, input);
}
