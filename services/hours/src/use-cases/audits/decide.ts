import { DomainError, hoursEvents } from "@ce/contracts";
import { eventMeta } from "@ce/service-kit";
import { lockForAudit } from "../../db/audits.ts";
import { insertDecisions, loadDeclarations, writeStatus } from "../../db/decisions.ts";
import type { HoursDeps } from "../../deps.ts";
import { declarationEvent } from "../../events/hours.ts";
import { type Caller, deciderOf } from "../caller.ts";

export type AuditOutcome = { passed: true } | { passed: false; reason: string };

/**
 * 成果备案 › 学时审验 (§3.7): 审验通过 (已备案, FILED) or 审验不通过 (VOIDED: the hours stop counting,
 * the person declares again) for approved declarations of the caller's subordinates, all or
 * nothing under row locks; records the audit in the decision trail and enqueues
 * declaration.audited, or declaration.audit_failed and .voided with the reason. Raises DomainError
 * FORBIDDEN (no unit), NOT_FOUND (unknown or not below the caller), CONFLICT (not 审核通过 or already audited).
 */
export async function decideAudit(deps: HoursDeps, caller: Caller, ids: readonly string[], outcome: AuditOutcome): Promise<{ decided: number }> {
  const who = deciderOf(caller.principal, "当前账户不能审验学时");
  const unique = [...new Set(ids)];
  const reason = outcome.passed ? null : outcome.reason;
  const meta = eventMeta(caller);
  const decided = await deps.db.$transaction(
    async (tx) => {
      const rows = await lockForAudit(tx, unique, who.scopePath);
      if (rows.length !== unique.length) throw new DomainError("NOT_FOUND", "申报记录不存在或不在您的管理范围内");
      if (rows.some((r) => r.status !== "APPROVED")) throw new DomainError("CONFLICT", "只能审验审核通过且尚未审验的记录，请刷新后重试");
      await writeStatus(tx, unique, outcome.passed ? "FILED" : "VOIDED");
      await insertDecisions(
        tx,
        who,
        { kind: "AUDIT", decision: outcome.passed ? "AUDIT_PASSED" : "AUDIT_FAILED", reasonCode: null, reason },
        unique.map((id) => ({ declarationId: id, stepIndex: 0, recognizedHours: null })),
      );
      for (const d of await loadDeclarations(tx, unique)) {
        if (outcome.passed) await declarationEvent(tx, hoursEvents.declarationAudited, d, meta);
        else {
          await declarationEvent(tx, hoursEvents.declarationAuditFailed, d, meta, reason);
          await declarationEvent(tx, hoursEvents.declarationVoided, d, meta, reason);
        }
      }
      return unique.length;
    },
    { timeout: 60_000 },
  );
  deps.nudgeOutbox();
  return { decided };
}
