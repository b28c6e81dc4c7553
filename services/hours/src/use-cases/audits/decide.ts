import { type BatchOutcome, batchOutcome, type FailAuditInput, hoursEvents, isOwnCase, type PassAuditInput, planBatch } from "@ce/contracts";
import { eventMeta } from "@ce/service-kit";
import type { z } from "zod";
import { lockForAudit } from "../../db/audits.ts";
import { insertDecisions, loadDeclarations, writeStatus } from "../../db/decisions.ts";
import type { HoursDeps } from "../../deps.ts";
import { auditSkipMessage, awaitsAudit } from "../../domain/approval.ts";
import { recordAudit } from "../../events/audit.ts";
import { declarationEvent } from "../../events/hours.ts";
import { type Caller, deciderOf } from "../caller.ts";

export type AuditOutcome = { passed: true } | { passed: false; reason: string };

/** How an audit batch names a record to the admin: 张三的记录. */
const recordLabel = (d: { professionalName: string }) => `${d.professionalName}的记录`;

/**
 * 成果备案 › 学时审验 (§3.7) under the batch contract (@ce/contracts batch.ts): 审验通过 (已备案, FILED)
 * or 审验不通过 (VOIDED: the hours stop counting, the person declares again) for approved
 * declarations of the caller's subordinates, in one transaction under row locks. Raises DomainError
 * FORBIDDEN (no unit) and NOT_FOUND for the whole batch (an id unknown or not below the caller,
 * nothing written). Records no longer waiting for an audit (audited first by another admin, or
 * not 审核通过: domain awaitsAudit / auditSkipMessage) and those the auditing account is a party to
 * (contracts isOwnCase) are skipped and listed; the others get the
 * audit in the decision trail and declaration.audited, or declaration.audit_failed and .voided
 * with the reason; an audit entry per record (declaration.auditPass|auditFail, for 操作日志). Returns
 * the BatchOutcome (labels 张三的记录).
 */
export async function decideAudit(deps: HoursDeps, caller: Caller, ids: readonly string[], outcome: AuditOutcome): Promise<BatchOutcome> {
  const who = deciderOf(caller.principal, "当前账户不能审验学时");
  const unique = [...new Set(ids)];
  const reason = outcome.passed ? null : outcome.reason;
  const meta = eventMeta(caller);
  const result = await deps.db.$transaction(
    async (tx) => {
      const plan = planBatch(unique, await lockForAudit(tx, unique, who.scopePath), {
        isWaiting: awaitsAudit,
        isOwn: (row) => isOwnCase(who.accountId, row.parties),
        notFound: "申报记录不存在或不在您的管理范围内",
      });
      const audited = plan.waiting.map((r) => r.id);
      if (audited.length > 0) {
        await writeStatus(tx, audited, outcome.passed ? "FILED" : "VOIDED");
        await insertDecisions(
          tx,
          who,
          { kind: "AUDIT", decision: outcome.passed ? "AUDIT_PASSED" : "AUDIT_FAILED", reasonCode: null, reason },
          audited.map((id) => ({ declarationId: id, stepIndex: 0, recognizedHours: null })),
        );
        for (const d of await loadDeclarations(tx, audited)) {
          await recordAudit(tx, caller, {
            action: outcome.passed ? "declaration.auditPass" : "declaration.auditFail",
            entityType: "declaration",
            entityId: d.id,
            unitId: d.unitId,
            before: { name: d.professionalName, form: d.formVersion.name, status: "APPROVED" },
            after: { name: d.professionalName, form: d.formVersion.name, status: d.status, reason },
          });
          if (outcome.passed) await declarationEvent(tx, hoursEvents.declarationAudited, d, meta);
          else {
            await declarationEvent(tx, hoursEvents.declarationAuditFailed, d, meta, reason);
            await declarationEvent(tx, hoursEvents.declarationVoided, d, meta, reason);
          }
        }
      }
      return batchOutcome(plan, recordLabel, auditSkipMessage);
    },
    { timeout: 60_000 },
  );
  deps.nudgeOutbox();
  return result;
}

/** 学时审验 › 审验通过 (已备案) of the ticked records. */
export const passAudit = (deps: HoursDeps, caller: Caller, input: z.output<typeof PassAuditInput>) => decideAudit(deps, caller, input.ids, { passed: true });

/** 学时审验 › 审验不通过 (已作废) of the ticked records, with the reason. */
export const failAudit = (deps: HoursDeps, caller: Caller, input: z.output<typeof FailAuditInput>) =>
  decideAudit(deps, caller, input.ids, { passed: false, reason: input.reason });
