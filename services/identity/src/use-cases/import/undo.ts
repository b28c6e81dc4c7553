import { DomainError, type ImportJob, identityEvents } from "@ce/contracts";
import { enqueueEvents, eventMeta } from "@ce/service-kit";
import { revokeAccountsSessions } from "../../auth/sessions.ts";
import { SCHEMA } from "../../config.ts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { findImportJob, importedPeople, lockImportJob, markImportUndone, removeImportedPeople } from "../../db/import-jobs.ts";
import type { IdentityDeps } from "../../deps.ts";
import { importJobView, undoPlan, undoRefusal } from "../../domain/import/jobs.ts";
import type { Caller } from "../scope.ts";
import { ownImportJob } from "./jobs.ts";

/**
 * 撤销导入: within 24 hours of finishing (undoRefusal), removes the people import job `jobId`
 * created whom nobody touched since — not signed in, no profile change or 人员信息修改 request, no
 * hours declared, not transferred, not an admin (keptReason) — and lists the others with why they
 * stay. One transaction: the people's professional and account rows, one
 * ce.identity.professional.removed.v1 per person (multi-row outbox INSERT; reporting drops them
 * from its replica), the job UNDONE with the kept list, one audit row `import.undo`. Returns the
 * job. After the commit the removed accounts' sessions are closed (a sign-in racing the undo).
 * Raises NOT_FOUND for a job not of the caller's unit, CONFLICT when it cannot be undone (not
 * done, already undone, past 24 h), FORBIDDEN without a unit.
 */
export async function undoImport(deps: IdentityDeps, caller: Caller, input: { jobId: string }): Promise<ImportJob> {
  const job = await ownImportJob(deps, caller, input.jobId);
  let removedIds: string[] = [];
  await deps.db.$transaction(
    async (tx) => {
      const held = await lockImportJob(tx, job.id);
      const current = await findImportJob(tx, job.id);
      const refusal = held && current ? undoRefusal(current, new Date()) : "导入任务不存在";
      if (refusal) throw new DomainError("CONFLICT", refusal);
      const { remove, kept } = undoPlan(await importedPeople(tx, job.id));
      removedIds = remove.map((p) => p.accountId);
      await removeImportedPeople(
        tx,
        remove.map((p) => p.accountId),
      );
      const removed = remove.map((p) => ({
        accountId: p.accountId,
        unitId: p.unitId,
        unitPath: p.unitPath,
        reason: "IMPORT_UNDONE" as const,
        version: p.version + 1,
      }));
      await enqueueEvents(tx, SCHEMA, identityEvents.professionalRemoved, removed, eventMeta(caller));
      await markImportUndone(tx, job.id, { removed: remove.length, kept });
      await recordAudit(tx, auditActor(caller), {
        action: "import.undo",
        entityType: "importJob",
        entityId: job.id,
        unitId: job.unitId,
        before: { name: job.fileName, status: "DONE" },
        after: { name: job.fileName, status: "UNDONE", removed: remove.length, kept: kept.length },
      });
    },
    { timeout: 120_000 },
  );
  // A sign-in that raced the undo (verified before it committed) may hold a session of an account
  // that is gone: closed now, after the commit — a sign-in later than this finds no account (confirmGrant).
  await revokeAccountsSessions(deps.redis, removedIds);
  deps.nudgeOutbox();
  return importJobView(await ownImportJob(deps, caller, job.id));
}
