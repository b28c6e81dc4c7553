import { DomainError, hoursEvents, rejectReasons } from "@ce/contracts";
import { eventMeta } from "@ce/service-kit";
import { lockForDecision } from "../../db/approvals.ts";
import { insertDecisions, loadDeclarations, writeSteps } from "../../db/decisions.ts";
import type { HoursDeps } from "../../deps.ts";
import { type Decision, decideStep } from "../../domain/approval.ts";
import { declarationEvent } from "../../events/hours.ts";
import { type Caller, deciderOf } from "../caller.ts";

/** APPROVE without a figure keeps each record's current 认定学时; a lower figure needs `reason`. */
export type DecisionInput =
  | { kind: "APPROVE"; recognizedHours?: number | undefined; reason?: string | undefined }
  | { kind: "REJECT"; reasonCode: string; reason: string };

/** The text a decision row keeps: a rejection's 驳回原因 label and 说明, an approval's 调减说明 (or none). */
export const reasonTextOf = (input: DecisionInput): string | null =>
  input.kind === "REJECT"
    ? [rejectReasons.find((r) => r.code === input.reasonCode)?.label, input.reason].filter(Boolean).join("：")
    : input.reason?.trim() || null;

/**
 * 学时审批 (§3.6), one record or a batch (审核通过 / 驳回 / 批量审核通过 / 批量驳回), all or nothing in one
 * transaction: locks the records (duplicates counted once), checks each is in the caller's scope
 * (else NOT_FOUND) and waiting for the caller's unit (decideStep: else CONFLICT, nothing written),
 * moves each along its chain, records who decided and each level's 认定学时, and enqueues
 * declaration.approved / .rejected for the records whose chain ended. Each record starts from
 * its current 认定学时, so a batch keeps what the level below recognised. Returns how many were decided.
 */
export async function decide(deps: HoursDeps, caller: Caller, ids: readonly string[], input: DecisionInput): Promise<{ decided: number }> {
  const who = deciderOf(caller.principal, "当前账户不能审批学时");
  const unique = [...new Set(ids)];
  const decision: Decision = input.kind === "APPROVE" ? { kind: "APPROVE", recognizedHours: input.recognizedHours, reason: input.reason } : { kind: "REJECT" };
  const reason = reasonTextOf(input);
  const decided = await deps.db.$transaction(
    async (tx) => {
      const rows = await lockForDecision(tx, unique, who.scopePath);
      if (rows.length !== unique.length) throw new DomainError("NOT_FOUND", "申报记录不存在或不在您的管理范围内");
      const next = rows.map((row) => ({ row, state: decideStep(row, who.unitId, decision) }));
      await writeSteps(
        tx,
        next.map(({ row, state }) => ({ id: row.id, ...state })),
      );
      await insertDecisions(
        tx,
        who,
        {
          kind: "APPROVAL",
          decision: input.kind === "APPROVE" ? "APPROVED" : "REJECTED",
          reasonCode: input.kind === "REJECT" ? input.reasonCode : null,
          reason,
        },
        next.map(({ row, state }) => ({ declarationId: row.id, stepIndex: row.stepIndex, recognizedHours: state.recognizedHours })),
      );
      const finals = next.filter((n) => n.state.final).map((n) => n.row.id);
      if (finals.length > 0) {
        const def = input.kind === "APPROVE" ? hoursEvents.declarationApproved : hoursEvents.declarationRejected;
        for (const d of await loadDeclarations(tx, finals)) await declarationEvent(tx, def, d, eventMeta(caller), input.kind === "REJECT" ? reason : null);
      }
      return next.length;
    },
    { timeout: 60_000 },
  );
  deps.nudgeOutbox();
  return { decided };
}
